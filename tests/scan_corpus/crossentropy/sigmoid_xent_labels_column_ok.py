"""Cross-entropy, TF1: sigmoid_cross_entropy_with_logits with (None, 1) labels and (B, 1) logits: the same shape."""
import tensorflow as tf

n_outputs = 1
X = tf.placeholder(tf.float32, shape=[None, 40], name="X")
y = tf.placeholder(tf.float32, shape=[None, 1], name="y")

hidden = tf.layers.dense(X, 128, activation=tf.nn.relu, name="fc1")
logits = tf.layers.dense(hidden, n_outputs, name="logits")

xentropy = tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits)
loss = tf.reduce_mean(xentropy)
training_op = tf.train.AdamOptimizer().minimize(loss)
