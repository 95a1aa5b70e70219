"""`python -m tf_loss_wiring.check TARGET`, with KERAS_BACKEND set: a Keras 3 loss probed on that backend, as JSON."""

import json
import sys

from tf_loss_wiring.check import probe_here

print(json.dumps(probe_here(sys.argv[1]), allow_nan=False))
