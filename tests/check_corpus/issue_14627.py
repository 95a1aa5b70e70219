"""keras-team/keras#14627: "the mse calculated by keras is not the same as mine" — the user's own MSE broadcast."""

import numpy as np


def my_mse(y_train, predicted):
    """The trap: numpy broadcasts (N,) labels against `model.predict`'s (N, 1) to N x N."""
    return np.square(np.subtract(y_train, predicted)).mean()


def my_mse_flat(y_train, predicted):
    """Safe: both sides flattened to (N,) first."""
    return np.square(np.subtract(np.ravel(y_train), np.ravel(predicted))).mean()
