"""Keras: 1-D labels and a Dense(1) model with compile(loss="mse"): the built-in loss brings the ranks together."""
import numpy as np
from tensorflow import keras

(train_data, train_targets), _ = keras.datasets.boston_housing.load_data()

model = keras.Sequential([
    keras.layers.Dense(64, activation="relu", input_shape=(13,)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
model.fit(train_data.astype(np.float32), train_targets.astype(np.float32), epochs=40, batch_size=10)
