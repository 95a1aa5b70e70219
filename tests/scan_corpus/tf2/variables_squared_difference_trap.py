"""TF2 eager migration of the TF1 question: tf.Variable W (10, 1), labels X[:, 0], tf.math.squared_difference."""
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
        y_predict = tf.matmul(x, W) + b
        loss = tf.reduce_mean(tf.math.squared_difference(y_predict, y))  # expect: TLW003
    grads = tape.gradient(loss, [W, b])
    optimizer.apply_gradients(zip(grads, [W, b]))
    return loss


for i in range(0, 10000, 100):
    train_step(X[i:i + 100], Y[i:i + 100])
