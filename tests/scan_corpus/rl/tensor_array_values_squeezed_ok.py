"""The TensorFlow actor-critic tutorial's episode in TensorArrays as it stands: each value written squeezed, a scalar, so the stacked values are (T,) and expand_dims makes values and returns (T, 1) alike."""
import gym
import numpy as np
import tensorflow as tf

env = gym.make("CartPole-v1")
inputs = tf.keras.Input(shape=(4,))
common = tf.keras.layers.Dense(128, activation="relu")(inputs)
model = tf.keras.Model(inputs, [tf.keras.layers.Dense(2)(common), tf.keras.layers.Dense(1)(common)])
huber_loss = tf.keras.losses.Huber(reduction=tf.keras.losses.Reduction.SUM)
optimizer = tf.keras.optimizers.Adam(learning_rate=0.01)


def run_episode(initial_state, max_steps):
    action_probs = tf.TensorArray(dtype=tf.float32, size=0, dynamic_size=True)
    values = tf.TensorArray(dtype=tf.float32, size=0, dynamic_size=True)
    rewards = tf.TensorArray(dtype=tf.int32, size=0, dynamic_size=True)
    state = initial_state
    for t in tf.range(max_steps):
        state = tf.expand_dims(state, 0)
        action_logits_t, value = model(state)
        action = tf.random.categorical(action_logits_t, 1)[0, 0]
        action_probs_t = tf.nn.softmax(action_logits_t)
        values = values.write(t, tf.squeeze(value))
        action_probs = action_probs.write(t, action_probs_t[0, action])
        state, reward, done, _ = env.step(int(action))
        rewards = rewards.write(t, reward)
    return action_probs.stack(), values.stack(), rewards.stack()


def get_expected_return(rewards, gamma):
    n = tf.shape(rewards)[0]
    returns = tf.TensorArray(dtype=tf.float32, size=n)
    rewards = tf.cast(rewards[::-1], dtype=tf.float32)
    discounted_sum = tf.constant(0.0)
    for i in tf.range(n):
        discounted_sum = rewards[i] + gamma * discounted_sum
        returns = returns.write(i, discounted_sum)
    return returns.stack()[::-1]


def compute_loss(action_probs, values, returns):
    advantage = returns - values
    actor_loss = -tf.math.reduce_sum(tf.math.log(action_probs) * advantage)
    return actor_loss + huber_loss(values, returns)


def train_step(initial_state, gamma, max_steps):
    with tf.GradientTape() as tape:
        action_probs, values, rewards = run_episode(initial_state, max_steps)
        returns = get_expected_return(rewards, gamma)
        action_probs, values, returns = [tf.expand_dims(x, 1) for x in [action_probs, values, returns]]
        loss = compute_loss(action_probs, values, returns)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))


train_step(tf.constant(env.reset(), dtype=tf.float32), 0.99, 500)
