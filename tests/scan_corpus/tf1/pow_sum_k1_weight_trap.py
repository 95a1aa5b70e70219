"""TF1: predictions from a (k, 1) weight, rank-1 labels, ** 2 and reduce_sum."""
import numpy as np
import tensorflow as tf

k = 6
data = np.loadtxt("data.csv", delimiter=",")
train_X, train_Y = data[:, :-1], data[:, -1]

x = tf.placeholder(tf.float32, [None, k])
y = tf.placeholder(tf.float32, [None])
W = tf.Variable(tf.random_normal((k, 1)), name="weight")
b = tf.Variable(tf.zeros([1]), name="bias")

y_pred = tf.matmul(x, W) + b
loss = tf.reduce_sum((y - y_pred) ** 2) / (2 * len(train_X))  # expect: TLW003
optimizer = tf.train.GradientDescentOptimizer(0.01).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(100):
        sess.run(optimizer, feed_dict={x: train_X, y: train_Y})
    print("W =", sess.run(W), "b =", sess.run(b))
