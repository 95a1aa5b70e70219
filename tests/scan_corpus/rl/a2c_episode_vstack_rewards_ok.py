"""A TF1 episodic A2C: a shapeless return placeholder fed np.vstack of an episode's rewards column, normalised: (T, 1), as the (T, 1) critic it meets."""
import numpy as np
import tensorflow as tf
from collections import deque

GAMMA = 0.99

states = tf.placeholder(tf.float32, [None, 4])
actions = tf.placeholder(tf.float32, [None, 2])
returns = tf.placeholder(tf.float32)
hidden = tf.layers.dense(states, 64, tf.nn.relu)
probs = tf.nn.softmax(tf.layers.dense(hidden, 2))
value = tf.layers.dense(hidden, 1)
advantage = returns - value
log_prob = tf.reduce_sum(actions * tf.log(probs + 1e-8), axis=1, keepdims=True)
loss = -tf.reduce_mean(log_prob * tf.stop_gradient(advantage)) + tf.reduce_mean(tf.square(value - returns))
train = tf.train.AdamOptimizer(1e-3).minimize(loss)
sess = tf.Session()


def discount(rewards):
    out = np.zeros_like(rewards, dtype=np.float32)
    running = 0.0
    for t in reversed(range(len(rewards))):
        running = running * GAMMA + rewards[t]
        out[t] = running
    return out


def run_episode(env):
    memory = deque()
    s, done = env.reset(), False
    while not done:
        a = np.random.randint(2)
        s1, reward, done, _ = env.step(a)
        memory.append([s, np.eye(2)[a], reward])
        s = s1
    memory = np.array(memory)
    g = discount(np.vstack(memory[:, 2]))
    g = (g - g.mean()) / g.std()
    sess.run(train, feed_dict={states: np.vstack(memory[:, 0]), actions: np.vstack(memory[:, 1]), returns: g})


if __name__ == "__main__":
    import gym
    for _ in range(500):
        run_episode(gym.make("CartPole-v1"))
