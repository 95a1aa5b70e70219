"""A DDPG-style critic update whose replay method is written above the training loop that fills its deque, fixed: the sampled rewards and done flags are made (B, 1) columns like the target critic's values."""
import random
from collections import deque

import numpy as np
import tensorflow as tf


class Agent:
    def __init__(self, state_size, action_size, gamma=0.99, batch_size=64):
        self.gamma, self.batch_size = gamma, batch_size
        self.memory = deque(maxlen=50_000)
        self.critic = self._critic(state_size, action_size)
        self.target_critic = self._critic(state_size, action_size)
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def _critic(self, state_size, action_size):
        state, action = tf.keras.Input(shape=(state_size,)), tf.keras.Input(shape=(action_size,))
        hidden = tf.keras.layers.Dense(64, activation="relu")(tf.keras.layers.Concatenate()([state, action]))
        return tf.keras.Model([state, action], tf.keras.layers.Dense(1)(hidden))

    def remember(self, state, action, reward, next_state, done):
        self.memory.append((state, action, reward, next_state, done))

    def replay(self, next_actions):
        batch = random.sample(self.memory, self.batch_size)
        states = np.array([b[0] for b in batch])
        actions = np.array([b[1] for b in batch])
        rewards = np.array([b[2] for b in batch]).reshape(-1, 1)
        next_states = np.array([b[3] for b in batch])
        dones = np.array([b[4] for b in batch], dtype=np.float32).reshape(-1, 1)
        target = rewards + self.gamma * (1 - dones) * self.target_critic([next_states, next_actions])
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(target - self.critic([states, actions])))
        grads = tape.gradient(loss, self.critic.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))

    def train(self, env, episodes=100):
        for _ in range(episodes):
            state, done = env.reset(), False
            while not done:
                action = np.random.uniform(-1, 1, size=env.action_space.shape)
                next_state, reward, done, _ = env.step(action)
                self.remember(state, action, reward, next_state, done)
                state = next_state
                if len(self.memory) >= self.batch_size:
                    self.replay(np.zeros((self.batch_size, env.action_space.shape[0])))
