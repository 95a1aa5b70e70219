"""RL, DQN targets in numpy: rewards reshaped to (-1, 1) and max(..., keepdims=True), fed to a (None, 1) placeholder."""
import numpy as np
import tensorflow as tf

n_outputs, discount_rate = 9, 0.99
X_state = tf.placeholder(tf.float32, shape=[None, 128])
X_action = tf.placeholder(tf.int32, shape=[None])
y = tf.placeholder(tf.float32, shape=[None, 1])
online_q = tf.layers.dense(tf.layers.dense(X_state, 256, tf.nn.relu), n_outputs)
q_value = tf.reduce_sum(online_q * tf.one_hot(X_action, n_outputs), axis=1, keepdims=True)
loss = tf.reduce_mean(tf.square(y - q_value))
training_op = tf.train.MomentumOptimizer(1e-3, 0.95).minimize(loss)


def make_targets(rewards, continues, next_q_values):
    rewards = np.asarray(rewards).reshape(-1, 1)
    continues = np.asarray(continues).reshape(-1, 1)
    max_next_q = np.max(next_q_values, axis=1, keepdims=True)
    return rewards + continues * discount_rate * max_next_q
