"""A research baseline's class-weighted logistic regression: the (B,) labels are scaled by class weights from a default argument before they meet log(p), (B, 1), so the cross-entropy is (B, B)."""
import numpy as np
import tensorflow.compat.v1 as tf


class LogisticRegression:
    def __init__(self, n_features, class_weights=np.array([1.0, 1.0]), learning_rate=0.01):
        self.class_weights = class_weights
        self.x = tf.placeholder(tf.float32, [None, n_features])
        self.y = tf.placeholder(tf.float32, [None])
        self.w = tf.Variable(tf.zeros([n_features, 1]))
        self.b = tf.Variable(tf.zeros([1]))
        self.p = tf.sigmoid(tf.matmul(self.x, self.w) + self.b)
        positive = -self.class_weights[1] * self.y * tf.log(self.p + 1e-8)  # expect: TLW003
        negative = -self.class_weights[0] * (1 - self.y) * tf.log(1 - self.p + 1e-8)
        self.loss = tf.reduce_mean(positive + negative)
        self.train = tf.train.AdamOptimizer(learning_rate).minimize(self.loss)
