"""RL, PPO value loss, fixed: the critic's (B, 1) output is squeezed to (B,) before meeting the (B,) numpy returns."""
import numpy as np
import tensorflow as tf
from tensorflow import keras

critic = keras.Sequential([keras.Input(shape=(11,)), keras.layers.Dense(64, activation="tanh"), keras.layers.Dense(1)])
value_optimizer = keras.optimizers.Adam(1e-3)


def discounted(rewards, gamma=0.99):
    out = np.zeros(len(rewards), dtype=np.float32)
    running = 0.0
    for t in reversed(range(len(rewards))):
        running = rewards[t] + gamma * running
        out[t] = running
    return out


def train_value(observations, rewards):
    returns = discounted(rewards)
    with tf.GradientTape() as tape:
        value_loss = tf.reduce_mean((returns - tf.squeeze(critic(observations), 1)) ** 2)
    grads = tape.gradient(value_loss, critic.trainable_variables)
    value_optimizer.apply_gradients(zip(grads, critic.trainable_variables))
