"""A loss that broadcasts through one path only: right when called eagerly, B x B in a TF1 graph."""

import tensorflow as tf


def broadcasts_in_a_graph(y_true, y_pred):
    """The trap: eagerly both sides are flattened; in a graph the labels become (B, 1), whatever comes."""
    if tf.executing_eagerly():
        return tf.reduce_mean(tf.square(tf.reshape(y_true, [-1]) - tf.reshape(y_pred, [-1])))
    return tf.reduce_mean(tf.square(tf.reshape(y_true, [-1, 1]) - tf.reshape(y_pred, [-1])))
