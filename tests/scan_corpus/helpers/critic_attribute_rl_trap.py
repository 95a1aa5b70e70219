"""Helpers + RL: the critic is a self. attribute built in one method; a (B,) reward meets its (B, 1) value in another."""
import tensorflow as tf
from tensorflow import keras


class Agent:
    def __init__(self, n_states, gamma=0.99):
        self.gamma = gamma
        self.critic = self._build_critic(n_states)
        self.optimizer = keras.optimizers.Adam(1e-3)

    def _build_critic(self, n_states):
        return keras.Sequential([keras.Input(shape=(n_states,)), keras.layers.Dense(64, activation="relu"),
                                 keras.layers.Dense(1)])

    def learn(self, states, rewards, next_states, dones):
        rewards = tf.convert_to_tensor(rewards, dtype=tf.float32)  # (B,)
        dones = tf.convert_to_tensor(dones, dtype=tf.float32)  # (B,)
        with tf.GradientTape() as tape:
            target = rewards + self.gamma * self.critic(next_states) * (1.0 - dones)  # expect: TLW003
            loss = tf.reduce_mean(tf.square(tf.stop_gradient(target) - self.critic(states)))
        grads = tape.gradient(loss, self.critic.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))
