"""Cross-entropy by hand, fixed: the (B, 1) probabilities are squeezed to (B,) before meeting the [None] labels."""
import tensorflow as tf

n_inputs = 3
X = tf.placeholder(tf.float32, shape=(None, n_inputs), name="X")
y = tf.placeholder(tf.float32, shape=(None,), name="y")
theta = tf.Variable(tf.random_uniform([n_inputs, 1], -1.0, 1.0), name="theta")
logits = tf.matmul(X, theta, name="logits")
y_proba = tf.squeeze(tf.sigmoid(logits), axis=1)

epsilon = 1e-7
loss = -tf.reduce_mean(y * tf.log(y_proba + epsilon)
                       + (1 - y) * tf.log(1 - y_proba + epsilon))
training_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
