"""Keras style: the question's Keras code — Sequential, one Dense(1), SGD, a `train_on_batch` loop.

Keras repairs the rank mismatch for its built-in losses: labels (B,) against outputs (B, 1) are brought to
the same rank before they are subtracted. That is why the question's Keras run learned. Whether a loss of
your own gets that repair depends on the Keras generation:

- buggy: a `Loss` subclass as users write one, `mean((y_true - y_pred)**2)` — with `keras.ops` under Keras 3,
  the same code on every backend, and with TensorFlow's ops under Keras 2 (tf_keras), which has no `keras.ops`.
  Keras 3 hands `call` the shapes as they are: (B,) minus (B, 1) broadcasts to B x B and training lands on the
  broken optimum, on TensorFlow, JAX and PyTorch alike. Keras 2 expands rank-1 labels to (B, 1) in `compile`
  for every loss, so there the same loss learns. Code that was right under Keras 2 goes wrong under Keras 3.
- fixed: the built-in `MeanSquaredError`, which inside `compile` brings both to the same rank in both generations.

A Keras 3 backend is read once, when `keras` is imported, and holds for the whole process: it is chosen here
before that import, and a process whose Keras already runs on another backend is refused. JAX computes in
float32 unless its 64-bit mode is on, so a float64 run on JAX turns that mode on for the run and back off after.

Run: python -m keras_impl [--keras keras3|tf_keras] [--backend tensorflow|jax|torch] [--variant buggy|fixed|both]
     [--json PATH]   (see --help)
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import sys
from collections.abc import Iterator

import numpy as np

from common.config import Config
from common.data import batches
from common.monitor import Monitor
from keras_impl import KERAS_MODULES

DEFAULT_BACKEND = "tensorflow"  # Keras 3's own default, and the one that shares a process with tf_keras and TF


def keras_module(generation: str, backend: str | None = None):
    """`keras` (Keras 3) on `backend` (TensorFlow when None), or `tf_keras` (Keras 2, on TensorFlow)."""
    if generation == "keras3":
        choose_backend(backend or DEFAULT_BACKEND)
    return importlib.import_module(KERAS_MODULES[generation])


def choose_backend(backend: str) -> None:
    """Import Keras 3 on `backend`, or make sure it already runs on it: a backend cannot change in a process."""
    loaded = sys.modules.get("keras")
    if loaded is None:
        before = os.environ.get("KERAS_BACKEND")
        os.environ["KERAS_BACKEND"] = backend  # read once, by this import
        try:
            loaded = importlib.import_module("keras")
        finally:  # nothing left behind for the processes this one starts
            if before is None:
                del os.environ["KERAS_BACKEND"]
            else:
                os.environ["KERAS_BACKEND"] = before
    if loaded.backend.backend() != backend:
        raise RuntimeError(f"Keras 3 runs on the {loaded.backend.backend()} backend in this process and cannot "
                           f"switch to backend={backend!r}: run it in a process of its own "
                           f"(python -m keras_impl --backend {backend})")


def load_framework(keras: str = "keras3", backend: str | None = None) -> None:
    """Import Keras (and its backend's framework) before training, as `Case.load` asks."""
    keras_module(keras, backend)


@contextlib.contextmanager
def in_dtype(keras, dtype: str) -> Iterator[None]:
    """JAX computes in float32 unless 64-bit mode is on: on for a float64 run on JAX, then as it was."""
    if dtype != "float64" or not is_keras3(keras) or keras.backend.backend() != "jax":
        yield
        return
    import jax

    before = jax.config.jax_enable_x64
    jax.config.update("jax_enable_x64", True)
    try:
        yield
    finally:
        jax.config.update("jax_enable_x64", before)


def is_keras3(keras) -> bool:
    return keras.__version__.startswith("3.")


def loss_options(keras, dtype: str) -> dict:
    """Keras 3 losses compute in floatx (float32) unless told their dtype; Keras 2 ones use the inputs'."""
    return {"dtype": dtype} if is_keras3(keras) else {}


# --- model ------------------------------------------------------------------------------------------------
def linear_model(keras, dtype: str, dim: int):
    """The question's model; the dtype is the layer's own, so no global `floatx` is changed."""
    return keras.Sequential([
        keras.Input(shape=(dim,), dtype=dtype),
        keras.layers.Dense(1, kernel_initializer="zeros", bias_initializer="zeros", dtype=dtype),
    ])


# --- loss wiring ------------------------------------------------------------------------------------------
def buggy_loss(keras, dtype: str):
    """mean_ij (y_i - p_j)**2 when Keras passes labels (B,) with outputs (B, 1), as Keras 3 does on every backend."""
    if not is_keras3(keras):
        return keras2_buggy_loss(keras)
    ops = keras.ops

    class MeanSquaredError(keras.losses.Loss):
        def call(self, y_true, y_pred):
            return ops.mean(ops.square(y_true - y_pred))

    return MeanSquaredError(**loss_options(keras, dtype))


def fixed_loss(keras, dtype: str):
    """mean_i (y_i - p_i)**2: the built-in loss brings labels and outputs to the same rank first."""
    return keras.losses.MeanSquaredError(**loss_options(keras, dtype))


def keras2_buggy_loss(keras):
    """The same loss under Keras 2, which has no `keras.ops`: written with TensorFlow's ops, as its users did."""
    import tensorflow as tf

    class MeanSquaredError(keras.losses.Loss):
        def call(self, y_true, y_pred):
            return tf.reduce_mean(tf.math.squared_difference(y_true, y_pred))

    return MeanSquaredError()


WIRINGS = {"buggy": buggy_loss, "fixed": fixed_loss}


# --- training loop ----------------------------------------------------------------------------------------
def resets_metrics_in_train_on_batch(keras) -> bool:
    """Whether `train_on_batch` returns this batch's loss by itself: tf_keras (`reset_metrics=True`) and Keras
    3.15 on reset the loss tracker first; Keras 3.0-3.14 return the mean since compile unless it is reset."""
    if not is_keras3(keras):
        return True
    return tuple(int(part) for part in re.findall(r"\d+", keras.__version__)[:2]) >= (3, 15)


def train(config: Config, variant: str, X: np.ndarray, Y: np.ndarray, monitor: Monitor, keras: str = "keras3",
          backend: str | None = None):
    """The question's loop: `train_on_batch` per batch, its returned batch loss every `log_every` steps."""
    k = keras_module(keras, backend)
    with in_dtype(k, config.dtype):
        model = linear_model(k, config.dtype, config.dim)
        model.compile(loss=WIRINGS[variant](k, config.dtype), optimizer=k.optimizers.SGD(learning_rate=config.lr))
        resets_itself = resets_metrics_in_train_on_batch(k)
        for step, start, end in batches(config):
            if not resets_itself:
                model.reset_metrics()  # or train_on_batch returns the mean of every batch loss since compile
            batch_loss = model.train_on_batch(X[start:end], Y[start:end])
            if not monitor.step(step, float(batch_loss)):
                break
            if monitor.due(step):
                monitor.record(step, batch_loss)
        return model.layers[-1].get_weights()
