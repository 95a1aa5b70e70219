"""TD3's clipped double-Q target, fixed: the buffer keeps rewards and done flags as (N, 1) columns, like the minimum of the two target critics' values."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Critic(keras.Model):
    def __init__(self):
        super().__init__()
        self.l1 = keras.layers.Dense(256, activation="relu")
        self.l2 = keras.layers.Dense(256, activation="relu")
        self.out = keras.layers.Dense(1)

    def call(self, state, action):
        return self.out(self.l2(self.l1(tf.concat([state, action], axis=1))))


class Buffer:
    def __init__(self, size, state_dims, action_dims):
        self.size, self.count = size, 0
        self.states = np.zeros((size, *state_dims), dtype=np.float32)
        self.actions = np.zeros((size, action_dims), dtype=np.float32)
        self.rewards = np.zeros((size, 1), dtype=np.float32)
        self.next_states = np.zeros((size, *state_dims), dtype=np.float32)
        self.dones = np.zeros((size, 1), dtype=np.float32)

    def sample(self, n):
        idx = np.random.randint(0, min(self.count, self.size), size=n)
        return self.states[idx], self.actions[idx], self.rewards[idx], self.next_states[idx], self.dones[idx]


class TD3:
    def __init__(self, state_dims, action_dims, gamma=0.99):
        self.gamma = gamma
        self.buffer = Buffer(100_000, state_dims, action_dims)
        self.q1, self.q2 = Critic(), Critic()
        self.q1_target, self.q2_target = Critic(), Critic()
        self.optimizer = keras.optimizers.Adam(3e-4)

    def train_critics(self, next_actions):
        states, actions, rewards, next_states, dones = self.buffer.sample(100)
        next_q = tf.minimum(self.q1_target(next_states, next_actions), self.q2_target(next_states, next_actions))
        target = tf.stop_gradient(rewards + self.gamma * (1.0 - dones) * next_q)
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self.q1(states, actions) - target)) + \
                tf.reduce_mean(tf.square(self.q2(states, actions) - target))
        variables = self.q1.trainable_variables + self.q2.trainable_variables
        self.optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
