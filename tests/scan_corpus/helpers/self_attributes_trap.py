"""Helpers: shapes kept as self. attributes — a [None] self.y and a (B, 1) self.pred meet in another method."""
import tensorflow as tf


class LinearRegressor(object):
    def __init__(self, n_features, lr=0.01):
        self.x = tf.placeholder(tf.float32, [None, n_features])
        self.y = tf.placeholder(tf.float32, [None])
        self.W = tf.Variable(tf.zeros([n_features, 1]))
        self.b = tf.Variable(tf.zeros([1]))
        self.pred = tf.matmul(self.x, self.W) + self.b
        self.loss = self._build_loss()
        self.train_op = tf.train.GradientDescentOptimizer(lr).minimize(self.loss)

    def _build_loss(self):
        return tf.reduce_mean(tf.square(self.pred - self.y))  # expect: TLW003

    def fit(self, sess, X, Y, steps=100):
        for _ in range(steps):
            sess.run(self.train_op, feed_dict={self.x: X, self.y: Y})
