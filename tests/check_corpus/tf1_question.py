"""The question's TF1 code: the labels placeholder declared `shape=(None)`, the compat loss on (B, 1) vs (B,)."""

import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

X = np.random.RandomState(1).rand(10000, 10)
Y = X[:, 0]

x = tf.placeholder(tf.float64, shape=(None, 10))
y = tf.placeholder(tf.float64, shape=(None))  # the question's own parentheses: this is None
W = tf.Variable(tf.zeros([10, 1], dtype=tf.float64))
b = tf.Variable(tf.zeros([1], dtype=tf.float64))
y_predict = tf.matmul(x, W) + b
loss = tf.losses.mean_squared_error(y_predict, y)  # expect: TLW002
train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
