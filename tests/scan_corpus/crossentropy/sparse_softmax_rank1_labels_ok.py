"""Cross-entropy: sparse_softmax_cross_entropy_with_logits with rank-1 [None] int labels and (B, C) logits is right."""
import tensorflow as tf

n_classes = 10
X = tf.placeholder(tf.float32, shape=(None, 784), name="X")
y = tf.placeholder(tf.int64, shape=[None], name="y")

hidden = tf.layers.dense(X, 300, activation=tf.nn.relu)
logits = tf.layers.dense(hidden, n_classes)
xentropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits)
loss = tf.reduce_mean(xentropy, name="loss")
correct = tf.nn.in_top_k(logits, y, 1)
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
training_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
