"""Keras 3: a Loss subclass whose call hands y_true and y_pred, as they come, to a helper that subtracts them."""
import keras
import numpy as np
from keras import backend as K


def my_mse(y_true, y_pred):
    return K.mean(K.square(y_true - y_pred))  # expect: TLW004


class L(keras.losses.Loss):
    def call(self, y_true, y_pred):
        return my_mse(y_true, y_pred)


x = np.random.rand(1000, 10).astype("float32")
y = x[:, 0]
model = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(0.01), loss=L())
model.fit(x, y, batch_size=100, epochs=5)
