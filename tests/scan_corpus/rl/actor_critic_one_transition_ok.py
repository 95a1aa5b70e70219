"""TF1 actor-critic updated one transition a run: the (None,) return placeholder is fed np.array([g]), so (1,) - (B, 1) is (1, 1), no B x B."""
import numpy as np
import tensorflow as tf

states = tf.placeholder(tf.float32, (None, 6), name="states")
returns = tf.placeholder(tf.float32, (None,), name="returns")
hidden = tf.layers.dense(states, 20, activation=tf.nn.relu)
values = tf.layers.dense(hidden, 1)
critic_loss = tf.reduce_mean(tf.square(returns - values))
train_op = tf.train.RMSPropOptimizer(1e-3).minimize(critic_loss)

episode_states, episode_rewards = np.random.rand(50, 6), np.random.rand(50)
discounted = np.zeros_like(episode_rewards)
running = 0.0
for t in reversed(range(50)):
    running = episode_rewards[t] + 0.99 * running
    discounted[t] = running

with tf.Session() as session:
    session.run(tf.global_variables_initializer())
    for t in range(50):
        session.run(train_op, {states: episode_states[t][np.newaxis, :], returns: np.array([discounted[t]])})
