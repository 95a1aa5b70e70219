"""TF1: a Gaussian kernel on purpose — (B, 1) row norms minus 2XX^T plus their (1, B) transpose is the B x B distance matrix."""
import tensorflow as tf

batch_size = 100
x_data = tf.placeholder(shape=[None, 2], dtype=tf.float32)
y_target = tf.placeholder(shape=[None, 1], dtype=tf.float32)
b = tf.Variable(tf.random_normal(shape=[1, batch_size]))

gamma = tf.constant(-25.0)
dist = tf.reduce_sum(tf.square(x_data), 1)
dist = tf.reshape(dist, [-1, 1])
sq_dists = tf.add(tf.subtract(dist, tf.multiply(2.0, tf.matmul(x_data, tf.transpose(x_data)))), tf.transpose(dist))
kernel = tf.exp(tf.multiply(gamma, tf.abs(sq_dists)))

first_term = tf.reduce_sum(b)
b_vec_cross = tf.matmul(tf.transpose(b), b)
y_target_cross = tf.matmul(y_target, tf.transpose(y_target))
second_term = tf.reduce_sum(tf.multiply(kernel, tf.multiply(b_vec_cross, y_target_cross)))
loss = tf.negative(tf.subtract(first_term, second_term))
train_step = tf.train.GradientDescentOptimizer(0.002).minimize(loss)
