"""RL, TD3-style critic: transitions stored as tuples in a deque, sampled, split by map(np.asarray, zip(*batch)): (B,) rewards and done flags against the (B, 1) critic."""
import random
from collections import deque

import gymnasium as gym
import numpy as np
import tensorflow as tf

env = gym.make("Pendulum-v1")
critic = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1)])
target_critic = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.Adam(1e-3)
memory = deque(maxlen=100_000)


def update(batch_size=128, gamma=0.99):
    obs, act, rew, obs2, done = map(np.asarray, zip(*random.sample(memory, batch_size)))
    q_next = target_critic(np.concatenate([obs2, act], axis=1))
    target = rew + gamma * (1.0 - done) * q_next  # expect: TLW003
    with tf.GradientTape() as tape:
        q = critic(np.concatenate([obs, act], axis=1))
        loss = tf.reduce_mean((target - q) ** 2)
    grads = tape.gradient(loss, critic.trainable_variables)
    optimizer.apply_gradients(zip(grads, critic.trainable_variables))


state, _ = env.reset(seed=0)
for t in range(10_000):
    action = env.action_space.sample()
    next_state, reward, terminated, truncated, _ = env.step(action)
    memory.append((state, action, reward, next_state, terminated or truncated))
    state = next_state if not (terminated or truncated) else env.reset()[0]
    if len(memory) >= 1000:
        update()
