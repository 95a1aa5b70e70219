"""A seminar's TF1 one-hidden-layer regression, right: prices and clocks read from a pickle into arrays made columns
in place by `resize((n, 1))`, fed into shapeless placeholders; the hidden layer `x * w1 + b1` of a (1, 3) row, the
output `matmul(h, transpose(w2)) + b2` a (B, 1) column, as the prices."""
import pickle

import numpy as np
import tensorflow as tf

rows = pickle.load(open("notepc_data.pkl", "rb"))
price = np.array([r[0] for r in rows], dtype=np.float32) / 100000.0
price.resize((price.size, 1))
clock = np.array([r[2] for r in rows], dtype=np.float32)
clock.resize((clock.size, 1))

w1 = tf.Variable(np.array([[-0.7, -0.8, -0.05]], dtype=np.float32))
b1 = tf.Variable(np.array([0.5, 0.1, -0.6], dtype=np.float32))
w2 = tf.Variable(np.array([[2.4, 1.2, 0.4]], dtype=np.float32))
b2 = tf.Variable(np.array([1.1], dtype=np.float32))

x_ph = tf.placeholder(tf.float32)
t_ph = tf.placeholder(tf.float32)
h1 = tf.nn.sigmoid(x_ph * w1 + b1)
y = tf.matmul(h1, tf.transpose(w2)) + b2
cost = 0.5 * tf.reduce_mean((y - t_ph) ** 2.0)
train_op = tf.train.GradientDescentOptimizer(0.3).minimize(cost)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(10000):
        sess.run(train_op, feed_dict={x_ph: clock, t_ph: price})
