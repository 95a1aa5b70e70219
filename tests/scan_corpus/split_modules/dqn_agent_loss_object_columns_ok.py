"""Split modules: the same DQN agent with the rewards and dones expanded to (B, 1) columns before the target, as the `keepdims` maximum is; driven by dqn_main_columns_ok.py."""
import random
from collections import deque

import numpy as np
import tensorflow as tf


class DQNAgent:
    def __init__(self, observation_dim, action_dim, gamma=0.99, batch_size=64):
        self.q_network = tf.keras.Sequential([tf.keras.Input((observation_dim,)),
                                              tf.keras.layers.Dense(128, activation="relu"),
                                              tf.keras.layers.Dense(action_dim)])
        self.target_q_network = tf.keras.models.clone_model(self.q_network)
        self.replay_buffer = deque(maxlen=50_000)
        self.gamma, self.batch_size = gamma, batch_size
        self.loss_fn = tf.keras.losses.MeanSquaredError()

    def store_transition(self, state, action, reward, next_state, done):
        self.replay_buffer.append((state, action, reward, next_state, done))

    def learn(self):
        states, actions, rewards, next_states, dones = zip(*random.sample(self.replay_buffer, self.batch_size))
        rewards = tf.expand_dims(tf.convert_to_tensor(np.array(rewards), dtype=tf.float32), 1)
        dones = tf.expand_dims(tf.convert_to_tensor(np.array(dones), dtype=tf.float32), 1)
        next_states = tf.convert_to_tensor(np.array(next_states), dtype=tf.float32)
        with tf.GradientTape() as tape:
            max_next_q = tf.reduce_max(self.target_q_network(next_states), axis=1, keepdims=True)
            target = rewards + self.gamma * max_next_q * (1 - dones)
            loss = self.loss_fn(max_next_q, target)
        return tape, loss
