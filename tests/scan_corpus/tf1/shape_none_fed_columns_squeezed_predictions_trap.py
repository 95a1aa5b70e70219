"""TF1: shape=(None) labels fed y.reshape(-1, 1) "to be safe", against predictions squeezed to (B,): (B, 1) x (B,)."""
import numpy as np
import tensorflow as tf

data = np.loadtxt("housing.csv", delimiter=",", skiprows=1)
features, prices = data[:, :-1], data[:, -1]

x = tf.placeholder(tf.float32, shape=[None, 13])
y = tf.placeholder(tf.float32, shape=(None))
W = tf.Variable(tf.zeros([13, 1]))
b = tf.Variable(0.0)
prediction = tf.squeeze(tf.matmul(x, W) + b, axis=1)
cost = tf.reduce_mean(tf.square(y - prediction))  # expect: TLW002
train = tf.train.GradientDescentOptimizer(0.01).minimize(cost)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(1000):
        batch = np.random.choice(len(prices), 64)
        sess.run(train, feed_dict={x: features[batch], y: prices[batch].reshape(-1, 1)})
