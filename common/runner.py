"""Run one case's training under one wiring and turn what it returns into a `Run` record."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

import numpy as np

from common import checks
from common.config import Config
from common.data import make_dataset
from common.monitor import Monitor
from common.record import Run, true_mse
from common.reference import REFERENCE
from common.style import Case


def run(case: Case, config: Config, variant: str, *, on_log: Callable[[int, float], None] | None = None) -> Run:
    """Train `case` once on `config` with the `variant` wiring, from the question's dataset for that config."""
    experiment = case.style.load()
    X, Y = make_dataset(config)
    monitor = Monitor(config, on_log)
    started = time.perf_counter()
    W, b = experiment.train(config, variant, X, Y, monitor, **case.options)
    seconds = time.perf_counter() - started
    weights = np.asarray(W, dtype=np.float64).ravel()
    bias = float(np.asarray(b, dtype=np.float64).ravel()[0])
    return Run(
        case=case,
        variant=variant,
        config=config,
        weights=weights.tolist(),
        bias=bias,
        log=monitor.log,
        batch_losses=monitor.batch_losses,
        seconds=seconds,
        verdict="diverged" if monitor.diverged_at else checks.verdict(weights, bias, Y),
        final_mse=true_mse(weights, bias, X, Y),
        diverged_at=monitor.diverged_at,
    )


@functools.lru_cache(maxsize=32)
def reference(config: Config, variant: str) -> Run:
    """The numpy reference's run (computed once per configuration and wiring in a process)."""
    return run(Case(REFERENCE), config, variant)


def reference_for(done: Run) -> Run:
    """The reference on what `done` really trained: its wiring (the fixed one where masked), its rounded rate."""
    return reference(done.case.reference_config(done.config), done.case.trains_like(done.variant))
