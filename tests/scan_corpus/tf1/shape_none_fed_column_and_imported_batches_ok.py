"""TF1: shape=(None) labels fed (B, 1) columns where the scan sees them, and batches from an imported helper it cannot follow."""
import numpy as np
import tensorflow as tf
from batching import next_batch

scores = np.load("scores.npz")
X_train, y_train = scores["X"], scores["y"].reshape(-1, 1)

X = tf.placeholder(tf.float32, shape=(None, 12), name="X")
y = tf.placeholder(tf.float32, shape=(None), name="y")
logits = tf.layers.dense(tf.layers.dense(X, 32, activation=tf.nn.elu), 1)
loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits))
train_op = tf.train.MomentumOptimizer(0.01, 0.9).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(40):
        for k in range(len(X_train) // 100):
            X_batch, y_batch = next_batch(X_train, y_train, k, 100)
            sess.run(train_op, feed_dict={X: X_batch, y: y_batch})
        print(epoch, sess.run(loss, feed_dict={X: X_train, y: y_train}))
