"""TF1 PPO of the early Unity ML-Agents form: the hidden layer is the visual encoder's, the state encoder's or
both (each name left None when its input is absent), the policy's probabilities of the actions taken are summed
over the one-hot actions to (B,), and the advantage placeholder is `[None, 1]`, fed `np.vstack` of the buffer's
advantages: the (B,) ratio times the (B, 1) advantage is (B, B), and the surrogate averages it."""
import numpy as np
import tensorflow as tf
import tensorflow.contrib.layers as c_layers


class PPOModel:
    def __init__(self, state_size, camera_size, action_size, h_size=128, epsilon=0.2, lr=1e-4):
        hidden_state, hidden_visual = None, None
        if camera_size > 0:
            self.visual_in = tf.placeholder(tf.float32, [None, camera_size, camera_size, 3])
            conv = tf.layers.conv2d(self.visual_in, 16, 8, strides=4, activation=tf.nn.elu)
            hidden_visual = tf.layers.dense(c_layers.flatten(conv), h_size, tf.nn.elu)
        if state_size > 0:
            self.state_in = tf.placeholder(tf.float32, [None, state_size])
            hidden_state = tf.layers.dense(self.state_in, h_size, tf.nn.elu)
        if hidden_visual is not None and hidden_state is not None:
            hidden = tf.concat([hidden_visual, hidden_state], axis=1)
        elif hidden_visual is not None:
            hidden = hidden_visual
        else:
            hidden = hidden_state
        self.probs = tf.nn.softmax(tf.layers.dense(hidden, action_size, use_bias=False))
        self.value = tf.layers.dense(hidden, 1, use_bias=False)
        self.action_holder = tf.placeholder(shape=[None], dtype=tf.int32)
        selected = c_layers.one_hot_encoding(self.action_holder, action_size)
        self.old_probs = tf.placeholder(shape=[None, action_size], dtype=tf.float32)
        probs = tf.reduce_sum(self.probs * selected, axis=1)
        old_probs = tf.reduce_sum(self.old_probs * selected, axis=1)
        self.returns = tf.placeholder(shape=[None], dtype=tf.float32)
        self.advantage = tf.placeholder(shape=[None, 1], dtype=tf.float32)
        r_theta = probs / (old_probs + 1e-10)
        p_opt_a = r_theta * self.advantage  # expect: TLW003
        p_opt_b = tf.clip_by_value(r_theta, 1 - epsilon, 1 + epsilon) * self.advantage
        self.policy_loss = -tf.reduce_mean(tf.minimum(p_opt_a, p_opt_b))
        self.value_loss = tf.reduce_mean(tf.squared_difference(self.returns, tf.reduce_sum(self.value, axis=1)))
        self.update = tf.train.AdamOptimizer(lr).minimize(self.policy_loss + 0.5 * self.value_loss)


model = PPOModel(state_size=8, camera_size=0, action_size=4)
with tf.Session() as session:
    session.run(tf.global_variables_initializer())
    advantages = [np.random.randn() for _ in range(64)]
    session.run(model.update, {model.state_in: np.random.rand(64, 8), model.old_probs: np.full((64, 4), 0.25),
                               model.action_holder: np.random.randint(4, size=64),
                               model.returns: np.random.randn(64), model.advantage: np.vstack(advantages)})
