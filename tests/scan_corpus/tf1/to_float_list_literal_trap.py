"""TF1 book style: data written as Python lists, tf.to_float(labels) (N,) against tf.matmul(X, W) (N, 1)."""
import tensorflow as tf

W = tf.Variable(tf.zeros([3, 1]), name="weights")
b = tf.Variable(0.0, name="bias")


def inference(X):
    return tf.matmul(X, W) + b


def inputs():
    features = [[1.0, 35, 2], [1.0, 52, 4], [1.0, 41, 3], [1.0, 28, 1], [1.0, 60, 5], [1.0, 47, 2]]
    targets = [210, 330, 262, 180, 371, 288]
    return tf.to_float(features), tf.cast(targets, tf.float32)


def loss(X, Y):
    return tf.reduce_mean(tf.square(Y - inference(X)))  # expect: TLW003


X, Y = inputs()
total_loss = loss(X, Y)
train_op = tf.train.GradientDescentOptimizer(1e-5).minimize(total_loss)
