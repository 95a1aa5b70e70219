"""Keras style: `train_on_batch` under Keras 3 (`keras`) or Keras 2 (`tf_keras`)."""

import common  # noqa: F401  (before TensorFlow loads: quiets its C++ log)

# What the command line needs, readable before TensorFlow loads (bad flags are refused without it).
DEFAULT_DTYPE = "float32"
GENERATIONS = ("keras3", "tf_keras")  # Keras 3 (`keras`) and Keras 2 (`tf_keras`)
