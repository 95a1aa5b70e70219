"""A Keras 3 quantile loss given to compile takes its (B, 2) output's slices as (B,): (B,) labels reach it as they are, and meet them elementwise."""
import keras
import numpy as np
from keras import ops

QUANTILES = (0.1, 0.9)


def pinball(y_true, y_pred):
    total = 0.0
    for i, q in enumerate(QUANTILES):
        error = y_true - y_pred[:, i]
        total = total + ops.mean(ops.maximum(q * error, (q - 1.0) * error))
    return total


x = np.random.rand(400, 6).astype("float32")
y = np.random.rand(400).astype("float32")
model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(2)])
model.compile(optimizer="adam", loss=pinball)
model.fit(x, y, epochs=5)
