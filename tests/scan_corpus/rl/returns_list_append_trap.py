"""RL, TF2 actor-critic: returns appended to a Python list (floats) and made np.array (N,), minus the critic's (N, 1)."""
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
        returns.append(running)
    returns.reverse()
    return np.array(returns, dtype=np.float32)


def update(states, episode_rewards):
    returns = discount(episode_rewards)
    with tf.GradientTape() as tape:
        values = critic(states)
        critic_loss = tf.reduce_mean(tf.square(returns - values))  # expect: TLW003
    grads = tape.gradient(critic_loss, critic.trainable_variables)
    optimizer.apply_gradients(zip(grads, critic.trainable_variables))


rewards = []
for step in range(200):
    rewards.append(float(step % 7 == 0))
update(np.random.rand(200, 6).astype(np.float32), rewards)
