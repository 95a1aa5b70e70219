"""RL, A2C, right: advantages sampled from a (capacity,) buffer are (B,), like the cross-entropy; the value loss uses (B, 1) returns."""
import numpy as np
import tensorflow as tf
from tensorflow import keras

capacity, batch_size, n_actions = 10000, 64, 4
advantage_buffer = np.zeros(capacity, dtype=np.float32)
return_buffer = np.zeros(capacity, dtype=np.float32)
actor = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(n_actions)])
critic = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1)])
optimizer = keras.optimizers.Adam(7e-4)


def train_step(states, actions):
    idx = np.random.choice(capacity, batch_size)
    advantage = tf.convert_to_tensor(advantage_buffer[idx])
    returns = tf.reshape(tf.convert_to_tensor(return_buffer[idx]), (-1, 1))
    with tf.GradientTape() as tape:
        neg_log_prob = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=actions, logits=actor(states))
        policy_loss = tf.reduce_mean(neg_log_prob * advantage)
        value_loss = tf.reduce_mean(tf.square(returns - critic(states)))
        loss = policy_loss + 0.5 * value_loss
    variables = actor.trainable_variables + critic.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
