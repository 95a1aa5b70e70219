"""RL, TF2 actor-critic, right: returns appended to a Python list, then np.vstack'ed to (N, 1) like the critic's output."""
import numpy as np
import tensorflow as tf
from tensorflow import keras

gamma = 0.98
critic = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
optimizer = keras.optimizers.Adam(1e-3)


def discount(episode_rewards):
    returns = []
    running = 0.0
    for r in episode_rewards[::-1]:
        running = r + gamma * running
        returns.insert(0, running)
    return np.vstack(returns).astype(np.float32)


def update(states, episode_rewards):
    returns = discount(episode_rewards)
    advantages = np.array(list(episode_rewards))[:, None] - returns
    with tf.GradientTape() as tape:
        critic_loss = tf.reduce_mean(tf.square(returns - critic(states)))
    grads = tape.gradient(critic_loss, critic.trainable_variables)
    optimizer.apply_gradients(zip(grads, critic.trainable_variables))
    return advantages


rewards = []
for step in range(200):
    rewards.append(float(step % 7 == 0))
update(np.random.rand(200, 6).astype(np.float32), rewards)
