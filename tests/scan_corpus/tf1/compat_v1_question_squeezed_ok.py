"""TF1 through tensorflow.compat.v1, fixed: the (B, 1) predictions are squeezed on axis 1 before tf.losses."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

X_data = np.random.RandomState(1).rand(10000, 10)
Y_data = X_data[:, 0]

x = tf.placeholder(tf.float64, shape=(None, 10))
y = tf.placeholder(tf.float64, shape=(None,))
W = tf.Variable(tf.zeros((10, 1), dtype=tf.float64))
b = tf.Variable(tf.zeros((1,), dtype=tf.float64))
y_predict = tf.matmul(x, W) + b

loss = tf.losses.mean_squared_error(tf.squeeze(y_predict, axis=1), y)
train = tf.train.GradientDescentOptimizer(0.01).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(1000):
        i = (step * 100) % 10000
        sess.run(train, feed_dict={x: X_data[i:i + 100], y: Y_data[i:i + 100]})
