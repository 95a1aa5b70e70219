"""TF2 eager, no tf.function: a hand-written loss in a GradientTape, predictions (B, 1) against labels (B,)."""

import numpy as np
import tensorflow as tf

X = tf.constant(np.random.RandomState(1).rand(300, 10))
Y = X[:, 0]
W = tf.Variable(tf.zeros([10, 1], tf.float64))
b = tf.Variable(tf.zeros([1], tf.float64))

for start in range(0, 300, 100):
    x, y = X[start:start + 100], Y[start:start + 100]
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.abs(tf.matmul(x, W) + b - y))  # WATCH: warn
    dW, db = tape.gradient(loss, [W, b])
    W.assign_sub(0.01 * dW)
    b.assign_sub(0.01 * db)
    print(float(loss))
