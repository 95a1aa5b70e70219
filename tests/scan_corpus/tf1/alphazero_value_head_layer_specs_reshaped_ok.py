"""TF1: the AlphaZero-style net whose heads are built from literal lists of layer specs, its value head ending in a
one-unit dense, (B, 1), with the `[None]` game outcomes z reshaped to (B, 1) before the value loss: elementwise."""
import numpy as np
import tensorflow as tf

BOARD = (8, 8, 12)
MOVES = 4672


def conv_block(x, spec):
    x = tf.layers.conv2d(x, spec["filters"], spec["kernel"], padding="same")
    return tf.nn.relu(tf.layers.batch_normalization(x))


def build_head(x, specs):
    for spec in specs:
        if spec["layer"] == "conv":
            x = conv_block(x, spec)
        elif spec["layer"] == "fc":
            x = tf.layers.flatten(x)
            x = tf.layers.dense(x, spec["units"], activation=spec["activation"])
    return x


class DualNet:
    def __init__(self):
        self.boards = tf.placeholder(tf.float32, [None, *BOARD])
        trunk = conv_block(self.boards, {"filters": 64, "kernel": 3})
        policy_specs = [{"layer": "conv", "filters": 2, "kernel": 1},
                        {"layer": "fc", "units": MOVES, "activation": None}]
        value_specs = [{"layer": "conv", "filters": 1, "kernel": 1},
                       {"layer": "fc", "units": 64, "activation": tf.nn.relu},
                       {"layer": "fc", "units": 1, "activation": tf.nn.tanh}]
        self.policy = build_head(trunk, policy_specs)
        self.value = build_head(trunk, value_specs)
        self.z = tf.placeholder(tf.float32, [None])
        self.pi = tf.placeholder(tf.float32, [None, MOVES])
        z = tf.reshape(self.z, [-1, 1])
        value_loss = tf.reduce_sum(tf.square(self.value - z))
        policy_loss = tf.reduce_sum(tf.nn.softmax_cross_entropy_with_logits_v2(labels=self.pi, logits=self.policy))
        self.loss = value_loss + policy_loss
        self.train_op = tf.train.AdamOptimizer(1e-3).minimize(self.loss)


net = DualNet()
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    boards = np.zeros((10, *BOARD), np.float32)
    sess.run(net.train_op, {net.boards: boards, net.z: np.ones(10), net.pi: np.full((10, MOVES), 1.0 / MOVES)})
