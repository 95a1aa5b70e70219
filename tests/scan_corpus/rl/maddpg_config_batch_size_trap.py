"""A Keras MADDPG whose array buffer is sampled with `np.random.choice(n, config.BATCH_SIZE)`, a size its configuration module holds: one agent's rewards `reward_batch[:, i]` are (B,) against its target critic's (B, 1)."""
import numpy as np
import tensorflow as tf

import config


def get_critic(dim_state, dim_actions):
    state = tf.keras.Input(shape=(dim_state,))
    actions = tf.keras.Input(shape=(dim_actions,))
    h = tf.keras.layers.Dense(256, activation="relu")(tf.keras.layers.Concatenate()([state, actions]))
    return tf.keras.Model([state, actions], tf.keras.layers.Dense(1)(h))


class Buffer:
    def __init__(self, dim_state, dim_actions, num_agents):
        self.counter = 0
        self.states = np.zeros((config.CAPACITY, dim_state))
        self.actions = np.zeros((config.CAPACITY, dim_actions))
        self.rewards = np.zeros((config.CAPACITY, num_agents))
        self.next_states = np.zeros((config.CAPACITY, dim_state))

    def learn(self, critics, target_critics, next_actions, i):
        indices = np.random.choice(min(self.counter, config.CAPACITY), config.BATCH_SIZE)
        states = tf.convert_to_tensor(self.states[indices])
        actions = tf.convert_to_tensor(self.actions[indices])
        rewards = tf.cast(tf.convert_to_tensor(self.rewards[indices]), tf.float32)
        next_states = tf.convert_to_tensor(self.next_states[indices])
        with tf.GradientTape() as tape:
            y = rewards[:, i] + 0.95 * target_critics[i]([next_states, next_actions])  # expect: TLW003
            loss = tf.reduce_mean(tf.square(y - critics[i]([states, actions])))
        return tape.gradient(loss, critics[i].trainable_variables)


critics = [get_critic(24, 6) for _ in range(3)]
target_critics = [get_critic(24, 6) for _ in range(3)]
Buffer(24, 6, 3).learn(critics, target_critics, np.zeros((config.BATCH_SIZE, 6)), 0)
