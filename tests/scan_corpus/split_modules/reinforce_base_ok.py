"""Split modules: a REINFORCE base class whose constructor sets the discount and the policy; the subclass beside it (reinforce_subclass_gammas_trap.py) reads `self.gamma`. Nothing here meets anything."""
import tensorflow as tf


class Reinforce:
    def __init__(self, n_states, n_actions):
        self.policy = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu"),
                                           tf.keras.layers.Dense(n_actions, activation="softmax")])
        self.gamma = 0.99
        self.trajectories = []
