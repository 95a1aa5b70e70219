"""A loss function given to compile squeezes a Dense(1) output to (B,); both generations hand it (B,) labels as (B, 1)."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


def rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_pred[:, 0] - y_true)))  # expect: TLW003


x = np.random.rand(1000, 4).astype("float32")
y = x.sum(axis=1)
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss=rmse)
model.fit(x, y, batch_size=100, epochs=20)
