"""Split modules: a DQN agent whose target `rewards + gamma * max_next_q * (1 - dones)` meets the (B,) rewards and dones of its deque's transitions (stored by dqn_main_import_fallback_ok.py from `env.step`) and the (B, 1) `reduce_max(..., keepdims=True)`; expanded and handed to `MeanSquaredError()`, which aligns its arguments but means the B x B made before it."""
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
        self.optimizer = tf.keras.optimizers.Adam(5e-4)
        self.loss_fn = tf.keras.losses.MeanSquaredError()

    def store_transition(self, state, action, reward, next_state, done):
        self.replay_buffer.append((state, action, reward, next_state, done))

    def learn(self):
        if len(self.replay_buffer) < self.batch_size:
            return
        states, actions, rewards, next_states, dones = zip(*random.sample(self.replay_buffer, self.batch_size))
        states = tf.convert_to_tensor(np.array(states), dtype=tf.float32)
        actions = tf.convert_to_tensor(np.array(actions), dtype=tf.int64)
        rewards = tf.convert_to_tensor(np.array(rewards), dtype=tf.float32)
        next_states = tf.convert_to_tensor(np.array(next_states), dtype=tf.float32)
        dones = tf.convert_to_tensor(np.array(dones), dtype=tf.float32)
        with tf.GradientTape() as tape:
            rows = tf.range(self.batch_size, dtype=tf.int64)
            current = tf.expand_dims(tf.gather_nd(self.q_network(states), tf.stack([rows, actions], axis=1)), 1)
            max_next_q = tf.reduce_max(self.target_q_network(next_states), axis=1, keepdims=True)
            target = rewards + self.gamma * max_next_q * (1 - dones)  # expect: TLW003
            loss = self.loss_fn(current, tf.expand_dims(target, axis=1))
        grads = tape.gradient(loss, self.q_network.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.q_network.trainable_variables))
