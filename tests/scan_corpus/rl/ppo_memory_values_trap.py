"""PPO with a rollout memory: each step stores critic(state)[0], a (1,) array, so the stored values are (T, 1) and meet the (T,) advantages as (T, T)."""
import gym
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Critic(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(64, activation="tanh")
        self.v = keras.layers.Dense(1)

    def call(self, state):
        return self.v(self.hidden(state))


class Rollout:
    def __init__(self):
        self.states, self.values, self.rewards, self.dones = [], [], [], []

    def add(self, state, value, reward, done):
        self.states.append(state)
        self.values.append(value)
        self.rewards.append(reward)
        self.dones.append(done)

    def arrays(self):
        return np.array(self.states), np.array(self.values), np.array(self.rewards), np.array(self.dones)


class Agent:
    def __init__(self, gamma=0.99, lam=0.95):
        self.gamma, self.lam = gamma, lam
        self.critic = Critic()
        self.optimizer = keras.optimizers.Adam(3e-4)
        self.rollout = Rollout()

    def value(self, observation):
        state = tf.convert_to_tensor([observation], dtype=tf.float32)
        return self.critic(state).numpy()[0]

    def update(self):
        states, values, rewards, dones = self.rollout.arrays()
        advantages = np.zeros(len(rewards), dtype=np.float32)
        running = 0.0
        for t in reversed(range(len(rewards) - 1)):
            delta = rewards[t] + self.gamma * values[t + 1] * (1 - dones[t]) - values[t]
            running = delta + self.gamma * self.lam * running
            advantages[t] = running
        for start in range(0, len(rewards), 32):
            batch = np.arange(start, min(start + 32, len(rewards)))
            with tf.GradientTape() as tape:
                predicted = tf.squeeze(self.critic(tf.convert_to_tensor(states[batch])), 1)
                targets = advantages[batch] + values[batch]  # expect: TLW003
                loss = tf.reduce_mean(tf.square(targets - predicted))
            grads = tape.gradient(loss, self.critic.trainable_variables)
            self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))


env = gym.make("CartPole-v1")
agent = Agent()
for episode in range(200):
    observation, done = env.reset(), False
    while not done:
        value = agent.value(observation)
        next_observation, reward, done, _ = env.step(env.action_space.sample())
        agent.rollout.add(observation, value, reward, done)
        observation = next_observation
    agent.update()
