"""TF1: tf.losses.huber_loss with shape=(None) targets and a one-unit dense head: unknown rank meets (B, 1)."""
import tensorflow as tf

state = tf.placeholder(tf.float32, shape=(None, 16), name="state")
target = tf.placeholder(tf.float32, shape=(None), name="target")

net = tf.layers.dense(state, 64, activation=tf.nn.relu)
net = tf.layers.dense(net, 64, activation=tf.nn.relu)
value = tf.layers.dense(net, 1, name="value")

loss = tf.losses.huber_loss(labels=target, predictions=value)  # expect: TLW002
optimizer = tf.train.RMSPropOptimizer(2.5e-4)
train_op = optimizer.minimize(loss)
