"""TF2: a hand-written loss in a GradientTape inside a tf.function, labels (B,) against predictions (B, 1)."""

import numpy as np
import tensorflow as tf

X = tf.constant(np.random.RandomState(1).rand(400, 10))
Y = X[:, 0]
W = tf.Variable(tf.zeros([10, 1], tf.float64))
b = tf.Variable(tf.zeros([1], tf.float64))


@tf.function
def step(x, y):
    with tf.GradientTape() as tape:
        y_predict = tf.matmul(x, W) + b
        loss = tf.reduce_mean(tf.square(y - y_predict))  # WATCH: warn
    dW, db = tape.gradient(loss, [W, b])
    W.assign_sub(0.01 * dW)
    b.assign_sub(0.01 * db)
    return loss


for start in range(0, 400, 100):
    print(float(step(X[start:start + 100], Y[start:start + 100])))
