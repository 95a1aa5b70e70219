"""TF1 double DQN for a trading environment whose replay buffer is one numpy matrix of `[s, a, r, s']` rows: the
action and the reward are cut from it as vectors (`[:, s_dim]`, `[:, -s_dim - 1]`), so `r + gamma * q_next_a` is
(B,), and the (B,) row indices with the (B,) actions write one target in each row."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


class DoubleDQN:
    def __init__(self, s_dim, a_dim, batch_size=32, buffer_size=10000, gamma=0.9):
        self.s_dim, self.a_dim, self.gamma = s_dim, a_dim, gamma
        self.batch_size, self.buffer_size = batch_size, buffer_size
        self.buffer = np.zeros((buffer_size, s_dim + 1 + 1 + s_dim))
        self.count = 0
        self.s = tf.placeholder(tf.float32, [None, s_dim])
        self.q_target_ph = tf.placeholder(tf.float32, [None, a_dim])
        with tf.variable_scope("eval"):
            self.q_eval = tf.layers.dense(tf.layers.dense(self.s, 64, tf.nn.relu), a_dim)
        with tf.variable_scope("target"):
            self.q_next = tf.layers.dense(tf.layers.dense(self.s, 64, tf.nn.relu), a_dim)
        self.loss = tf.reduce_mean(tf.squared_difference(self.q_target_ph, self.q_eval))
        self.train_op = tf.train.RMSPropOptimizer(1e-3).minimize(self.loss)
        self.session = tf.Session()
        self.session.run(tf.global_variables_initializer())

    def store(self, s, a, r, s_next):
        self.buffer[self.count % self.buffer_size, :] = np.hstack((s, [a, r], s_next))
        self.count += 1

    def sample(self):
        batch = self.buffer[np.random.choice(min(self.count, self.buffer_size), self.batch_size), :]
        s = batch[:, :self.s_dim]
        a = batch[:, self.s_dim]
        r = batch[:, -self.s_dim - 1]
        s_next = batch[:, -self.s_dim:]
        return s, a, r, s_next

    def train(self):
        s, a, r, s_next = self.sample()
        q_eval_next = self.session.run(self.q_eval, {self.s: s_next})
        q_next = self.session.run(self.q_next, {self.s: s_next})
        rows = np.arange(self.batch_size)
        q_next_a = q_next[rows, np.argmax(q_eval_next, axis=1)]
        targets = self.session.run(self.q_eval, {self.s: s})
        targets[rows, a.astype(int)] = r + self.gamma * q_next_a
        self.session.run(self.train_op, {self.s: s, self.q_target_ph: targets})


agent = DoubleDQN(s_dim=8, a_dim=3)
for step in range(5000):
    state, next_state = np.random.rand(8), np.random.rand(8)
    agent.store(state, np.random.randint(3), np.random.rand(), next_state)
    if step > 100:
        agent.train()
