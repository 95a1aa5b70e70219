"""TF1 in Python 2 (print statements): [None] labels against matmul with a (n, 1) weight, reduce_mean(square)."""
import numpy as np
import tensorflow as tf

n = 8
X = np.random.rand(500, n)
Y = X.dot(np.arange(n)) + 0.3

x = tf.placeholder(tf.float32, [None, n])
y = tf.placeholder(tf.float32, [None])
W = tf.Variable(tf.zeros([n, 1]))
b = tf.Variable(tf.zeros([1]))
pred = tf.matmul(x, W) + b
cost = tf.reduce_mean(tf.square(pred - y))  # expect: TLW003
train = tf.train.GradientDescentOptimizer(0.1).minimize(cost)

sess = tf.Session()
sess.run(tf.initialize_all_variables())
for i in xrange(1000):
    sess.run(train, feed_dict={x: X, y: Y})
    if i % 100 == 0:
        print "step", i, "cost", sess.run(cost, feed_dict={x: X, y: Y})
print sess.run(W)
