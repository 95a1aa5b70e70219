"""TF1 parallel advantage actor-critic: each worker's n-step batch gives (NSTEP, 1) advantages (returns less the
critic's values, both columns), and the learner extends one list with every worker's, so it feeds (N, 1) columns
to a placeholder without a shape: against the (B,) per-sample cross-entropy they make (B, B) before the mean."""
import numpy as np
import tensorflow as tf

NSTEP = 5
NENV = 8
DISCOUNT = 0.99


class Agent:
    def __init__(self, input_size, output_size):
        self.X = tf.placeholder("float", [None, input_size])
        self.Y = tf.placeholder("float", [None, output_size])
        self.adv = tf.placeholder("float")
        self.r = tf.placeholder("float")
        hidden = tf.layers.dense(self.X, 64, tf.nn.relu)
        self.a = tf.layers.dense(hidden, output_size)
        self.v = tf.layers.dense(tf.layers.dense(self.X, 64, tf.nn.relu), 1)
        self.log_lik = tf.nn.softmax_cross_entropy_with_logits(labels=self.Y, logits=self.a)
        self.p_loss = tf.reduce_mean(self.log_lik * self.adv)  # expect: TLW002
        self.v_loss = tf.reduce_mean(tf.square(self.v - self.r))
        self.train = tf.train.AdamOptimizer(1e-3).minimize(self.p_loss + self.v_loss)
        self.sess = tf.Session()
        self.sess.run(tf.global_variables_initializer())


def make_batch(agent, states, actions, rewards, next_states, dones):
    value = agent.sess.run(agent.v, feed_dict={agent.X: states})
    next_value = agent.sess.run(agent.v, feed_dict={agent.X: next_states})
    discounted_return = np.empty([NSTEP, 1])
    running_add = next_value[NSTEP - 1, 0] * (1 - dones[NSTEP - 1, 0])
    for t in range(NSTEP - 1, -1, -1):
        running_add = rewards[t, 0] + DISCOUNT * running_add * (1 - dones[t, 0])
        discounted_return[t, 0] = running_add
    target = rewards + DISCOUNT * (1 - dones) * next_value
    adv = discounted_return - value
    return [states, target, actions, adv]


agent = Agent(input_size=4, output_size=2)
for update in range(1000):
    s_batch, target_batch, y_batch, adv_batch = [], [], [], []
    for worker in range(NENV):
        batch = make_batch(agent, np.zeros((NSTEP, 4)), np.zeros((NSTEP, 2)), np.zeros((NSTEP, 1)),
                           np.zeros((NSTEP, 4)), np.zeros((NSTEP, 1)))
        s_batch.extend(batch[0])
        target_batch.extend(batch[1])
        y_batch.extend(batch[2])
        adv_batch.extend(batch[3])
    agent.sess.run(agent.train, {agent.X: s_batch, agent.r: target_batch, agent.Y: y_batch, agent.adv: adv_batch})
