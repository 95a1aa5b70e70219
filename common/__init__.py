"""What every style and tool stands on: data, configuration, checks, the numpy reference, the command line.

Nothing here imports a style package, nor TensorFlow or Keras at import time.
"""

import os

# TensorFlow's C++ log: errors only, unless the user chose a level. Style packages import `common` first, so
# this is set before TensorFlow loads; `common.quiet` holds back the start-up lines this does not reach.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
