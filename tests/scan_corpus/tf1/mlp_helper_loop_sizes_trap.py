"""TF1 REINFORCE with a baseline: the value network is the last layer of a helper's loop over `layer_sizes + [1]`, so it is (B, 1), and the (B,) returns placeholder meets it as (B, B)."""
import tensorflow.compat.v1 as tf


def mlp(inputs, sizes, name, output_fn=None):
    with tf.variable_scope(name):
        out = inputs
        for i, size in enumerate(sizes):
            out = tf.layers.dense(out, size, activation=tf.nn.relu if i < len(sizes) - 1 else None, name=f"l{i}")
        if output_fn:
            out = output_fn(out)
    return out


class Policy:
    def __init__(self, state_dim, n_actions, layer_sizes=[64, 64]):
        self.layer_sizes = layer_sizes
        self.states = tf.placeholder(tf.float32, shape=(None, state_dim))
        self.actions = tf.placeholder(tf.int32, shape=(None,))
        self.returns = tf.placeholder(tf.float32, shape=(None,))
        self.logits = mlp(self.states, self.layer_sizes + [n_actions], "pi")
        self.value = mlp(self.states, self.layer_sizes + [1], "v")
        self.advantage = tf.stop_gradient(self.returns - self.value)  # expect: TLW003
        self.loss_v = tf.reduce_mean(tf.squared_difference(self.value, self.returns))  # expect: TLW003
        neg_log_prob = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=self.actions, logits=self.logits)
        self.loss_pi = tf.reduce_mean(neg_log_prob * self.advantage)
        self.train = tf.train.AdamOptimizer(1e-3).minimize(self.loss_pi + self.loss_v)
