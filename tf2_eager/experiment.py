"""TF2 eager style: the question's experiment migrated to tf.Variable, tf.GradientTape and tf.function.

- buggy: `tf.reduce_mean(tf.square(y_predict - y))`, the natural TF2 transliteration of the TF1 loss. It keeps
  the shape mismatch: predictions (B, 1) minus labels (B,) broadcasts to a B x B matrix, and nothing complains.
- fixed: the same expression with the predictions squeezed to (B,), so each prediction meets its own label.

The step is one tf.function with an input signature whose batch dimension is None: it is traced once, and the
last, shorter batch of a data size that is not a multiple of the batch size does not retrace it.

Run: python -m tf2_eager [--variant buggy|fixed|both] [--steps N] [--json PATH]   (see --help)
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

from common.config import Config
from common.data import batches, full_data_loss
from common.record import Monitor
from tf2_eager import DEFAULT_DTYPE  # noqa: F401  (part of the style's interface)

STYLE = "tf2_eager"


# --- model ------------------------------------------------------------------------------------------------
def linear_model(dtype: tf.DType, dim: int):
    """Zero-initialised weights and bias; returns (W, b, predict)."""
    W = tf.Variable(tf.zeros([dim, 1], dtype=dtype))
    b = tf.Variable(tf.zeros([1], dtype=dtype))
    return W, b, lambda x: tf.matmul(x, W) + b


# --- loss wiring ------------------------------------------------------------------------------------------
def buggy_loss(y_predict, y):
    """mean_ij (p_i - y_j)**2 = mean_i (p_i - mean(y))**2 + Var(y): (B, 1) against (B,) broadcasts to B x B."""
    return tf.reduce_mean(tf.square(y_predict - y))


def fixed_loss(y_predict, y):
    """mean_i (p_i - y_i)**2: the predictions squeezed to (B,) before they meet the labels."""
    return tf.reduce_mean(tf.square(tf.squeeze(y_predict, axis=1) - y))


WIRINGS = {"buggy": buggy_loss, "fixed": fixed_loss}


# --- training loop ----------------------------------------------------------------------------------------
def train(config: Config, variant: str, X: np.ndarray, Y: np.ndarray, monitor: Monitor):
    """The question's loop: one SGD step per batch, the loss on all rows every `log_every` steps."""
    dtype = tf.as_dtype(config.dtype)
    W, b, predict = linear_model(dtype, config.dim)
    loss_fn = WIRINGS[variant]
    lr = tf.constant(config.lr, dtype)
    signature = [tf.TensorSpec([None, config.dim], dtype), tf.TensorSpec([None], dtype)]

    @tf.function(input_signature=signature)
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = loss_fn(predict(x), y)
        dW, db = tape.gradient(loss, [W, b])
        W.assign_sub(lr * dW)
        b.assign_sub(lr * db)
        return loss

    @tf.function(input_signature=signature)
    def loss_on(x, y):
        return loss_fn(predict(x), y)

    for step, start, end in batches(config):
        batch_loss = train_step(X[start:end], Y[start:end])
        if not monitor.step(step, float(batch_loss)):
            break
        if monitor.due(step):
            monitor.record(step, full_data_loss(loss_on, X, Y, pairwise=variant == "buggy"))
    return W.numpy(), b.numpy()

