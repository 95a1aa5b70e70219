"""TF1 in Python 2 (print statements), fixed: the labels placeholder is [None, 1] and is fed a column."""
import numpy as np
import tensorflow as tf

n = 8
X = np.random.rand(500, n)
Y = (X.dot(np.arange(n)) + 0.3).reshape(-1, 1)

x = tf.placeholder(tf.float32, [None, n])
y = tf.placeholder(tf.float32, [None, 1])
W = tf.Variable(tf.zeros([n, 1]))
b = tf.Variable(tf.zeros([1]))
pred = tf.matmul(x, W) + b
cost = tf.reduce_mean(tf.square(pred - y))
train = tf.train.GradientDescentOptimizer(0.1).minimize(cost)

sess = tf.Session()
sess.run(tf.initialize_all_variables())
for i in xrange(1000):
    sess.run(train, feed_dict={x: X, y: Y})
    if i % 100 == 0:
        print "step", i, "cost", sess.run(cost, feed_dict={x: X, y: Y})
print sess.run(W)
