"""TF1 behaviour cloning of a one-dimensional expert action (Pendulum), written for Python 3.8: each rollout is
unpacked as `(*traj), avg_return = rollout(...)`, a target Python 3.9's parser rejects. The expert's actions are
concatenated to (N,) and fed into a `[None]` placeholder; the policy's `dense(h, 1)` is (B, 1), and the squared
error is a (B, B) matrix."""
import gym
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

env = gym.make("Pendulum-v0")
obs_ph = tf.placeholder(tf.float32, [None, 3])
act_ph = tf.placeholder(tf.float32, [None])
hidden = tf.layers.dense(obs_ph, 64, activation=tf.nn.relu)
policy = tf.layers.dense(hidden, 1)
loss = tf.reduce_mean(tf.square(act_ph - policy))  # expect: TLW003
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)


def rollout(expert, steps=200):
    obs, acts, total = [], [], 0.0
    ob = env.reset()
    for _ in range(steps):
        a = expert(ob)
        obs.append(ob)
        acts.append(a[0])
        ob, r, done, _ = env.step(a)
        total += r
        if done:
            break
    return np.array(obs), np.array(acts), total


def expert(ob):
    return np.array([-2.0 * ob[2]])


trajs = []
for _ in range(20):
    (*traj), avg_return = rollout(expert)
    trajs.append(traj)
observations, actions = zip(*trajs)
observations, actions = np.concatenate(observations), np.concatenate(actions)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(5000):
        idx = np.random.randint(0, len(actions), 64)
        sess.run(train_op, {obs_ph: observations[idx], act_ph: actions[idx]})
