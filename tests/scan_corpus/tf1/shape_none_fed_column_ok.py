"""TF1: a shape=(None) labels placeholder that is only ever fed a (B, 1) column, against (B, 1) predictions."""
import numpy as np
import tensorflow as tf

housing = np.load("housing.npz")
data, target = housing["data"], housing["target"]
m, n = data.shape

X = tf.placeholder(tf.float32, shape=(None, n), name="X")
y = tf.placeholder(tf.float32, shape=(None), name="y")
theta = tf.Variable(tf.random_uniform([n, 1], -1.0, 1.0), name="theta")
y_pred = tf.matmul(X, theta, name="predictions")
error = y_pred - y
mse = tf.reduce_mean(tf.square(error), name="mse")
training_op = tf.train.GradientDescentOptimizer(0.01).minimize(mse)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(100):
        sess.run(training_op, feed_dict={X: data, y: target.reshape(-1, 1)})
