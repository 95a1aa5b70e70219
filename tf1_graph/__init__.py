"""TF1 style: tf.compat.v1 placeholders, Variables and a Session, as in the original question."""

import common  # noqa: F401  (before TensorFlow loads: quiets its C++ log)

# What the command line needs, readable before TensorFlow loads (bad flags are refused without it).
DEFAULT_DTYPE = "float64"
