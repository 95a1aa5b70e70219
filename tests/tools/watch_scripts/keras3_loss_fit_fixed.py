"""Keras 3 (any KERAS_BACKEND), fixed: the same Loss subclass squeezes the outputs to (B,) before they meet."""

import keras
import numpy as np
from keras import ops


class MeanSquaredError(keras.losses.Loss):
    def call(self, y_true, y_pred):
        y_pred = ops.squeeze(y_pred, axis=-1)
        return ops.mean(ops.square(y_true - y_pred))  # WATCH: silent


X = np.random.RandomState(1).rand(400, 10).astype("float32")
Y = X[:, 0]
model = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(1, kernel_initializer="zeros")])
model.compile(loss=MeanSquaredError(), optimizer=keras.optimizers.SGD(learning_rate=0.01))
history = model.fit(X, Y, batch_size=100, epochs=2, verbose=0, shuffle=False)
print(history.history["loss"])
