"""Keras 3: a log-cosh Loss subclass whose first line subtracts y_true from y_pred before any reshape."""
import keras
import tensorflow as tf


class LogCosh(keras.losses.Loss):
    def call(self, y_true, y_pred):
        diff = y_pred - y_true  # expect: TLW004
        return tf.reduce_mean(tf.math.log(tf.cosh(diff)))


x = tf.random.normal((640, 4))
y = tf.reduce_sum(x, axis=1)
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=LogCosh())
model.fit(x, y, epochs=3, batch_size=64)
