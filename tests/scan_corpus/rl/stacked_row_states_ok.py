"""RL, TF1, fixed: the (1, n) rows are stacked with vstack to (B, n), so the critic's Dense(1) is (B, 1), squeezed."""
import numpy as np
import tensorflow.compat.v1 as tf

states = tf.placeholder(tf.float32, shape=(None, 4))
returns = tf.placeholder(tf.float32, shape=(None,))
hidden = tf.layers.dense(states, 16, activation=tf.nn.relu)
value = tf.squeeze(tf.layers.dense(hidden, 1), axis=1)
critic_loss = tf.reduce_mean(tf.square(returns - value))
train_op = tf.train.AdamOptimizer(1e-3).minimize(critic_loss)

episode = []
for t in range(200):
    state = np.reshape(np.random.rand(4), [1, 4])
    episode.append((state, 1.0))
batch_states = np.vstack([s for s, _ in episode])
