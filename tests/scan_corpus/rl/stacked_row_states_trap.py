"""RL, TF1: (1, n) state rows stack to (B, 1, n), a Dense(1) value to (B, 1, 1); (B,) returns minus it: (B, 1, B)."""
import numpy as np
import tensorflow.compat.v1 as tf

states = tf.placeholder(tf.float32, shape=(None, 1, 4))
returns = tf.placeholder(tf.float32, shape=(None,))
hidden = tf.layers.dense(states, 16, activation=tf.nn.relu)
value = tf.layers.dense(hidden, 1)
critic_loss = tf.reduce_mean(tf.square(returns - value))  # expect: TLW003
train_op = tf.train.AdamOptimizer(1e-3).minimize(critic_loss)

episode = []
for t in range(200):
    state = np.reshape(np.random.rand(4), [1, 4])
    episode.append((state, 1.0))
batch_states = np.array([s for s, _ in episode])
