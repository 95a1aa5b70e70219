"""TF1 notebook export: shape=(None) labels fed (B,) rows by a batch helper defined below the loop, against (B, 1) logits."""
import numpy as np
import tensorflow as tf

table = np.loadtxt("passengers.csv", delimiter=",", skiprows=1)
features, survived = table[:, 1:], table[:, 0]

X = tf.placeholder(tf.float32, shape=(None, 7), name="X")
y = tf.placeholder(tf.float32, shape=(None), name="y")
hidden = tf.layers.dense(X, 16, activation=tf.nn.relu)
logits = tf.layers.dense(hidden, 1)
xent = tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits)  # expect: TLW002
loss = tf.reduce_mean(xent)
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(20):
        for k in range(len(table) // 64):
            sess.run(train_op, feed_dict={X: rows(features, k, epoch), y: rows(survived, k, epoch)})


def rows(data, k, epoch):
    np.random.seed(epoch)
    order = np.random.permutation(len(data))
    return data[order[k * 64:(k + 1) * 64]]
