"""Split modules: the networks of an actor-critic project, imported by the agents beside it; right by itself."""
import tensorflow as tf
from tensorflow import keras


def build_critic(n_states, hidden=64):
    return keras.Sequential([
        keras.Input(shape=(n_states,)),
        keras.layers.Dense(hidden, activation="relu"),
        keras.layers.Dense(1),
    ])


class Actor(keras.Model):
    def __init__(self, n_actions):
        super().__init__()
        self.hidden = keras.layers.Dense(64, activation="relu")
        self.logits = keras.layers.Dense(n_actions)

    def call(self, states):
        return self.logits(self.hidden(states))


def entropy(logits):
    p = tf.nn.softmax(logits)
    return -tf.reduce_sum(p * tf.math.log(p + 1e-8), axis=-1)
