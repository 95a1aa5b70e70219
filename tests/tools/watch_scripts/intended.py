"""Intended broadcasts that are no loss of labels against predictions: none of them may warn."""

import numpy as np
import tensorflow as tf

x = tf.constant(np.random.RandomState(1).rand(100, 10))
column = tf.constant(np.random.RandomState(2).rand(100, 1))
row = tf.reshape(column, [1, 100])

# a bias added to a batch: (B, 10) + (10,) and (B, 1) + (1,), then reduced
print(float(tf.reduce_sum(x + tf.ones([10], tf.float64))))
print(float(tf.reduce_mean(tf.square(column + tf.ones([1], tf.float64)))))
# a pairwise matrix (B, 1) - (1, B), reduced: a kernel or a distance
print(float(tf.reduce_mean(tf.square(column - row))))
# a batch of one: (1, 1) against (1,) pairs its only row
print(float(tf.reduce_mean(tf.square(column[:1] - tf.reshape(column[:1], [1])))))
# (B, 1) against (B,), not reduced: an outer difference kept as a matrix
print(tf.shape(column - tf.reshape(column, [100])).numpy())


@tf.function
def traced(x, column):
    pairwise = tf.reduce_sum(tf.abs(column - tf.transpose(column)))
    return pairwise + tf.reduce_mean(x + tf.zeros([10], tf.float64))


print(float(traced(x, column)))

# Keras 3's built-in loss repairs the ranks itself: (B,) labels against (B, 1) outputs pair up
import keras  # noqa: E402

print(float(keras.losses.MeanSquaredError()(tf.reshape(column, [100]), column)))
print(float(keras.losses.mean_squared_error(tf.reshape(column, [100]), column).numpy().mean()))
