"""Cross-entropy by hand: -(y log p + (1 - y) log(1 - p)) with [None] labels and p = sigmoid of a (n, 1) matmul."""
import tensorflow as tf

n_inputs = 3
X = tf.placeholder(tf.float32, shape=(None, n_inputs), name="X")
y = tf.placeholder(tf.float32, shape=(None,), name="y")
theta = tf.Variable(tf.random_uniform([n_inputs, 1], -1.0, 1.0), name="theta")
logits = tf.matmul(X, theta, name="logits")
y_proba = tf.sigmoid(logits)

epsilon = 1e-7
loss = -tf.reduce_mean(y * tf.log(y_proba + epsilon)  # expect: TLW003
                       + (1 - y) * tf.log(1 - y_proba + epsilon))
training_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
