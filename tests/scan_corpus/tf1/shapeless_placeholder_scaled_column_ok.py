"""TF1, right: a shapeless labels placeholder fed MinMaxScaler().fit_transform(...), a 2-D (n, 1) array, as the (m, 1) output."""
import numpy as np
import tensorflow as tf
from sklearn.preprocessing import MinMaxScaler

data = np.loadtxt("housing.csv", delimiter=",")
X_train = MinMaxScaler().fit_transform(data[:, :3])
scaler = MinMaxScaler()
y_train = scaler.fit_transform(data[:, 3:])

x = tf.placeholder(tf.float32, name="X", shape=[None, 3])
y = tf.placeholder(tf.float32, name="Y")
hidden = tf.layers.dense(x, 16, activation=tf.nn.relu)
y_hat = tf.layers.dense(hidden, 1)
mse = tf.reduce_mean(tf.square(y - y_hat))
train = tf.train.AdamOptimizer(0.01).minimize(mse)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(100):
        sess.run(train, feed_dict={x: X_train, y: y_train})
