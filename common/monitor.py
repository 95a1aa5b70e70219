"""The monitor every training loop reports to: each step's batch loss, the log, and where a run diverged."""

from __future__ import annotations

import dataclasses
import math
import threading
from collections.abc import Callable

from common.config import Config

# Set by the command line's Ctrl-C handler (common/cli.py). Python raises the KeyboardInterrupt wherever the main
# thread is at that moment; where that is a garbage collector's callback (JAX registers one), it prints "Exception
# ignored" and training goes on. The next step then raises it again.
INTERRUPTED = threading.Event()


@dataclasses.dataclass
class Monitor:
    """Watches a training loop: keeps every step's batch loss, stops the loop at the first non-finite one,
    and logs every `log_every` steps."""

    config: Config
    on_log: Callable[[int, float], None] | None = None
    log: list[dict] = dataclasses.field(default_factory=list)
    batch_losses: list[float] = dataclasses.field(default_factory=list)
    diverged_at: dict | None = None

    def step(self, step: int, batch_loss: float) -> bool:
        """Record one step's batch loss (before its update); False (and `diverged_at` set) when it is not finite."""
        if INTERRUPTED.is_set():
            raise KeyboardInterrupt
        self.batch_losses.append(float(batch_loss))
        if not math.isfinite(batch_loss):
            self.diverged_at = {"step": int(step), "loss": float(batch_loss)}
            return False
        return True

    def due(self, step: int) -> bool:
        """Whether the loop logs after this step (the question: every 1000 steps, from step 0)."""
        return step % self.config.log_every == 0

    def record(self, step: int, loss: float) -> None:
        self.log.append({"step": int(step), "loss": float(loss)})
        if self.on_log:
            self.on_log(int(step), float(loss))
