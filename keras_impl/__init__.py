"""Keras style: `train_on_batch` under Keras 3 (`keras`) or Keras 2 (`tf_keras`)."""

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
    # float64 tf_keras model trains on float32-rounded data. Keras 3 keeps them as they are.
    float32_inside_under=("tf_keras",),
    # Keras 2's compile expands rank-1 labels to (B, 1) for every loss, so its buggy wiring never broadcasts.
    buggy_masked_under=("tf_keras",),
)
