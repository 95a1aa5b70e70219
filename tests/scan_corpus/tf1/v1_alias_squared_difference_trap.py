"""TF1 through a `v1 = tf.compat.v1` alias: tf.math.squared_difference of (B, 1) predictions and [None] labels."""
import numpy as np
import tensorflow as tf

v1 = tf.compat.v1
v1.disable_eager_execution()

features = v1.placeholder(tf.float32, [None, 4], name="features")
targets = v1.placeholder(tf.float32, [None], name="targets")
w = tf.Variable(tf.zeros([4, 1]))
bias = tf.Variable(0.0)

predictions = tf.matmul(features, w) + bias
cost = tf.reduce_mean(tf.math.squared_difference(predictions, targets))  # expect: TLW003
step = v1.train.AdamOptimizer(1e-3).minimize(cost)

data = np.random.rand(256, 5).astype(np.float32)
with v1.Session() as sess:
    sess.run(v1.global_variables_initializer())
    for _ in range(200):
        sess.run(step, feed_dict={features: data[:, :4], targets: data[:, 4]})
