"""TF1 PPO value loss: the TD target rewards + gamma * v_next (B,) with gamma from argparse, against the (B, 1) value head, is (B, B)."""
import argparse

import tensorflow as tf


class Policy:
    def __init__(self, n_obs, n_actions):
        self.obs = tf.placeholder(tf.float32, [None, n_obs], name="obs")
        hidden = tf.layers.dense(self.obs, 20, activation=tf.tanh)
        self.act_probs = tf.layers.dense(hidden, n_actions, activation=tf.nn.softmax)
        self.v_preds = tf.layers.dense(hidden, 1)


class Trainer:
    def __init__(self, policy, gamma=0.95, c_1=1.0):
        self.gamma = gamma
        self.rewards = tf.placeholder(tf.float32, [None], name="rewards")
        self.v_preds_next = tf.placeholder(tf.float32, [None], name="v_preds_next")
        targets = self.rewards + self.gamma * self.v_preds_next
        loss_vf = tf.reduce_mean(tf.squared_difference(targets, policy.v_preds))  # expect: TLW003
        self.train_op = tf.train.AdamOptimizer(5e-5).minimize(c_1 * loss_vf)


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("--logdir", default="log/train/ppo")
    parser.add_argument("--gamma", default=0.95, type=float)
    return parser.parse_args()


if __name__ == "__main__":
    args = parse()
    trainer = Trainer(Policy(4, 2), gamma=args.gamma)
