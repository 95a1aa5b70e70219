"""Cross-entropy, TF1: tf.losses.log_loss with shape=(None) labels and (B, 1) sigmoid probabilities."""
import tensorflow as tf

X = tf.placeholder(tf.float32, shape=(None, 2), name="X")
y = tf.placeholder(tf.float32, shape=(None), name="y")
W = tf.Variable(tf.zeros([2, 1]))
b = tf.Variable(tf.zeros([1]))
y_proba = tf.sigmoid(tf.matmul(X, W) + b)

loss = tf.losses.log_loss(labels=y, predictions=y_proba)  # expect: TLW002
training_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
