"""TF1: a shapeless labels placeholder fed StandardScaler().fit_transform(...).ravel() (n,), against the (m, 1) output."""
import numpy as np
import tensorflow as tf
from sklearn.preprocessing import StandardScaler

data = np.loadtxt("housing.csv", delimiter=",")
X_train = StandardScaler().fit_transform(data[:, :3])
y_train = StandardScaler().fit_transform(data[:, 3:]).ravel()

x = tf.placeholder(tf.float32, name="X", shape=[None, 3])
y = tf.placeholder(tf.float32, name="Y")
y_hat = tf.layers.dense(tf.layers.dense(x, 16, activation=tf.nn.relu), 1)
mse = tf.reduce_mean(tf.square(y - y_hat))  # expect: TLW002
train = tf.train.AdamOptimizer(0.01).minimize(mse)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(100):
        sess.run(train, feed_dict={x: X_train, y: y_train})
