"""Cross-entropy: shape=(None) int labels in sparse_softmax_cross_entropy_with_logits with (B, 10) logits; fed (B,), right."""
import tensorflow as tf

X = tf.placeholder(tf.float32, shape=(None, 28 * 28), name="X")
y = tf.placeholder(tf.int32, shape=(None), name="y")

with tf.name_scope("dnn"):
    hidden1 = tf.layers.dense(X, 300, name="hidden1", activation=tf.nn.relu)
    hidden2 = tf.layers.dense(hidden1, 100, name="hidden2", activation=tf.nn.relu)
    logits = tf.layers.dense(hidden2, 10, name="outputs")

with tf.name_scope("loss"):
    xentropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits)
    loss = tf.reduce_mean(xentropy, name="loss")
