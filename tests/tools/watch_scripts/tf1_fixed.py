"""The question's TF1 script, fixed: the predictions squeezed to (B,)."""

import sys

import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_eager_execution()

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
X = np.random.RandomState(1).rand(1000, 10)
Y = X[:, 0]

x = tf.placeholder(tf.float64, shape=(None, 10))
y = tf.placeholder(tf.float64, shape=(None))
W = tf.Variable(tf.zeros([10, 1], dtype=tf.float64))
b = tf.Variable(tf.zeros([1], dtype=tf.float64))
y_predict = tf.matmul(x, W) + b
loss = tf.losses.mean_squared_error(tf.squeeze(y_predict, axis=1), y)  # WATCH: silent
train = tf.train.GradientDescentOptimizer(0.01).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(steps):
        start = step * 100 % len(X)
        _, value = sess.run([train, loss], feed_dict={x: X[start:start + 100], y: Y[start:start + 100]})
        print(f"step {step}: loss={value:.6f}", flush=True)
    print("bias", sess.run(b))
