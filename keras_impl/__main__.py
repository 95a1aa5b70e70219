"""`python -m keras_impl`: the question's Keras experiment (--keras keras3|tf_keras), buggy wiring then fixed."""

from common.cli import main
from keras_impl import STYLE

raise SystemExit(main(STYLE))
