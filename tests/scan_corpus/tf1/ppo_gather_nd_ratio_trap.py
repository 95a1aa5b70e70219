"""A TF1 discrete PPO whose action probabilities are picked with gather_nd at [row, action] pairs, a (B,) ratio, times an advantage placeholder declared [None, 1] and fed the critic's (B, 1) advantage: the surrogate is (B, B) (one finding for the one reduction: its first broadcast)."""
import numpy as np
import tensorflow as tf

S_DIM, A_DIM, EPSILON = 4, 2, 0.2


class PPO:
    def __init__(self):
        self.sess = tf.Session()
        self.tfs = tf.placeholder(tf.float32, [None, S_DIM], "state")
        hidden = tf.layers.dense(self.tfs, 100, tf.nn.relu)
        self.v = tf.layers.dense(hidden, 1)
        self.tfdc_r = tf.placeholder(tf.float32, [None, 1], "discounted_r")
        self.advantage = self.tfdc_r - self.v
        self.closs = tf.reduce_mean(tf.square(self.advantage))

        self.pi = self.policy("pi", trainable=True)
        old_pi = self.policy("old_pi", trainable=False)
        self.tfa = tf.placeholder(tf.int32, [None], "action")
        self.tfadv = tf.placeholder(tf.float32, [None, 1], "advantage")
        pairs = tf.stack([tf.range(tf.shape(self.tfa)[0], dtype=tf.int32), self.tfa], axis=1)
        pi_prob = tf.gather_nd(params=self.pi, indices=pairs)
        old_prob = tf.gather_nd(params=old_pi, indices=pairs)
        ratio = pi_prob / (old_prob + 1e-5)
        surrogate = ratio * self.tfadv  # expect: TLW003
        clipped = tf.clip_by_value(ratio, 1.0 - EPSILON, 1.0 + EPSILON) * self.tfadv
        self.aloss = -tf.reduce_mean(tf.minimum(surrogate, clipped))
        self.train_op = tf.train.AdamOptimizer(1e-4).minimize(self.aloss + self.closs)

    def policy(self, name, trainable):
        with tf.variable_scope(name):
            hidden = tf.layers.dense(self.tfs, 100, tf.nn.relu, trainable=trainable)
            return tf.layers.dense(hidden, A_DIM, tf.nn.softmax, trainable=trainable)

    def update(self, s, a, r):
        adv = self.sess.run(self.advantage, {self.tfs: s, self.tfdc_r: r})
        self.sess.run(self.train_op, {self.tfs: s, self.tfa: a, self.tfadv: adv, self.tfdc_r: r})


ppo = PPO()
ppo.update(np.zeros((32, S_DIM)), np.zeros(32, dtype=int), np.zeros((32, 1)))
