"""A TF2 SAC whose actor comes from a module the scan does not read (its log-probabilities of no known shape), summed over the last axis keeping it, (..., 1); the soft target min(q1, q2) - alpha * that is a column, and the list buffer's rewards and dones are (B,): rewards + gamma * (1 - dones) * soft is (B, B)."""
import random

import numpy as np
import tensorflow as tf
from tensorflow import keras

from policies import GaussianActor


def make_critic(obs_dim, act_dim):
    s, a = keras.Input((obs_dim,)), keras.Input((act_dim,))
    h = keras.layers.Dense(256, activation="relu")(keras.layers.Concatenate()([s, a]))
    h = keras.layers.Dense(256, activation="relu")(h)
    return keras.Model([s, a], keras.layers.Dense(1)(h))


class Buffer:
    def __init__(self, size):
        self.items, self.size = [], size

    def add(self, s, a, r, s2, done):
        if len(self.items) >= self.size:
            self.items.pop(0)
        self.items.append((s, a, r, s2, done))

    def sample(self, n):
        batch = random.sample(self.items, n)
        s, a, r, s2, d = zip(*batch)
        return np.array(s), np.array(a), np.array(r, dtype=np.float32), np.array(s2), np.array(d, dtype=np.float32)


class SAC:
    def __init__(self, obs_dim, act_dim, gamma=0.99):
        self.actor = GaussianActor(obs_dim, act_dim)
        self.q1, self.q2 = make_critic(obs_dim, act_dim), make_critic(obs_dim, act_dim)
        self.q1_target, self.q2_target = make_critic(obs_dim, act_dim), make_critic(obs_dim, act_dim)
        self.log_alpha = tf.Variable(0.0)
        self.gamma = gamma
        self.buffer = Buffer(100000)
        self.optimizer = keras.optimizers.Adam(3e-4)

    def update_critics(self, batch_size=256):
        s, a, r, s2, d = self.buffer.sample(batch_size)
        next_a, next_log_pi = self.actor.sample(s2)
        alpha = tf.exp(self.log_alpha)
        min_q = tf.minimum(self.q1_target([s2, next_a]), self.q2_target([s2, next_a]))
        soft = min_q - alpha * tf.reduce_sum(next_log_pi, axis=-1, keepdims=True)
        y = tf.stop_gradient(r + self.gamma * (1 - d) * soft)  # expect: TLW003
        variables = self.q1.trainable_variables + self.q2.trainable_variables
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(y - self.q1([s, a]))) + tf.reduce_mean(tf.square(y - self.q2([s, a])))
        self.optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
        return loss


def train(env, agent, steps=100000, batch_size=256):
    s, _ = env.reset()
    for t in range(steps):
        a, _ = agent.actor.sample(s[None])
        a = a[0]
        s2, r, terminated, truncated, _ = env.step(a)
        agent.buffer.add(s, a, r, s2, float(terminated))
        s = env.reset()[0] if terminated or truncated else s2
        if len(agent.buffer.items) >= batch_size:
            agent.update_critics(batch_size)


if __name__ == "__main__":
    import gymnasium as gym

    env = gym.make("Pendulum-v1")
    train(env, SAC(env.observation_space.shape[0], env.action_space.shape[0]))
