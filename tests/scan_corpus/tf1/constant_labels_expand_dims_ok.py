"""TF1, fixed: the 1-D constant labels are expanded to (3, 1) with expand_dims before meeting matmul(x, w(2, 1))."""
import tensorflow as tf

x = tf.constant([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]], dtype=tf.float64)
y_ = tf.constant([1.0, 2.0, 3.0], dtype=tf.float64)
y_ = tf.expand_dims(y_, axis=1)
w = tf.Variable(tf.truncated_normal((2, 1), stddev=0.1, dtype=tf.float64))
y = tf.matmul(x, w)
error = tf.reduce_mean(tf.square(y_ - y))
train_step = tf.train.AdamOptimizer(1e-3).minimize(error)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(5000):
        sess.run(train_step)
    print(sess.run(w))
