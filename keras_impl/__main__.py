"""`python -m keras_impl`: the question's Keras experiment (--keras keras3|tf_keras), buggy wiring then fixed."""

from common.cli import main

raise SystemExit(main("keras_impl"))
