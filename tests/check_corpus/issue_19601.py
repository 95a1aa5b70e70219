"""keras-team/keras#19601 and the Keras 3 migration: a Loss subclass's `call` gets the shapes as they come."""

import keras
import tensorflow as tf
import tf_keras
from keras import ops


class MeanAbsoluteError(keras.losses.Loss):
    """The trap under Keras 3: (B,) labels against (B, 1) outputs broadcast inside `call`."""

    def call(self, y_true, y_pred):
        return ops.mean(ops.abs(y_true - y_pred), axis=-1)  # expect: TLW004


class SumOfSquares(keras.losses.Loss):
    """The trap with a sum: B x B terms are added instead of B."""

    def __init__(self):
        super().__init__(reduction="sum")

    def call(self, y_true, y_pred):
        return ops.square(y_true - y_pred)  # expect: TLW004


class HuberKeras2(tf_keras.losses.Loss):
    """tf_keras: compile expands (B,) labels to (B, 1), but a direct call still broadcasts."""

    def call(self, y_true, y_pred):
        error = tf.abs(y_true - y_pred)  # expect: TLW004
        return tf.reduce_mean(tf.where(error < 1.0, 0.5 * error**2, error - 0.5), axis=-1)


class MeanAbsoluteErrorReshaped(keras.losses.Loss):
    """Safe: the outputs reshaped to the labels' shape before they meet."""

    def call(self, y_true, y_pred):
        y_pred = ops.reshape(y_pred, ops.shape(y_true))
        return ops.mean(ops.abs(y_true - y_pred), axis=-1)


BUILT_IN = keras.losses.MeanSquaredError()  # safe: the built-in loss repairs the ranks
