"""Keras: two CSV tables merged on a date; the target kept a column of the merged values, (M, 1), like predict's."""
import numpy as np
import pandas as pd
from tensorflow import keras

prices = pd.read_csv("prices.csv")
volumes = pd.read_csv("volumes.csv")
table = pd.merge(prices, volumes, on="date")
values = table.iloc[:, 1:].values

model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(values[:800, 1:], values[:800, 0], epochs=10, verbose=0)

pred = model.predict(values[800:, 1:])
print("RMSE", np.sqrt(np.mean((pred - values[800:, :1]) ** 2)))
