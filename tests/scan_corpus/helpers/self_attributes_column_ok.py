"""Helpers, fixed: self.y is a [None, 1] placeholder fed Y[:, None], the shape of self.pred."""
import tensorflow as tf


class LinearRegressor(object):
    def __init__(self, n_features, lr=0.01):
        self.x = tf.placeholder(tf.float32, [None, n_features])
        self.y = tf.placeholder(tf.float32, [None, 1])
        self.W = tf.Variable(tf.zeros([n_features, 1]))
        self.b = tf.Variable(tf.zeros([1]))
        self.pred = tf.matmul(self.x, self.W) + self.b
        self.loss = self._build_loss()
        self.train_op = tf.train.GradientDescentOptimizer(lr).minimize(self.loss)

    def _build_loss(self):
        return tf.reduce_mean(tf.square(self.pred - self.y))

    def fit(self, sess, X, Y, steps=100):
        for _ in range(steps):
            sess.run(self.train_op, feed_dict={self.x: X, self.y: Y[:, None]})
