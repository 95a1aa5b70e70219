"""TF1 book style, fixed: the labels placeholder is (None, 1) and is fed a column, the same shape as dense(x, 1)."""
import numpy as np
import tensorflow as tf

n_inputs = 10
X_train = np.random.rand(1000, n_inputs).astype(np.float32)
y_train = X_train[:, 0].reshape(-1, 1)

X = tf.placeholder(tf.float32, shape=(None, n_inputs), name="X")
y = tf.placeholder(tf.float32, shape=(None, 1), name="y")

with tf.name_scope("dnn"):
    hidden = tf.layers.dense(X, 32, activation=tf.nn.relu, name="hidden")
    pred = tf.layers.dense(hidden, 1, name="outputs")

with tf.name_scope("loss"):
    loss = tf.losses.mean_squared_error(y, pred)

training_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for start in range(0, 1000, 50):
        sess.run(training_op, feed_dict={X: X_train[start:start + 50], y: y_train[start:start + 50]})
