"""The result record every style returns, and the monitor every training loop reports to."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from common.config import Config

if TYPE_CHECKING:
    from common.style import Case


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


@dataclasses.dataclass
class Run:
    """One training run: what was asked, where it landed, how long it took."""

    case: Case
    variant: str
    config: Config
    weights: list[float]
    bias: float
    log: list[dict]
    batch_losses: list[float]  # every step's, before its update: the curve a plot draws (not in the JSON)
    seconds: float
    verdict: str
    final_mse: float
    diverged_at: dict | None = None

    @property
    def style(self) -> str:
        return self.case.style.name

    @property
    def label(self) -> str:
        """A readable id: `tf1_graph-buggy`, `keras_impl[tf_keras]-fixed`."""
        return self.case.run_label(self.variant)

    @property
    def masked(self) -> bool:
        """A buggy wiring whose shapes the framework repaired, so it trained as the fixed one."""
        return self.case.masked(self.variant)

    def as_dict(self) -> dict:
        record = {
            "style": self.style,
            "variant": self.variant,
            **self.case.options,
            "masked": self.masked,
            "config": self.config.as_dict(),
            "weights": [_finite_or_none(w) for w in self.weights],
            "bias": _finite_or_none(self.bias),
            "log": [{"step": entry["step"], "loss": _finite_or_none(entry["loss"])} for entry in self.log],
            "seconds": self.seconds,
            "verdict": self.verdict,
            "final_mse": _finite_or_none(self.final_mse),
        }
        if self.diverged_at:
            at = self.diverged_at
            record["diverged_at"] = {"step": at["step"], "loss": _finite_or_none(at["loss"])}
        return record


def _finite_or_none(value: float) -> float | None:
    """JSON has no NaN or infinity: a non-finite number is written as null."""
    value = float(value)
    return value if math.isfinite(value) else None


def true_mse(weights, bias, X: np.ndarray, Y: np.ndarray) -> float:
    """The correct mean squared error of a linear model on all rows, in float64 — comparable across styles."""
    with np.errstate(all="ignore"):
        p = X.astype(np.float64) @ np.asarray(weights, dtype=np.float64).ravel() + float(bias)
        return float(np.mean((p - Y) ** 2))


def write_json(path: str, runs: list[Run], **extra) -> None:
    """Write `{"runs": [...]}` (plus any extra top-level fields) to `path`."""
    with open(path, "w") as f:
        json.dump({"runs": [run.as_dict() for run in runs], **extra}, f, indent=1, allow_nan=False)
        f.write("\n")
