"""TF2 style: tf.Variable, tf.GradientTape and tf.function — the migration of the question's TF1 code."""

import common  # noqa: F401  (before TensorFlow loads: quiets its C++ log)

# What the command line needs, readable before TensorFlow loads (bad flags are refused without it).
DEFAULT_DTYPE = "float64"
