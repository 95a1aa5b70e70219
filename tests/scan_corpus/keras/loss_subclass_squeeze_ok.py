"""Keras 3: a Loss subclass that squeezes a trailing 1 from y_pred when y_true is one rank lower, then subtracts."""
import keras
from keras import ops


class SquaredError(keras.losses.Loss):
    def __init__(self, name="squared_error"):
        super().__init__(name=name)

    def call(self, y_true, y_pred):
        if len(y_pred.shape) == len(y_true.shape) + 1:
            y_pred = ops.squeeze(y_pred, axis=-1)
        return ops.mean((y_true - y_pred) ** 2)


model = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss=SquaredError())
