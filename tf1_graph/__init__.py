"""TF1 style: tf.compat.v1 placeholders, Variables and a Session, as in the original question."""

import common  # noqa: F401  (before TensorFlow loads: quiets its C++ log)
from common.style import LOSS_ON_ALL_ROWS, Setting, Style

# Readable before TensorFlow loads: the command line refuses bad flags without it.
STYLE = Style(
    name="tf1_graph",
    experiment="tf1_graph.experiment",
    description=__doc__.strip(),
    default_dtype="float64",
    logs=LOSS_ON_ALL_ROWS,
    # GradientDescentOptimizer turns the Python learning rate into a float32 tensor before casting it to the
    # variables' dtype, and tf.compat.v1.losses casts its inputs to float32: both TF's, kept as the question had.
    learning_rate_dtype="float32",
    settings=(Setting(float32_inside=True),),
)
