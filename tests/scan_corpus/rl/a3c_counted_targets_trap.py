"""A TF1 A3C (Keras 1 layers on a placeholder, sizes from tf.app.flags): its n-step targets are np.zeros(t - t_start) filled backwards, t counted up while the episode runs, fed into a [None] placeholder that meets the Dense(output_dim=1) value's (B, 1): (B, B)."""
import numpy as np
import tensorflow as tf
from keras.layers import Dense, Flatten, Input
from keras.models import Model

flags = tf.app.flags
flags.DEFINE_integer("history_length", 4, "frames stacked a state")
flags.DEFINE_integer("t_max", 32, "steps an update")
flags.DEFINE_float("gamma", 0.99, "discount")
FLAGS = flags.FLAGS


def create_model(num_actions, history_length):
    state = tf.placeholder("float", [None, history_length, 84, 84])
    inputs = Input(shape=(history_length, 84, 84))
    hidden = Dense(output_dim=256, activation="relu")(Flatten()(inputs))
    value_model = Model(input=inputs, output=Dense(output_dim=1, activation="linear")(hidden))
    policy_model = Model(input=inputs, output=Dense(output_dim=num_actions, activation="softmax")(hidden))
    return state, value_model, policy_model


class A3C:
    def __init__(self, num_actions, env):
        self.env = env
        self.session = tf.Session()
        self.state, self.value_model, self.policy_model = create_model(num_actions, FLAGS.history_length)
        self.value = self.value_model(self.state)
        self.targets = tf.placeholder("float", [None])
        advantage = self.targets - self.value  # expect: TLW003
        self.cost = tf.reduce_sum(tf.square(advantage))
        self.grad_update = tf.train.AdamOptimizer(1e-4).minimize(self.cost)

    def train(self, state):
        states, rewards = [], []
        done, t = False, 0
        t_start = t
        while not (done or t - t_start == FLAGS.t_max):
            state, reward, done = self.env.step(0)
            states.append(state)
            rewards.append(np.clip(reward, -1, 1))
            t += 1
        R_t = 0 if done else self.session.run(self.value, feed_dict={self.state: [state]})[0][0]
        targets = np.zeros((t - t_start))
        for i in range(t - t_start - 1, -1, -1):
            R_t = rewards[i] + FLAGS.gamma * R_t
            targets[i] = R_t
        self.session.run(self.grad_update, feed_dict={self.state: states, self.targets: targets})
