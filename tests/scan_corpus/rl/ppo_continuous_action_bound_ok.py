"""TF2 continuous PPO, a Gaussian policy whose mean is scaled by env.action_space.high[0] in a Lambda: the new log-probability is summed with keepdims=True, (B, 1), and the old one is stacked from (1, 1) arrays with np.vstack, (B, 1) too: the ratio is (B, 1)."""
import gym
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input, Lambda

CLIP = 0.2


class Actor:
    def __init__(self, state_dim, action_dim, action_bound):
        self.action_dim, self.action_bound = action_dim, action_bound
        state = Input((state_dim,))
        hidden = Dense(64, activation="tanh")(state)
        mu = Lambda(lambda x: x * self.action_bound)(Dense(action_dim, activation="tanh")(hidden))
        std = Dense(action_dim, activation="softplus")(hidden)
        self.model = tf.keras.Model(state, [mu, std])
        self.opt = tf.keras.optimizers.Adam(3e-4)

    def log_pdf(self, mu, std, action):
        var = tf.clip_by_value(std, 1e-2, 1.0) ** 2
        log_density = -0.5 * (action - mu) ** 2 / var - 0.5 * tf.math.log(2 * np.pi * var)
        return tf.reduce_sum(log_density, 1, keepdims=True)

    def get_action(self, state):
        mu, std = self.model.predict(np.reshape(state, [1, -1]), verbose=0)
        action = np.random.normal(mu[0], std[0], size=self.action_dim)
        return self.log_pdf(mu, std, action), np.clip(action, -self.action_bound, self.action_bound)

    def train(self, old_log_policy, states, actions, advantages):
        with tf.GradientTape() as tape:
            mu, std = self.model(states, training=True)
            log_policy = self.log_pdf(mu, std, actions)
            ratio = tf.exp(log_policy - old_log_policy)
            clipped = tf.clip_by_value(ratio, 1 - CLIP, 1 + CLIP)
            loss = -tf.reduce_mean(tf.minimum(ratio * advantages, clipped * advantages))
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.opt.apply_gradients(zip(grads, self.model.trainable_variables))


env = gym.make("Pendulum-v1")
actor = Actor(env.observation_space.shape[0], env.action_space.shape[0], env.action_space.high[0])
states, actions, old_log_policies, rewards = [], [], [], []
state, _ = env.reset()
for step in range(2048):
    log_policy, action = actor.get_action(state)
    next_state, reward, terminated, truncated, _ = env.step(action)
    states.append(np.reshape(state, [1, -1]))
    actions.append(np.reshape(action, [1, 1]))
    old_log_policies.append(np.reshape(log_policy, [1, 1]))
    rewards.append(reward)
    state = next_state
    if len(states) == 64:
        batch_states = np.vstack(states)
        batch_actions = np.vstack(actions)
        batch_old = np.vstack(old_log_policies)
        returns = np.array(rewards)
        advantages = (returns - returns.mean()) / (returns.std() + 1e-8)
        actor.train(batch_old, batch_states, batch_actions, advantages[:, None])
        states, actions, old_log_policies, rewards = [], [], [], []
