"""TF1: a placeholder with no shape at all (unknown rank) against (B, 1) predictions in an L1 loss."""
import numpy as np
import tensorflow as tf

x_vals = np.random.normal(1, 0.1, (100, 3)).astype(np.float32)
y_vals = x_vals.sum(axis=1)

x_data = tf.placeholder(tf.float32, shape=[None, 3])
y_target = tf.placeholder(tf.float32)
A = tf.Variable(tf.random_normal(shape=[3, 1]))
b = tf.Variable(tf.random_normal(shape=[1, 1]))
model_output = tf.add(tf.matmul(x_data, A), b)

loss_l1 = tf.reduce_mean(tf.abs(y_target - model_output))  # expect: TLW002
train_step = tf.train.GradientDescentOptimizer(0.05).minimize(loss_l1)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(100):
    rand_index = np.random.choice(len(x_vals), size=25)
    sess.run(train_step, feed_dict={x_data: x_vals[rand_index], y_target: y_vals[rand_index]})
