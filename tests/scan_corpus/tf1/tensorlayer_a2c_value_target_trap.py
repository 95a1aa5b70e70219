"""TF1 A2C built with TensorLayer 1: the critic is `InputLayer` then `DenseLayer`s down to `n_units=1`, its
`.outputs` (B, 1), against a `[None]` target placeholder: the advantage and the value cost are (B, B) before the
mean."""
import numpy as np
import tensorflow as tf
import tensorlayer as tl


class A2C:
    def __init__(self, state_dim, action_dim):
        self.value_input = tf.placeholder("float", [None, state_dim])
        net = tl.layers.InputLayer(self.value_input, name="value_input")
        net = tl.layers.DenseLayer(net, n_units=400, act=tf.nn.relu, name="value_relu1")
        net = tl.layers.DenseLayer(net, n_units=300, act=tf.nn.relu, name="value_relu2")
        net = tl.layers.DenseLayer(net, n_units=1, name="value_output")
        self.value = net.outputs

        self.policy_input = tf.placeholder("float", [None, state_dim])
        pnet = tl.layers.InputLayer(self.policy_input, name="policy_input")
        pnet = tl.layers.DenseLayer(pnet, n_units=400, act=tf.nn.relu, name="policy_relu1")
        pnet = tl.layers.DenseLayer(pnet, n_units=action_dim, act=tf.nn.softmax, name="policy_output")
        self.action = pnet.outputs

        self.action_input = tf.placeholder("float", [None, action_dim])
        self.target_input = tf.placeholder("float", [None])
        advantage = self.target_input - self.value  # expect: TLW003
        self.value_cost = tf.reduce_mean(tf.square(self.target_input - self.value))  # expect: TLW003
        picked = tf.reduce_sum(self.action * self.action_input, axis=1)
        self.policy_cost = -tf.reduce_mean(tf.log(picked + 1e-8) * tf.stop_gradient(advantage))
        self.train_op = tf.train.AdamOptimizer(1e-3).minimize(self.value_cost + self.policy_cost)


agent = A2C(state_dim=4, action_dim=2)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    states = np.zeros((32, 4), np.float32)
    sess.run(agent.train_op, {agent.value_input: states, agent.policy_input: states,
                              agent.action_input: np.eye(2)[np.zeros(32, int)], agent.target_input: np.zeros(32)})
