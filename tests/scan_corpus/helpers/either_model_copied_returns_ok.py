"""A course template: the model class picked by a command-line switch (either of two), returns discounted on a copy of the rewards list; the baseline squeezed to (B,) before it meets them."""
import sys

import numpy as np
import tensorflow as tf


class Reinforce(tf.keras.Model):
    def __init__(self, n_actions):
        super().__init__()
        self.policy = tf.keras.layers.Dense(n_actions, activation="softmax")

    def loss(self, states, actions, returns):
        probs = tf.gather(self.policy(states), actions, batch_dims=1)
        return -tf.reduce_sum(tf.math.log(probs) * returns)


class ReinforceWithBaseline(tf.keras.Model):
    def __init__(self, n_actions):
        super().__init__()
        self.policy = tf.keras.layers.Dense(n_actions, activation="softmax")
        self.critic = tf.keras.layers.Dense(1)

    def loss(self, states, actions, returns):
        advantage = returns - tf.squeeze(self.critic(states), axis=-1)
        probs = tf.gather(self.policy(states), actions, batch_dims=1)
        return -tf.reduce_sum(tf.math.log(probs) * tf.stop_gradient(advantage)) + tf.reduce_sum(advantage ** 2)


def discount(rewards, gamma=0.99):
    out = rewards.copy()
    for t in range(len(out) - 2, -1, -1):
        out[t] = out[t] + gamma * out[t + 1]
    return out


def main():
    if sys.argv[1] == "REINFORCE":
        model = Reinforce(2)
    elif sys.argv[1] == "REINFORCE_BASELINE":
        model = ReinforceWithBaseline(2)
    rewards = []
    for t in range(200):
        rewards.append(1.0)
    states, actions = np.zeros((200, 4), np.float32), np.zeros(200, np.int32)
    with tf.GradientTape() as tape:
        loss = model.loss(states, actions, discount(rewards))
    return tape.gradient(loss, model.trainable_variables)


if __name__ == "__main__":
    main()
