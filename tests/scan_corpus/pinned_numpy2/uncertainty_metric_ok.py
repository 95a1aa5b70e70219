"""A project whose requirements.txt pins numpy==2.2.4 and no TensorFlow (numpy 2 installs with TensorFlow 2.18 on, so
Keras 3): compile hands (B,) labels as they are to the loss and to the metric of a (B, 2) head."""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras


def gaussian_nll(y_true, y_pred):
    mean, log_var = y_pred[:, 0], y_pred[:, 1]
    return 0.5 * (tf.math.log(2 * np.pi) + log_var + tf.square(y_true - mean) / tf.exp(log_var))


def mean_prediction_mse(y_true, y_pred):
    return tf.keras.losses.mse(y_true, y_pred[:, 0])


def build_model(input_dim=2):
    inputs = keras.Input(shape=(input_dim,))
    hidden = keras.layers.Dense(64, activation="relu")(inputs)
    mean = keras.layers.Dense(1)(hidden)
    log_var = keras.layers.Dense(1)(hidden)
    model = keras.Model(inputs, keras.layers.Concatenate()([mean, log_var]))
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=gaussian_nll, metrics=[mean_prediction_mse])
    return model


def load(path):
    data = pd.read_csv(path)
    return data[["chl_a", "water_temp"]].values, data["doxy"].values.flatten()


x, y = load("water_quality.csv")
build_model(2).fit(x, y, epochs=100, batch_size=32)
