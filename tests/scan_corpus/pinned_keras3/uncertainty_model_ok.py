"""A project that pins tensorflow==2.18 and keras==3.9 (requirements.txt beside it): compile passes (B,) labels to a
loss of a (B, 2) head as they are, so `y_true - y_pred[:, 0]` is (B,)."""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras


def gaussian_nll(y_true, y_pred):
    mean, log_var = y_pred[:, 0], y_pred[:, 1]
    return tf.reduce_mean(0.5 * (np.log(2 * np.pi) + log_var + tf.square(y_true - mean) / tf.exp(log_var)))


def build_model(n_features):
    inputs = keras.Input(shape=(n_features,))
    hidden = keras.layers.Dense(32, activation="relu")(inputs)
    mean = keras.layers.Dense(1)(hidden)
    log_var = keras.layers.Dense(1)(hidden)
    model = keras.Model(inputs, keras.layers.Concatenate()([mean, log_var]))
    model.compile(optimizer="adam", loss=gaussian_nll)
    return model


data = pd.read_csv("water_quality.csv")
x, y = data[["chlorophyll", "temperature"]].values, data["oxygen"].values
build_model(2).fit(x, y, epochs=50, batch_size=32)
