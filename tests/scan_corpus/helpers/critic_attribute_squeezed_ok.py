"""Helpers + RL, fixed: the critic's value is squeezed in a helper method, so rewards and values are both (B,)."""
import tensorflow as tf
from tensorflow import keras


class Agent:
    def __init__(self, n_states, gamma=0.99):
        self.gamma = gamma
        self.critic = keras.Sequential([keras.Input(shape=(n_states,)), keras.layers.Dense(64, activation="relu"),
                                        keras.layers.Dense(1)])
        self.optimizer = keras.optimizers.Adam(1e-3)

    def value(self, states):
        return tf.squeeze(self.critic(states), axis=-1)

    def learn(self, states, rewards, next_states, dones):
        rewards = tf.convert_to_tensor(rewards, dtype=tf.float32)  # (B,)
        dones = tf.convert_to_tensor(dones, dtype=tf.float32)  # (B,)
        with tf.GradientTape() as tape:
            target = rewards + self.gamma * self.value(next_states) * (1.0 - dones)
            loss = tf.reduce_mean(tf.square(tf.stop_gradient(target) - self.value(states)))
        grads = tape.gradient(loss, self.critic.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))
