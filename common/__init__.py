"""What every style and tool stands on: data, configuration, checks, the numpy reference, the command line.

Nothing here imports a style package, nor TensorFlow or Keras at import time.
"""

import os

# TensorFlow's C++ log: errors only, unless the user chose a level. Style packages import `common` first, so
# this is set before TensorFlow loads; `common.quiet` holds back the start-up lines this does not reach.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

# Keras 3 reads KERAS_BACKEND once, when it is first imported — and importing TensorFlow imports it. A process
# here runs Keras 3 on TensorFlow unless it imports Keras itself on another backend (`keras_impl.experiment`
# sets the variable around that import), so the user's own choice is kept aside, before anything loads:
# `python -m keras_impl` honours it as its default `--backend`, the tools say in one line that they override it.
USER_KERAS_BACKEND = os.environ.get("KERAS_BACKEND")
os.environ["KERAS_BACKEND"] = "tensorflow"
