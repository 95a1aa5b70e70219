"""`from keras import backend as K`: a Loss subclass returning K.mean(K.abs(y_pred - y_true)) on shapes as they come."""
import numpy as np
from keras import backend as K
from keras import layers, models
from keras.losses import Loss


class MeanAbsolute(Loss):
    def call(self, y_true, y_pred):
        return K.mean(K.abs(y_pred - y_true), axis=-1)  # expect: TLW004


x = np.random.rand(300, 13).astype("float32")
y = x.sum(axis=1)
model = models.Sequential([layers.Input(shape=(13,)), layers.Dense(1)])
model.compile(optimizer="rmsprop", loss=MeanAbsolute())
model.fit(x, y, epochs=2, batch_size=30)
