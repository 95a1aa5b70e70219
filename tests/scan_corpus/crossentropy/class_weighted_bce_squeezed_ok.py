"""A research baseline's class-weighted logistic regression, fixed: the probabilities are squeezed to (B,) before the weighted labels meet them."""
import numpy as np
import tensorflow.compat.v1 as tf


class LogisticRegression:
    def __init__(self, n_features, class_weights=np.array([1.0, 1.0]), learning_rate=0.01):
        self.class_weights = class_weights
        self.x = tf.placeholder(tf.float32, [None, n_features])
        self.y = tf.placeholder(tf.float32, [None])
        self.w = tf.Variable(tf.zeros([n_features, 1]))
        self.b = tf.Variable(tf.zeros([1]))
        self.p = tf.squeeze(tf.sigmoid(tf.matmul(self.x, self.w) + self.b), axis=1)
        positive = -self.class_weights[1] * self.y * tf.log(self.p + 1e-8)
        negative = -self.class_weights[0] * (1 - self.y) * tf.log(1 - self.p + 1e-8)
        self.loss = tf.reduce_mean(positive + negative)
        self.train = tf.train.AdamOptimizer(learning_rate).minimize(self.loss)
