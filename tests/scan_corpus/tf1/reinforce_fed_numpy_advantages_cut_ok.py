"""TF1 REINFORCE with a baseline whose advantages are made in numpy: the episode's normalized returns, a Python
list of (T,), minus the values a session fetched from the value estimator cut to (T,) with `[:, 0]`, fed to a
placeholder without a shape that both losses sum: (T,) throughout."""
import gym
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

env = gym.make("CartPole-v0")
obs_ph = tf.placeholder(tf.float32, [None, 4])
act_ph = tf.placeholder(tf.int32, [None])
adv_ph = tf.placeholder(tf.float32)
hidden = tf.layers.dense(obs_ph, 32, activation=tf.nn.relu)
logits = tf.layers.dense(hidden, 2)
value = tf.layers.dense(tf.layers.dense(obs_ph, 32, activation=tf.nn.relu), 1)
log_prob = -tf.nn.sparse_softmax_cross_entropy_with_logits(labels=act_ph, logits=logits)
policy_loss = -tf.reduce_sum(log_prob * adv_ph)
value_loss = -tf.reduce_sum(value[:, 0] * adv_ph)
train_policy = tf.train.RMSPropOptimizer(1e-3).minimize(policy_loss)
train_value = tf.train.RMSPropOptimizer(1e-3).minimize(value_loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for batch in range(200):
        observations, actions, returns = [], [], []
        for episode in range(10):
            ob, done, steps = env.reset(), False, []
            while not done:
                p = sess.run(tf.nn.softmax(logits), {obs_ph: [ob]})[0]
                a = np.random.choice(2, p=p)
                observations.append(ob)
                actions.append(a)
                ob, r, done, _ = env.step(a)
                steps.append(r)
            returns.extend([len(steps)] * len(steps))
        returns = (returns - np.mean(returns)) / (np.std(returns) + 1e-10)
        values = sess.run(value, {obs_ph: observations})[:, 0]
        advantages = returns - values
        sess.run([train_policy, train_value], {obs_ph: observations, act_ph: actions, adv_ph: advantages})
