"""Keras 2 actor-critic trained on a batch of transitions: the critic's TD targets are rewards (B,) plus its own discounted prediction (B, 1), a (B, B) matrix that critic.fit() then reduces against the (B, 1) output."""
import random
from collections import deque

import gym
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import Adam


class A2CAgent:
    def __init__(self, state_size, action_size):
        self.state_size = state_size
        self.action_size = action_size
        self.discount_factor = 0.99
        self.memory = deque(maxlen=2000)
        self.actor = Sequential([Dense(24, input_dim=state_size, activation="relu"),
                                 Dense(action_size, activation="softmax")])
        self.actor.compile(loss="categorical_crossentropy", optimizer=Adam(learning_rate=1e-3))
        self.critic = Sequential([Dense(24, input_dim=state_size, activation="relu"),
                                  Dense(1, activation="linear")])
        self.critic.compile(loss="mse", optimizer=Adam(learning_rate=5e-3))

    def get_action(self, state):
        policy = self.actor.predict(state, verbose=0).flatten()
        return np.random.choice(self.action_size, 1, p=policy)[0]

    def remember(self, state, action, reward, next_state, done):
        self.memory.append((state, action, reward, next_state, done))

    def train_model(self, batch_size=32):
        batch = random.sample(self.memory, batch_size)
        states = np.vstack([b[0] for b in batch])
        actions = np.array([b[1] for b in batch])
        rewards = np.array([b[2] for b in batch])
        next_states = np.vstack([b[3] for b in batch])
        dones = np.array([b[4] for b in batch], dtype=np.float32)

        values = self.critic.predict(states, verbose=0)
        next_values = self.critic.predict(next_states, verbose=0)
        targets = rewards + self.discount_factor * next_values * (1 - dones)  # expect: TLW003
        advantages = np.zeros((batch_size, self.action_size))
        advantages[np.arange(batch_size), actions] = (targets - values)[:, 0]

        self.actor.fit(states, advantages, epochs=1, verbose=0)
        self.critic.fit(states, targets, epochs=1, verbose=0)


env = gym.make("CartPole-v1")
agent = A2CAgent(4, 2)
for episode in range(500):
    state, _ = env.reset()
    state = np.reshape(state, [1, 4])
    done = False
    while not done:
        action = agent.get_action(state)
        next_state, reward, terminated, truncated, _ = env.step(action)
        done = terminated or truncated
        next_state = np.reshape(next_state, [1, 4])
        agent.remember(state, action, reward, next_state, done)
        state = next_state
        if len(agent.memory) >= 32:
            agent.train_model()
