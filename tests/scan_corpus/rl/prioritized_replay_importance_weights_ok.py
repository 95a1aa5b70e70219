"""TF2: a prioritized replay's importance weights reshaped to (B, 1) before they weight a DDPG critic's (B, 1) squared error."""
import random
from collections import deque

import gym
import numpy as np
import tensorflow as tf
from tensorflow import keras


class PrioritizedReplay:
    def __init__(self, capacity, alpha=0.6, beta=0.4):
        self.alpha, self.beta = alpha, beta
        self.buffer = deque(maxlen=capacity)
        self.priorities = deque(maxlen=capacity)

    def add(self, transition):
        self.buffer.append(transition)
        self.priorities.append(max(self.priorities, default=1.0))

    def importance(self, probabilities):
        weights = (len(self.buffer) * probabilities) ** -self.beta
        weights = weights / max(weights)
        return tf.reshape(tf.cast(weights, tf.float32), (-1, 1))

    def sample(self, batch_size):
        scaled = np.array(self.priorities) ** self.alpha
        probabilities = scaled / sum(scaled)
        indices = random.choices(range(len(self.buffer)), weights=probabilities, k=batch_size)
        return indices, self.importance(probabilities[indices])


class Agent:
    def __init__(self, env, batch_size=64, gamma=0.99):
        self.env, self.batch_size, self.gamma = env, batch_size, gamma
        self.replay = PrioritizedReplay(100000)
        obs, act = env.observation_space.shape[0], env.action_space.shape[0]
        s, a = keras.Input(shape=(obs,)), keras.Input(shape=(act,))
        h = keras.layers.Dense(64, activation="relu")(keras.layers.Concatenate()([s, a]))
        self.critic = keras.Model([s, a], keras.layers.Dense(1)(h))
        self.actor = keras.Sequential([keras.Input(shape=(obs,)), keras.layers.Dense(act, activation="tanh")])
        self.optimizer = keras.optimizers.Adam(1e-3)

    def batch(self):
        indices, weights = self.replay.sample(self.batch_size)
        states = np.zeros((self.batch_size, self.env.observation_space.shape[0]), np.float32)
        actions = np.zeros((self.batch_size, self.env.action_space.shape[0]), np.float32)
        rewards = np.zeros((self.batch_size, 1), np.float32)
        next_states = np.zeros_like(states)
        for row, i in enumerate(indices):
            states[row], actions[row], rewards[row], next_states[row] = self.replay.buffer[i]
        return states, actions, rewards, next_states, weights

    def learn(self):
        states, actions, rewards, next_states, weights = self.batch()
        with tf.GradientTape() as tape:
            target = rewards + self.gamma * self.critic([next_states, self.actor(next_states)])
            error = tf.square(target - self.critic([states, actions]))
            loss = tf.reduce_mean(weights * error)
        grads = tape.gradient(loss, self.critic.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))

    def run(self, episodes):
        for _ in range(episodes):
            state, done = self.env.reset(), False
            while not done:
                action = self.actor(state[None])[0].numpy()
                next_state, reward, done, _ = self.env.step(action)
                self.replay.add((state, action, reward, next_state))
                state = next_state
                if len(self.replay.buffer) >= self.batch_size:
                    self.learn()


Agent(gym.make("Pendulum-v1")).run(100)
