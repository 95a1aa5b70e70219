"""TF1: an intended broadcast — a (k,) bias added to a (B, k) batch — and labels of the same (B, k) shape."""
import tensorflow as tf

n_in, n_out = 20, 3
x = tf.placeholder(tf.float32, [None, n_in])
y = tf.placeholder(tf.float32, [None, n_out])
W = tf.Variable(tf.truncated_normal([n_in, n_out], stddev=0.1))
b = tf.Variable(tf.constant(0.1, shape=[n_out]))

h = tf.matmul(x, W) + b
loss = tf.reduce_mean(tf.reduce_sum(tf.square(y - h), axis=1))
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)
