"""TF2 eager, fixed: the (B, 1) predictions are reshaped to (-1,) before squared_difference with X[:, 0] labels."""
import numpy as np
import tensorflow as tf

X = tf.constant(np.random.RandomState(1).rand(10000, 10))
Y = X[:, 0]
W = tf.Variable(tf.zeros((10, 1), dtype=tf.float64))
b = tf.Variable(tf.zeros((1,), dtype=tf.float64))
optimizer = tf.keras.optimizers.SGD(0.01)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        y_predict = tf.reshape(tf.matmul(x, W) + b, [-1])
        loss = tf.reduce_mean(tf.math.squared_difference(y_predict, y))
    grads = tape.gradient(loss, [W, b])
    optimizer.apply_gradients(zip(grads, [W, b]))
    return loss


for i in range(0, 10000, 100):
    train_step(X[i:i + 100], Y[i:i + 100])
