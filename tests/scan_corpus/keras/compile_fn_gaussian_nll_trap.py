"""A loss function given to compile reads a mean and a scale from a (B, 2) output; (B,) labels reach it as (B, 1) in Keras 2."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


def gaussian_nll(y_true, y_pred):
    mean, log_scale = y_pred[:, 0], y_pred[:, 1]
    return tf.reduce_mean(0.5 * tf.square(y_true - mean) * tf.exp(-2.0 * log_scale) + log_scale)  # expect: TLW003


x = np.random.rand(500, 8).astype("float32")
y = x @ np.random.rand(8).astype("float32")
inputs = keras.Input(shape=(8,))
hidden = keras.layers.Dense(32, activation="relu")(inputs)
model = keras.Model(inputs, keras.layers.Dense(2)(hidden))
model.compile(optimizer="adam", loss=gaussian_nll)
model.fit(x, y, batch_size=50, epochs=10)
