"""numpy, fixed: model.predict(...).ravel() is (n,) against the (n,) labels before squaring and averaging."""
import numpy as np
from tensorflow import keras

(train_data, train_targets), _ = keras.datasets.boston_housing.load_data()
x_train = train_data.astype(np.float32)
y_train = train_targets.astype(np.float32)

model = keras.Sequential([keras.layers.Dense(64, activation="relu", input_shape=(13,)), keras.layers.Dense(1)])
model.compile(optimizer="rmsprop", loss="mse")
model.fit(x_train, y_train, epochs=10, batch_size=16)

manual_mse = np.mean((y_train - model.predict(x_train).ravel()) ** 2)
print("keras:", model.evaluate(x_train, y_train), "by hand:", manual_mse)
