"""A TF1 n-step A2C as the trap, its advantage squeezed to (5,) before it is fed: it meets the (B,) cross-entropy elementwise."""
import gym
import numpy as np
import tensorflow as tf

NSTEP, GAMMA = 5, 0.99

states = tf.placeholder(tf.float32, [None, 4])
actions = tf.placeholder(tf.float32, [None, 2])
advantage = tf.placeholder(tf.float32)
targets = tf.placeholder(tf.float32)
hidden = tf.layers.dense(states, 64, tf.nn.relu)
logits = tf.layers.dense(hidden, 2)
value = tf.layers.dense(hidden, 1)
neg_log_prob = tf.nn.softmax_cross_entropy_with_logits(labels=actions, logits=logits)
policy_loss = tf.reduce_mean(neg_log_prob * advantage)
value_loss = tf.reduce_mean(tf.square(value - targets))
train = tf.train.AdamOptimizer(1e-3).minimize(policy_loss + value_loss)
sess = tf.Session()
sess.run(tf.global_variables_initializer())


def learn(batch):
    batch = np.stack(batch)
    s = np.reshape(np.stack(batch[:, 0]), [NSTEP, 4])
    a = np.reshape(np.stack(batch[:, 1]), [NSTEP, 2])
    r = np.reshape(np.stack(batch[:, 2]), [NSTEP, 1])
    returns = np.empty([NSTEP, 1])
    running = 0.0
    for t in reversed(range(NSTEP)):
        running = r[t, 0] + GAMMA * running
        returns[t, 0] = running
    v = sess.run(value, feed_dict={states: s})
    sess.run(train, feed_dict={states: s, actions: a, advantage: (returns - v)[:, 0], targets: returns})


if __name__ == "__main__":
    env = gym.make("CartPole-v1")
    batch, s = [], env.reset()
    for step in range(1, 10001):
        a = np.random.randint(2)
        s1, reward, done, _ = env.step(a)
        batch.append([s, np.eye(2)[a], reward])
        s = env.reset() if done else s1
        if step % NSTEP == 0:
            learn(batch)
            batch = []
