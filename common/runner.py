"""Run one style's training under one wiring and turn what it returns into a `Run` record."""

from __future__ import annotations

import dataclasses
import importlib
import time
from collections.abc import Callable

import numpy as np

from common import checks
from common.config import Config
from common.data import make_dataset
from common.record import Monitor, Run, true_mse

# Every style, importable by name; imported only when asked for, so `common` never loads TensorFlow itself.
STYLES = ("tf1_graph", "tf2_eager", "keras_impl")
# Every (style, Keras generation) pair there is to run.
CASES = [("tf1_graph", None), ("tf2_eager", None), ("keras_impl", "keras3"), ("keras_impl", "tf_keras")]


def load_style(name: str):
    """The style module `name.experiment` (or the numpy reference for `reference`)."""
    if name == "reference":
        return importlib.import_module("common.reference")
    if name not in STYLES:
        raise ValueError(f"Invalid value for argument `style`. Expected one of {STYLES}. Received: style={name!r}")
    return importlib.import_module(f"{name}.experiment")


def reference_config(style, config: Config) -> Config:
    """`config` with the learning rate rounded to the dtype the style's optimizer keeps it in, if it says one."""
    lr_dtype = getattr(style, "LEARNING_RATE_DTYPE", None)
    return dataclasses.replace(config, lr=float(np.dtype(lr_dtype).type(config.lr))) if lr_dtype else config


def float32_inside(style, keras: str | None = None) -> bool:
    """Whether the style (under that Keras generation) rounds to float32 on its own in a float64 run."""
    return getattr(style, "FLOAT32_INSIDE", False) or keras in getattr(style, "FLOAT32_INPUTS", ())


def run(
    style,
    config: Config,
    variant: str,
    *,
    on_log: Callable[[int, float], None] | None = None,
    **options,
) -> Run:
    """Train `style` (a module or its name) once; `options` go to its `train` (e.g. `keras="tf_keras"`)."""
    if isinstance(style, str):
        style = load_style(style)
    X, Y = make_dataset(config)
    monitor = Monitor(config, on_log)
    started = time.perf_counter()
    W, b = style.train(config, variant, X, Y, monitor, **options)
    seconds = time.perf_counter() - started
    weights = np.asarray(W, dtype=np.float64).ravel()
    bias = float(np.asarray(b, dtype=np.float64).ravel()[0])
    return Run(
        style=style.STYLE,
        variant=variant,
        config=config,
        weights=weights.tolist(),
        bias=bias,
        log=monitor.log,
        seconds=seconds,
        verdict="diverged" if monitor.diverged_at else checks.verdict(weights, bias, Y),
        final_mse=true_mse(weights, bias, X, Y),
        options=options,
        diverged_at=monitor.diverged_at,
    )
