"""TF1: shape=(None) labels fed one numpy scalar a step against a (1, 1) prediction: a scalar makes no B x B."""
import numpy as np
import tensorflow as tf


def draw():
    u = np.random.uniform(-1.0, 1.0)
    label = np.random.binomial(n=1, p=0.5 + 0.4 * u, size=1)[0]
    return np.array([[u]]), label


X = tf.placeholder(tf.float32, shape=(None, 1), name="X")
y = tf.placeholder(tf.float32, shape=(None), name="y")
hidden = tf.layers.dense(X, 8, activation=tf.nn.tanh)
p = tf.layers.dense(hidden, 1, activation=tf.nn.sigmoid)
loss = tf.reduce_mean(-y * tf.log(p + 1e-7) - (1 - y) * tf.log(1 - p + 1e-7))
train_op = tf.train.GradientDescentOptimizer(0.05).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(5000):
        u, label = draw()
        sess.run(train_op, feed_dict={X: u, y: label})
