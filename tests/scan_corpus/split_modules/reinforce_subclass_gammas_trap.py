"""Split modules: a REINFORCE with baseline whose discounts `[self.gamma ** t for t in ...]` are (T,), gamma set by the base class's constructor in reinforce_base_ok.py, times the baseline's (T, 1) values."""
import numpy as np
import tensorflow as tf

from reinforce_base_ok import Reinforce


class ReinforceBaseline(Reinforce):
    def __init__(self, n_states, n_actions):
        super().__init__(n_states, n_actions)
        self.baseline = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(1)])
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def update_baseline(self, states, gains):
        states = tf.convert_to_tensor(np.concatenate(states), dtype=tf.float32)
        gammas = [self.gamma ** t for t in range(states.shape[0])]
        gammas = tf.cast(tf.convert_to_tensor(gammas), tf.float32)
        with tf.GradientTape() as tape:
            values = self.baseline(states)
            loss = -tf.reduce_mean(values * gammas)  # expect: TLW003
        grads = tape.gradient(loss, self.baseline.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.baseline.trainable_variables))
