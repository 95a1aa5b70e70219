"""TF1: labels as a 1-D tf.constant, predictions matmul(x, w) with w of shape (2, 1), no placeholders."""
import tensorflow as tf


def weight_variable(shape):
    return tf.Variable(tf.truncated_normal(shape, stddev=0.1, dtype=tf.float64))


x = tf.constant([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]], dtype=tf.float64)
y_ = tf.constant([1.0, 2.0, 3.0], dtype=tf.float64)
w = tf.Variable(tf.truncated_normal((2, 1), stddev=0.1, dtype=tf.float64))
y = tf.matmul(x, w)
error = tf.reduce_mean(tf.square(y_ - y))  # expect: TLW003
train_step = tf.train.AdamOptimizer(1e-3).minimize(error)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(5000):
        sess.run(train_step)
    print(sess.run(w))
