"""Keras: a metric given to compile reads the mean column of a (B, 2) head against (B, 1) labels; (B, 1) x (B,)."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


def gaussian_nll(y_true, y_pred):
    mean, log_var = y_pred[:, :1], y_pred[:, 1:]
    return tf.reduce_mean(0.5 * (log_var + tf.square(y_true - mean) / tf.exp(log_var)))


def mean_abs_error(y_true, y_pred):
    return tf.reduce_mean(tf.abs(y_true - y_pred[:, 0]))  # expect: TLW003


inputs = keras.Input(shape=(8,))
hidden = keras.layers.Dense(32, activation="relu")(inputs)
outputs = keras.layers.Concatenate()([keras.layers.Dense(1)(hidden), keras.layers.Dense(1)(hidden)])
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=gaussian_nll, metrics=[mean_abs_error])
x, y = np.random.rand(1000, 8), np.random.rand(1000)
model.fit(x, y.reshape(-1, 1), epochs=10, batch_size=32)
