"""A Keras 3 DDPG whose batch size is read from a JSON configuration: the sampled rewards and dones are
`np.zeros(batch_size)` vectors filled row by row, (B,) (the same name is a dimension of the states' `(batch_size,
n)`), against the target critic's Dense(1) column, (B, 1), in the TD target."""
import json
import random

import keras
import numpy as np
import tensorflow as tf


def build_critic(state_dim, action_dim):
    state_input = keras.Input(shape=(state_dim,))
    action_input = keras.Input(shape=(action_dim,))
    x = keras.layers.Concatenate()([state_input, action_input])
    x = keras.layers.Dense(64, activation="relu")(x)
    return keras.Model([state_input, action_input], keras.layers.Dense(1)(x))


class Agent:
    def __init__(self, state_dim=2, action_dim=1):
        with open("configs/buffer.json") as file:
            self.configs = json.load(file)
        self.batch_size = self.configs["batch_size"]
        self.state_dim, self.action_dim = state_dim, action_dim
        self.buffer = []
        self.critic = build_critic(state_dim, action_dim)
        self.target_critic = build_critic(state_dim, action_dim)
        self.actor = keras.Sequential([keras.Input(shape=(state_dim,)), keras.layers.Dense(action_dim)])
        self.optimizer = keras.optimizers.Adam(1e-3)
        self.gamma = 0.99

    @tf.function
    def update(self, states, actions, rewards, next_states, dones):
        with tf.GradientTape() as tape:
            target_actions = self.actor(next_states, training=True)
            y = rewards + (1 - dones) * self.gamma * self.target_critic(  # expect: TLW003
                [next_states, target_actions], training=True)
            critic_value = self.critic([states, actions], training=True)
            loss = keras.ops.mean(keras.ops.square(y - critic_value))
        grads = tape.gradient(loss, self.critic.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))

    def learn(self):
        batch_size = self.batch_size
        if len(self.buffer) < batch_size:
            return
        states = np.zeros((batch_size, self.state_dim), dtype=np.float32)
        actions = np.zeros((batch_size, self.action_dim), dtype=np.float32)
        rewards = np.zeros(batch_size, dtype=np.float32)
        next_states = np.zeros((batch_size, self.state_dim), dtype=np.float32)
        dones = np.zeros(batch_size, dtype=np.float32)
        for i, (s, a, r, s2, d) in enumerate(random.sample(self.buffer, batch_size)):
            states[i], actions[i], rewards[i], next_states[i], dones[i] = s, a, r, s2, d
        to_tensor = keras.ops.convert_to_tensor
        self.update(to_tensor(states), to_tensor(actions), to_tensor(rewards), to_tensor(next_states),
                    to_tensor(dones))
