"""Cross-entropy: softmax_cross_entropy_with_logits_v2 with one-hot (B, C) labels and (B, C) logits, then a (B,) reduce_mean."""
import tensorflow as tf

n_classes = 5
x = tf.placeholder(tf.float32, [None, 32])
labels = tf.placeholder(tf.int32, [None])
onehot = tf.one_hot(labels, n_classes)

logits = tf.layers.dense(tf.layers.dense(x, 64, tf.nn.relu), n_classes)
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=onehot, logits=logits))
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)
