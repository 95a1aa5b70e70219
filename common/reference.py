"""The oracle: a framework-free numpy trainer with analytic gradients for both loss wirings.

It follows the TensorFlow code exactly: the same cyclic batches, one simultaneous SGD update of W and b per
step from gradients taken at the same point, the same logging. Every style is tested against it.

With p = X @ W + b (shape (B, 1)) and labels y (shape (B,)):
- buggy: L = mean_ij (p_i - y_j)**2 = mean_i (p_i - mean(y))**2 + Var(y), so dL/dp_i = 2 (p_i - mean(y)) / B;
- fixed: L = mean_i (p_i - y_i)**2, so dL/dp_i = 2 (p_i - y_i) / B.
"""

from __future__ import annotations

import numpy as np

from common.config import Config
from common.data import batches
from common.monitor import Monitor
from common.style import LOSS_ON_ALL_ROWS, Style

REFERENCE = Style(name="reference", experiment="common.reference", description=__doc__.splitlines()[0],
                  default_dtype="float64", logs=LOSS_ON_ALL_ROWS)


def residuals(X, W, b, Y, variant: str) -> np.ndarray:
    """What each prediction is pulled towards: its own label (fixed) or the batch's mean label (buggy)."""
    p = (X @ W + b)[:, 0]
    return p - (Y.mean() if variant == "buggy" else Y)


def loss(X, W, b, Y, variant: str) -> float:
    """The wiring's loss, in O(N) memory: the buggy one through mean_i (p_i - mean(y))**2 + Var(y)."""
    r = residuals(X, W, b, Y, variant)
    return float(np.mean(r * r) + (np.var(Y) if variant == "buggy" else 0.0))


def gradients(X, r: np.ndarray):
    """dL/dW and dL/db from the residuals r, through dL/dp_i = 2 r_i / B."""
    grad_p = (2 / X.dtype.type(len(X))) * r[:, None]
    return X.T @ grad_p, grad_p.sum(axis=0)


def train(config: Config, variant: str, X: np.ndarray, Y: np.ndarray, monitor: Monitor):
    """SGD with analytic gradients; returns the final (W, b)."""
    dtype = np.dtype(config.dtype)
    lr = dtype.type(config.lr)
    W = np.zeros((config.dim, 1), dtype)
    b = np.zeros(1, dtype)
    with np.errstate(all="ignore"):  # a diverging run is stopped by the monitor, not by a warning
        for step, start, end in batches(config):
            x = X[start:end]
            r = residuals(x, W, b, Y[start:end], variant)
            if not monitor.step(step, loss(x, W, b, Y[start:end], variant)):
                break
            dW, db = gradients(x, r)
            W = W - lr * dW
            b = b - lr * db
            if monitor.due(step):
                monitor.record(step, loss(X, W, b, Y, variant))
    return W, b
