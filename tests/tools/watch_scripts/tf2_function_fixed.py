"""TF2 in a tf.function, fixed: the predictions squeezed to (B,) before they meet the labels."""

import numpy as np
import tensorflow as tf

X = tf.constant(np.random.RandomState(1).rand(400, 10))
Y = X[:, 0]
W = tf.Variable(tf.zeros([10, 1], tf.float64))
b = tf.Variable(tf.zeros([1], tf.float64))


@tf.function
def step(x, y):
    with tf.GradientTape() as tape:
        y_predict = tf.squeeze(tf.matmul(x, W) + b, axis=1)
        loss = tf.reduce_mean(tf.square(y - y_predict))  # WATCH: silent
    dW, db = tape.gradient(loss, [W, b])
    W.assign_sub(0.01 * dW)
    b.assign_sub(0.01 * db)
    return loss


for start in range(0, 400, 100):
    print(float(step(X[start:start + 100], Y[start:start + 100])))
