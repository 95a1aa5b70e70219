"""A Huber Loss subclass subtracts y_pred from y_true as they come, but the one model compiled with it is fitted on house prices reshaped to a (N, 1) column: no B x B under either Keras generation."""
import numpy as np
import tensorflow as tf
from sklearn.datasets import fetch_california_housing
from sklearn.model_selection import train_test_split
from tensorflow import keras


class Huber(keras.losses.Loss):
    def __init__(self, threshold=1.0, **kwargs):
        super().__init__(**kwargs)
        self.threshold = threshold

    def call(self, y_true, y_pred):
        error = y_true - y_pred
        small = tf.abs(error) < self.threshold
        return tf.where(small, tf.square(error) / 2, self.threshold * tf.abs(error) - self.threshold ** 2 / 2)


housing = fetch_california_housing()
X_train, X_valid, y_train, y_valid = train_test_split(housing.data, housing.target.reshape(-1, 1))
model = keras.Sequential([keras.layers.Dense(30, activation="relu", input_shape=X_train.shape[1:]),
                          keras.layers.Dense(1)])
model.compile(loss=Huber(2.0), optimizer="nadam")
model.fit(X_train, y_train, epochs=2, validation_data=(X_valid, y_valid))
print(np.mean(np.abs(model.predict(X_valid) - y_valid)))
