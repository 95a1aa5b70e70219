"""Split modules: the rollout memory of ppo_learner_values_trap.py, right by itself: it keeps what it is given and hands back arrays of it."""
import numpy as np


class Memory:
    def __init__(self, batch_size):
        self.batch_size = batch_size
        self.clear()

    def clear(self):
        self.observations, self.values, self.rewards = [], [], []

    def store(self, observation, value, reward):
        self.observations.append(observation)
        self.values.append(value)
        self.rewards.append(reward)

    def sample(self):
        order = np.random.permutation(len(self.rewards))
        batches = [order[i:i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        return np.array(self.observations), np.array(self.values), np.array(self.rewards), batches
