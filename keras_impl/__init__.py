"""Keras style: `train_on_batch` under Keras 3 (`keras`, on TensorFlow, JAX or PyTorch) or Keras 2 (`tf_keras`)."""

import common  # noqa: F401  (before TensorFlow loads: quiets its C++ log)
from common.style import BATCH_LOSS, Setting, Style

# The module each Keras generation is imported as.
KERAS_MODULES = {"keras3": "keras", "tf_keras": "tf_keras"}

# Readable before TensorFlow loads: the command line refuses bad flags without it.
STYLE = Style(
    name="keras_impl",
    experiment="keras_impl.experiment",
    description=__doc__.strip(),
    default_dtype="float32",
    logs=BATCH_LOSS,
    log_dtype="float32",  # train_on_batch reports the loss through a `Mean` metric kept in floatx, float32
    learning_rate_dtype="float32",  # both generations' SGD keep the learning rate in a float32 variable
    settings=(
        # Keras 3 runs on any of these, chosen before it is imported, for the whole process. It keeps float64
        # inputs as they are, but on JAX and PyTorch `keras.ops.mean` of float64 computes in float32 and casts
        # back (its compute dtype is `result_type(float64, "float32")`, float32 there): both wirings take a mean.
        Setting("keras3", "tensorflow"),
        Setting("keras3", "jax", float32_inside=True),
        Setting("keras3", "torch", float32_inside=True),
        # Keras 2, on TensorFlow: its data adapter converts float numpy inputs to floatx (float32) whatever the
        # model's dtype, and its compile expands rank-1 labels to (B, 1) for every loss, so its buggy wiring
        # never broadcasts.
        Setting("tf_keras", float32_inside=True, buggy_masked=True),
    ),
)
