"""TF1: the predict helper takes the one array out of the list the session returns, and flattens it: (B,) and (B,)."""
import numpy as np
import tensorflow as tf


def rmse(y, yhat):
    return np.sqrt(np.mean((yhat - y) ** 2))


class Regressor:
    def __init__(self, n_features):
        self.x = tf.placeholder(tf.float32, [None, n_features])
        self.y = tf.placeholder(tf.float32, [None, 1])
        self.yhat = tf.layers.dense(tf.layers.dense(self.x, 16, tf.nn.relu), 1)
        self.loss = tf.reduce_mean(tf.square(self.y - self.yhat))
        self.train_op = tf.train.AdamOptimizer(1e-3).minimize(self.loss)

    def predict(self, features, sess):
        (yhat,) = sess.run([self.yhat], feed_dict={self.x: features})
        return yhat[:, 0]

    def evaluate(self, features, labels, sess):
        return rmse(labels, self.predict(features, sess))


features = np.random.rand(500, 8)
labels = features @ np.arange(8.0)
model = Regressor(8)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(200):
        sess.run(model.train_op, feed_dict={model.x: features, model.y: labels[:, None]})
    print("rmse", model.evaluate(features, labels, sess))
