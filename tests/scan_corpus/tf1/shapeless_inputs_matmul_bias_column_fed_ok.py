"""TF1 Boston regression with shapeless placeholders, fixed: the targets are fed as a (N, 1) column, like matmul(x, w) plus its bias."""
import tensorflow.compat.v1 as tf
from sklearn.datasets import load_boston
from sklearn.preprocessing import scale

tf.disable_v2_behavior()
X, Y = load_boston(return_X_y=True)
X = scale(X)
w = tf.Variable(tf.random.normal([13, 1], dtype=tf.float64))
b = tf.Variable(tf.zeros(1, dtype=tf.float64))
x = tf.placeholder(tf.float64)
y = tf.placeholder(tf.float64)
pred = tf.add(b, tf.matmul(x, w))
loss = tf.reduce_mean(tf.square(y - pred))
train = tf.train.GradientDescentOptimizer(0.05).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(500):
        sess.run(train, feed_dict={x: X, y: Y.reshape(-1, 1)})
