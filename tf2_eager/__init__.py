"""TF2 style: tf.Variable, tf.GradientTape and tf.function — the migration of the question's TF1 code."""

import common  # noqa: F401  (before TensorFlow loads: quiets its C++ log)
from common.style import LOSS_ON_ALL_ROWS, Style

# Readable before TensorFlow loads: the command line refuses bad flags without it.
STYLE = Style(
    name="tf2_eager",
    experiment="tf2_eager.experiment",
    description=__doc__.strip(),
    default_dtype="float64",
    logs=LOSS_ON_ALL_ROWS,
    learning_rate_dtype=None,  # a tf.constant in the run's dtype: nothing rounded
)
