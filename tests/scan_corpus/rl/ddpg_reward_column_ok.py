"""RL, DDPG critic, fixed: the reward buffer is (capacity, 1), so reward_batch is (B, 1) like the critic's value."""
import numpy as np
import tensorflow as tf
from tensorflow import keras

gamma = 0.99
capacity, batch_size, n_states, n_actions = 50000, 64, 3, 1
state_buffer = np.zeros((capacity, n_states))
action_buffer = np.zeros((capacity, n_actions))
reward_buffer = np.zeros((capacity, 1))
next_state_buffer = np.zeros((capacity, n_states))


def make_critic():
    s = keras.Input(shape=(n_states,))
    a = keras.Input(shape=(n_actions,))
    h = keras.layers.Dense(256, activation="relu")(keras.layers.Concatenate()([s, a]))
    return keras.Model([s, a], keras.layers.Dense(1)(h))


critic_model, target_critic = make_critic(), make_critic()
target_actor = keras.Sequential([keras.Input(shape=(n_states,)), keras.layers.Dense(n_actions, activation="tanh")])
critic_optimizer = keras.optimizers.Adam(0.002)

idx = np.random.choice(capacity, batch_size)
state_batch = tf.convert_to_tensor(state_buffer[idx], dtype=tf.float32)
action_batch = tf.convert_to_tensor(action_buffer[idx], dtype=tf.float32)
reward_batch = tf.convert_to_tensor(reward_buffer[idx], dtype=tf.float32)
next_state_batch = tf.convert_to_tensor(next_state_buffer[idx], dtype=tf.float32)
with tf.GradientTape() as tape:
    next_q = target_critic([next_state_batch, target_actor(next_state_batch)], training=True)
    target = reward_batch + gamma * next_q
    critic_value = critic_model([state_batch, action_batch], training=True)
    critic_loss = tf.reduce_mean(tf.square(target - critic_value))
critic_optimizer.apply_gradients(zip(tape.gradient(critic_loss, critic_model.trainable_variables),
                                     critic_model.trainable_variables))
