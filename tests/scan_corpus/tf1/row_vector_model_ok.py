"""TF1: W (1, n) times X transposed gives (1, B) predictions; against (B,) labels that broadcasts to (1, B), not B x B."""
import numpy as np
import tensorflow as tf

x_data = np.random.rand(2, 100)
y_data = np.dot([0.1, 0.2], x_data) + 0.3

b = tf.Variable(tf.zeros([1], dtype=tf.float64))
W = tf.Variable(tf.random_uniform([1, 2], -1.0, 1.0, dtype=tf.float64))
y = tf.matmul(W, x_data) + b

loss = tf.reduce_mean(tf.square(y - y_data))
train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for step in range(201):
    sess.run(train)
