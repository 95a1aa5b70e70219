"""TF1: shape=(None) placeholders for x and y, combined only with rank-1 predictions multiply(x, m[1]) — fine."""
import numpy as np
import tensorflow as tf

x_vals = np.arange(1000) / 10.0
y_vals = 2.0 * x_vals + np.random.normal(0, 25, 1000)

x_input = tf.placeholder(tf.float32, shape=(None))
y_input = tf.placeholder(tf.float32, shape=(None))
m = tf.Variable(tf.random_normal([1]))
c = tf.Variable(tf.zeros([1]))

output = tf.multiply(m, x_input) + c
residuals = output - y_input
l2_loss = tf.reduce_mean(tf.square(residuals))
train_step = tf.train.GradientDescentOptimizer(1e-4).minimize(l2_loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(500):
        idx = np.random.choice(1000, 50)
        sess.run(train_step, feed_dict={x_input: x_vals[idx], y_input: y_vals[idx]})
