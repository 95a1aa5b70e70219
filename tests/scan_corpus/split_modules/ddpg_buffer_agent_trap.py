"""A TF2 DDPG on Pendulum whose transitions go through the Emami replay buffer beside it: gym's reward is a number,
so the sampled rewards are (B,), cast with the rest by a generator over the batch; the target critic's (B, 1)
makes `r + gamma * q_next` (B, B) before the critic's mean squared error."""
import gym
import numpy as np
import tensorflow as tf
from tensorflow import keras

from ddpg_emami_buffer_ok import ReplayBuffer

GAMMA = 0.99


def build_critic():
    s = keras.Input(shape=(3,))
    a = keras.Input(shape=(1,))
    h = keras.layers.Dense(64, activation="relu")(keras.layers.Concatenate()([s, a]))
    return keras.Model([s, a], keras.layers.Dense(1)(h))


def build_actor():
    s = keras.Input(shape=(3,))
    h = keras.layers.Dense(64, activation="relu")(s)
    return keras.Model(s, keras.layers.Dense(1, activation="tanh")(h))


actor, critic = build_actor(), build_critic()
target_actor, target_critic = build_actor(), build_critic()
optimizer = keras.optimizers.Adam(1e-3)


def update(batch):
    s, a, r, t, s2 = (tf.cast(x, tf.float32) for x in batch)
    q_next = target_critic([s2, target_actor(s2)])
    y = r + GAMMA * q_next  # expect: TLW003
    with tf.GradientTape() as tape:
        loss = keras.losses.mse(y, critic([s, a]))
    grads = tape.gradient(loss, critic.trainable_variables)
    optimizer.apply_gradients(zip(grads, critic.trainable_variables))


env = gym.make("Pendulum-v0")
buffer = ReplayBuffer(100000)
for episode in range(100):
    s = env.reset()
    done = False
    while not done:
        a = actor(s[None])[0].numpy() + np.random.normal(0, 0.1, 1)
        s2, r, done, _ = env.step(a)
        buffer.add([s, a, r, done, s2])
        if buffer.size() >= 64:
            update(buffer.sample_batch(64))
        s = s2
