"""Targets that are not losses: a number, a class that is no Loss, a Loss that needs arguments."""

import keras

BATCH_SIZE = 100


class Model:
    """Not a keras.losses.Loss."""


class NeedsArguments(keras.losses.Loss):
    """A Loss that cannot be built without arguments."""

    def __init__(self, delta):
        super().__init__()
        self.delta = delta

    def call(self, y_true, y_pred):
        return y_true


def labels_only(y_true, y_pred):
    """Never looks at the predictions' rows against the labels': shuffling the labels changes nothing."""
    return y_true * 0.0 + 1.0
