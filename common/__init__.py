"""What every style shares: data, configuration, checks, the numpy reference, the command line.

Nothing here imports a style package, TensorFlow or Keras at import time.
"""

import os

# Hide TensorFlow's C++ INFO and WARNING lines (e.g. grappler's "Not handling type DT_DOUBLE"), unless the
# user chose a level. Style packages import `common` first so this is read before TensorFlow loads.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
