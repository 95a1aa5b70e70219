"""The tflearn A3C network of tflearn_value_l2_loss_trap.py with its (B, 1) value cut to (B,) before it meets the (None,) returns: l2_loss(V - v_out[:, 0]) sums a (B,)."""
import numpy as np
import tensorflow as tf
import tflearn


class Network:
    def __init__(self, observation_shape, action_dim, learning_rate=0.001):
        self.s = tf.placeholder("float32", np.append(None, observation_shape))
        self.A = tf.placeholder("float32", (None,))
        self.V = tf.placeholder("float32", (None,))
        self.a = tf.placeholder("int32", (None,))
        features = tflearn.fully_connected(self.s, n_units=64, activation="elu")
        self.p_out = tflearn.fully_connected(features, n_units=action_dim, activation="softmax")
        self.v_out = tflearn.fully_connected(features, n_units=1, activation="linear")
        log_probs = tf.log(tf.clip_by_value(self.p_out, 1e-20, 1.0))
        log_pi_given_a = tf.reduce_sum(log_probs * tf.one_hot(self.a, action_dim), reduction_indices=1)
        p_loss = -1 * log_pi_given_a * self.A
        v_loss = tf.nn.l2_loss(self.V - self.v_out[:, 0])
        self.loss = tf.add(p_loss, v_loss)
        self.trainer = tf.train.AdamOptimizer(learning_rate).minimize(self.loss)
