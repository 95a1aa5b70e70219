"""Keras style: the question's Keras code — Sequential, one Dense(1), SGD, a `train_on_batch` loop.

Keras repairs the rank mismatch for its built-in losses: labels (B,) against outputs (B, 1) are brought to
the same rank before they are subtracted. That is why the question's Keras run learned. Whether a loss of
your own gets that repair depends on the Keras generation:

- buggy: a `Loss` subclass as users write one, `mean((y_true - y_pred)**2)`, the very same code under both.
  Keras 3 hands `call` the shapes as they are: (B,) minus (B, 1) broadcasts to B x B and training lands on the
  broken optimum. Keras 2 (tf_keras) expands rank-1 labels to (B, 1) in `compile` for every loss, so there the
  same code learns. Code that was right under Keras 2 goes wrong under Keras 3.
- fixed: the built-in `MeanSquaredError`, which inside `compile` brings both to the same rank in both generations.

Run: python -m keras_impl [--keras keras3|tf_keras] [--variant buggy|fixed|both] [--json PATH]   (see --help)
"""

from __future__ import annotations

import importlib

import numpy as np
import tensorflow as tf

from common.config import Config
from common.data import batches
from common.record import Monitor


def keras_module(generation: str):
    """`keras` (Keras 3) or `tf_keras` (Keras 2), both importable in one process."""
    return importlib.import_module({"keras3": "keras", "tf_keras": "tf_keras"}[generation])


def loss_options(keras, dtype: str) -> dict:
    """Keras 3 losses compute in floatx (float32) unless told their dtype; Keras 2 ones use the inputs'."""
    return {"dtype": dtype} if keras.__version__.startswith("3.") else {}


# --- model ------------------------------------------------------------------------------------------------
def linear_model(keras, dtype: str, dim: int):
    """The question's model; the dtype is the layer's own, so no global `floatx` is changed."""
    return keras.Sequential([
        keras.Input(shape=(dim,), dtype=dtype),
        keras.layers.Dense(1, kernel_initializer="zeros", bias_initializer="zeros", dtype=dtype),
    ])


# --- loss wiring ------------------------------------------------------------------------------------------
def buggy_loss(keras, dtype: str):
    """mean_ij (y_i - p_j)**2 when Keras passes labels (B,) with outputs (B, 1), as Keras 3 does."""

    class MeanSquaredError(keras.losses.Loss):
        def call(self, y_true, y_pred):
            return tf.reduce_mean(tf.math.squared_difference(y_true, y_pred))

    return MeanSquaredError(**loss_options(keras, dtype))


def fixed_loss(keras, dtype: str):
    """mean_i (y_i - p_i)**2: the built-in loss brings labels and outputs to the same rank first."""
    return keras.losses.MeanSquaredError(**loss_options(keras, dtype))


WIRINGS = {"buggy": buggy_loss, "fixed": fixed_loss}


# --- training loop ----------------------------------------------------------------------------------------
def train(config: Config, variant: str, X: np.ndarray, Y: np.ndarray, monitor: Monitor, keras: str = "keras3"):
    """The question's loop: `train_on_batch` per batch, its returned batch loss every `log_every` steps."""
    k = keras_module(keras)
    model = linear_model(k, config.dtype, config.dim)
    model.compile(loss=WIRINGS[variant](k, config.dtype), optimizer=k.optimizers.SGD(learning_rate=config.lr))
    for step, start, end in batches(config):
        # Keras 3.0-3.14 return the mean of every batch loss since compile; 3.15 and tf_keras reset it first.
        model.reset_metrics()
        batch_loss = model.train_on_batch(X[start:end], Y[start:end])
        if not monitor.step(step, float(batch_loss)):
            break
        if monitor.due(step):
            monitor.record(step, batch_loss)
    return model.layers[-1].get_weights()

