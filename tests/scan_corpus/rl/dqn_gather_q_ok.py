"""RL in TF1, DQN: Q(s, a) picked with reduce_sum(q * one_hot(a), axis=1) is (B,), the same rank as the (B,) rewards."""
import tensorflow as tf

n_actions, gamma = 6, 0.99
states = tf.placeholder(tf.float32, [None, 84 * 84])
next_states = tf.placeholder(tf.float32, [None, 84 * 84])
actions = tf.placeholder(tf.int32, [None])
rewards = tf.placeholder(tf.float32, [None])
dones = tf.placeholder(tf.float32, [None])

with tf.variable_scope("online"):
    q = tf.layers.dense(tf.layers.dense(states, 256, tf.nn.relu), n_actions)
with tf.variable_scope("target"):
    q_next = tf.layers.dense(tf.layers.dense(next_states, 256, tf.nn.relu), n_actions)

q_sa = tf.reduce_sum(q * tf.one_hot(actions, n_actions), axis=1)
target = rewards + gamma * (1.0 - dones) * tf.reduce_max(q_next, axis=1)
loss = tf.reduce_mean(tf.square(tf.stop_gradient(target) - q_sa))
train_op = tf.train.AdamOptimizer(1e-4).minimize(loss)
