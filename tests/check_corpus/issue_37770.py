"""tensorflow/tensorflow#37770: an MSE of [128] and [128, 1] gives another value than of two [128]s."""

import keras
import tensorflow as tf
import tf_keras

from tf_loss_wiring.guard import same_shape


def mse_by_hand(targets, predictions):
    """The trap: (B,) minus (B, 1) is a B x B matrix."""
    return tf.reduce_mean(tf.square(targets - predictions))


def mse_tf_keras(targets, predictions):
    """The trap in Keras 2: tf_keras's mean_squared_error function never brings the ranks together."""
    return tf.reduce_mean(tf_keras.losses.mean_squared_error(targets, predictions))


def mse_keras3(targets, predictions):
    """Safe: Keras 3's function squeezes or expands one side to the other's rank first."""
    return tf.reduce_mean(keras.losses.mean_squared_error(targets, predictions))


def mse_guarded(targets, predictions):
    """Safe: refuses shapes that differ instead of broadcasting them."""
    targets, predictions = same_shape(targets, predictions)
    return tf.reduce_mean(tf.square(targets - predictions))
