"""RL, TF2 actor-critic: (s, r, done, info) = env.step(a), TD targets built by a list comprehension: (T,) + (T, 1)."""
import numpy as np
import tensorflow as tf

gamma = 0.95


def make_critic(n_obs):
    inputs = tf.keras.Input(shape=(n_obs,))
    hidden = tf.keras.layers.Dense(64, activation="relu")(inputs)
    return tf.keras.Model(inputs, tf.keras.layers.Dense(1)(hidden))


def run_episode(env, policy):
    observations, rewards, dones = [], [], []
    obs, done = env.reset(), False
    while not done:
        obs_next, reward, done, _ = env.step(policy(obs))
        observations.append(obs)
        rewards.append(reward)
        dones.append(float(done))
        obs = obs_next
    return np.array(observations, dtype=np.float32), rewards, dones


def critic_loss(env, policy):
    observations, rewards, dones = run_episode(env, policy)
    targets = np.array([r * (1.0 - d) for r, d in zip(rewards, dones)], dtype=np.float32)
    next_values = critic(observations)
    td_target = targets + gamma * next_values  # expect: TLW003
    values = critic(observations)
    return tf.reduce_mean(tf.square(tf.stop_gradient(td_target) - values))


critic = make_critic(4)
