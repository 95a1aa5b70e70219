"""TF2 eager style: the question's experiment migrated to tf.Variable, tf.GradientTape and tf.function.

- buggy: `tf.reduce_mean(tf.math.squared_difference(y_predict, y))`, what TF1's `mean_squared_error` computes,
  written in TF2. It keeps the shape mismatch: predictions (B, 1) against labels (B,) broadcast to a B x B
  matrix, and nothing complains.
- fixed: the same expression with the predictions squeezed to (B,), so each prediction meets its own label.

The loop runs inside one tf.function, as TF2 performance advice has it: each call trains every step up to the
next logged one (`tf.range` loop, batches sliced in the graph from bounds that `common.data` computes), so
Python is visited once per log line, not once per step. The input signature has an unknown length, so it is
traced once; a data size that is not a multiple of the batch size (a shorter last batch) does not retrace it.

Run: python -m tf2_eager [--variant buggy|fixed|both] [--steps N] [--json PATH]   (see --help)
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

from common.config import Config
from common.data import chunks, full_data_loss
from common.monitor import Monitor


# --- model ------------------------------------------------------------------------------------------------
def linear_model(dtype: tf.DType, dim: int):
    """Zero-initialised weights and bias; returns (W, b, predict)."""
    W = tf.Variable(tf.zeros([dim, 1], dtype=dtype))
    b = tf.Variable(tf.zeros([1], dtype=dtype))
    return W, b, lambda x: tf.matmul(x, W) + b


# --- loss wiring ------------------------------------------------------------------------------------------
def buggy_loss(y_predict, y):
    """mean_ij (p_i - y_j)**2 = mean_i (p_i - mean(y))**2 + Var(y): (B, 1) against (B,) broadcasts to B x B."""
    return tf.reduce_mean(tf.math.squared_difference(y_predict, y))


def fixed_loss(y_predict, y):
    """mean_i (p_i - y_i)**2: the predictions squeezed to (B,) before they meet the labels."""
    return tf.reduce_mean(tf.math.squared_difference(tf.squeeze(y_predict, axis=1), y))


WIRINGS = {"buggy": buggy_loss, "fixed": fixed_loss}


# --- training loop ----------------------------------------------------------------------------------------
def train(config: Config, variant: str, X: np.ndarray, Y: np.ndarray, monitor: Monitor):
    """The question's loop: one SGD step per batch, the loss on all rows every `log_every` steps."""
    dtype = tf.as_dtype(config.dtype)
    W, b, predict = linear_model(dtype, config.dim)
    loss_fn = WIRINGS[variant]
    lr = tf.constant(config.lr, dtype)
    X_all, Y_all = tf.constant(X), tf.constant(Y)

    @tf.function(input_signature=[tf.TensorSpec([None], tf.int64)] * 2)
    def train_steps(starts, ends):
        """One SGD step per (start, end) batch; returns the losses (the monitor stops at a non-finite one: a
        `break` on it here would cost every step ~15%, for runs that are over anyway)."""
        losses = tf.TensorArray(dtype, size=0, dynamic_size=True)
        for i in tf.range(tf.size(starts)):
            x, y = X_all[starts[i]:ends[i]], Y_all[starts[i]:ends[i]]
            with tf.GradientTape() as tape:
                loss = loss_fn(predict(x), y)
            dW, db = tape.gradient(loss, [W, b])
            W.assign_sub(lr * dW)
            b.assign_sub(lr * db)
            losses = losses.write(i, loss)
        return losses.stack()

    def loss_on(x, y):  # eager: a few ops on all rows every `log_every` steps cost less than tracing them
        return loss_fn(predict(x), y).numpy()

    for steps, starts, ends in chunks(config):
        losses = train_steps(starts, ends).numpy()
        if not all(monitor.step(int(step), float(loss)) for step, loss in zip(steps, losses, strict=False)):
            break
        if monitor.due(steps[-1]):
            monitor.record(steps[-1], full_data_loss(loss_on, X, Y, pairwise=variant == "buggy"))
    return W.numpy(), b.numpy()
