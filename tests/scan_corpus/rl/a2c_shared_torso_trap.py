"""RL, A2C with a shared torso: the policy head's per-sample log-probability (B,) times the value head's (B, 1) advantage."""
import tensorflow as tf
from tensorflow import keras

n_actions = 3
torso = keras.layers.Dense(256, activation="relu")
policy_head = keras.layers.Dense(n_actions)
value_head = keras.layers.Dense(1)
optimizer = keras.optimizers.Adam(3e-4)


def a2c_loss(observations, actions, returns):
    hidden = torso(observations)
    logits, values = policy_head(hidden), value_head(hidden)
    log_prob = -tf.nn.sparse_softmax_cross_entropy_with_logits(labels=actions, logits=logits)
    advantage = returns - values
    policy_loss = -tf.reduce_mean(log_prob * tf.stop_gradient(advantage))  # expect: TLW003
    value_loss = tf.reduce_mean(tf.square(advantage))
    return policy_loss + 0.5 * value_loss
