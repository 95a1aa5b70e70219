"""A loss that is wrong even when the shapes agree: it squeezes the predictions whatever comes."""

import tensorflow as tf


def squeezing_mse(y_true, y_pred):
    """The trap: right for (B,) labels and (B, 1) outputs, a B x B broadcast for (B, 1) and (B, 1)."""
    y_pred = tf.squeeze(y_pred)
    return tf.reduce_mean(tf.square(y_true - y_pred))


def reshaping_mse(y_true, y_pred):
    """Safe: the predictions take the labels' shape, whichever it is."""
    y_pred = tf.reshape(y_pred, tf.shape(y_true))
    return tf.reduce_mean(tf.square(y_true - y_pred))
