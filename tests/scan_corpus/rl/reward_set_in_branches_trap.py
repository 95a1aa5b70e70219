"""RL, TF2: a reward set to 0 and changed on one branch (a number either way), returns (T,) against values (T, 1)."""
import numpy as np
import tensorflow as tf

value_net = tf.keras.Sequential([tf.keras.Input(shape=(10,)), tf.keras.layers.Dense(1)])


def play(board_states, hits):
    rewards = []
    for hit in hits:
        reward = 0
        if hit:
            reward = 1.0
        elif hit is None:
            reward = -0.5
        rewards.append(reward)
    returns = np.cumsum(rewards[::-1])[::-1].astype(np.float32)
    return np.array(rewards, dtype=np.float32), returns


def value_loss(board_states, hits):
    rewards, _ = play(board_states, hits)
    values = value_net(board_states)
    return tf.reduce_mean(tf.square(rewards - values))  # expect: TLW003
