"""Keras 3: a Loss subclass computing mean((y_true - y_pred) ** 2) directly in call, compiled for 1-D labels."""
import keras
from keras import ops


class SquaredError(keras.losses.Loss):
    def __init__(self, name="squared_error"):
        super().__init__(name=name)

    def call(self, y_true, y_pred):
        return ops.mean((y_true - y_pred) ** 2)  # expect: TLW004


model = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss=SquaredError())
