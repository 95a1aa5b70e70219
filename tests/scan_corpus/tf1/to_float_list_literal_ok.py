"""TF1 book style, right: the labels are written as a nested list of rows, tf.to_float gives (N, 1) like tf.matmul(X, W)."""
import tensorflow as tf

W = tf.Variable(tf.zeros([2, 1]), name="weights")
b = tf.Variable(0.0, name="bias")


def inputs():
    features = [[35, 2], [52, 4], [41, 3], [28, 1], [60, 5]]
    targets = [[210], [330], [262], [180], [371]]
    return tf.to_float(features), tf.to_float(targets)


X, Y = inputs()
prediction = tf.matmul(X, W) + b
total_loss = tf.reduce_sum(tf.squared_difference(Y, prediction))
train_op = tf.train.GradientDescentOptimizer(1e-6).minimize(total_loss)
