"""Keras style: `train_on_batch` under Keras 3 (`keras`, on TensorFlow, JAX or PyTorch) or Keras 2 (`tf_keras`)."""

import common  # noqa: F401  (before TensorFlow loads: quiets its C++ log)
from common.style import BATCH_LOSS, Style

# Readable before TensorFlow loads: the command line refuses bad flags without it.
STYLE = Style(
    name="keras_impl",
    experiment="keras_impl.experiment",
    description=__doc__.strip(),
    default_dtype="float32",
    logs=BATCH_LOSS,
    log_dtype="float32",  # train_on_batch reports the loss through a `Mean` metric kept in floatx, float32
    generations=("keras3", "tf_keras"),  # Keras 3 (`keras`) and Keras 2 (`tf_keras`)
    learning_rate_dtype="float32",  # both generations' SGD keep the learning rate in a float32 variable
    # Keras 2's data adapter converts float numpy inputs to floatx (float32) whatever the model's dtype, so a
    # float64 tf_keras model trains on float32-rounded data. Keras 3 keeps them as they are, but on JAX and
    # PyTorch `keras.ops.mean` of float64 computes in float32 and casts back (its compute dtype is
    # `result_type(float64, "float32")`, float32 there): both wirings take a mean, so each step rounds.
    float32_inside_under=("tf_keras", "keras3-jax", "keras3-torch"),
    # Keras 2's compile expands rank-1 labels to (B, 1) for every loss, so its buggy wiring never broadcasts.
    buggy_masked_under=("tf_keras",),
    # Keras 3 runs on any of these, chosen before it is imported, for the whole process; tf_keras on TensorFlow.
    backends=("tensorflow", "jax", "torch"),
    backends_under=("keras3",),
)
