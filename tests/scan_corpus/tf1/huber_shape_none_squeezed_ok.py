"""TF1: shape=(None) targets in huber_loss, but the one-unit head is squeezed to (B,) and the targets are fed 1-D."""
import tensorflow as tf

state = tf.placeholder(tf.float32, shape=(None, 16), name="state")
target = tf.placeholder(tf.float32, shape=(None), name="target")

net = tf.layers.dense(state, 64, activation=tf.nn.relu)
net = tf.layers.dense(net, 64, activation=tf.nn.relu)
value = tf.squeeze(tf.layers.dense(net, 1), axis=1, name="value")

loss = tf.losses.huber_loss(labels=target, predictions=value)
optimizer = tf.train.RMSPropOptimizer(2.5e-4)
train_op = optimizer.minimize(loss)
