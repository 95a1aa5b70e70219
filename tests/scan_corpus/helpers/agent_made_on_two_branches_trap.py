"""TF2: an agent made on two branches with either model (A2C or PG); the A2C critic's (B, 1) against the (B,) returns."""
import argparse

import gym
import numpy as np
import tensorflow as tf


class A2C(tf.keras.Model):
    def __init__(self, n_actions):
        super().__init__()
        self.body = tf.keras.layers.Dense(32, activation="relu")
        self.actor = tf.keras.layers.Dense(n_actions)
        self.critic = tf.keras.layers.Dense(1)

    def value_loss(self, states, returns):
        values = self.critic(self.body(states))
        return tf.reduce_mean(tf.square(returns - values))  # expect: TLW003


class PolicyGradient(tf.keras.Model):
    def __init__(self, n_actions):
        super().__init__()
        self.body = tf.keras.layers.Dense(32, activation="relu")
        self.actor = tf.keras.layers.Dense(n_actions)

    def value_loss(self, states, returns):
        return tf.reduce_mean(returns)


class OnPolicyAgent:
    def __init__(self, env, model):
        self.env = env
        self.model = model
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def train(self, episodes, gamma):
        for _ in range(episodes):
            states, rewards = [], []
            state, done = self.env.reset(), False
            while not done:
                states.append(state)
                state, reward, done, _ = self.env.step(self.env.action_space.sample())
                rewards.append(reward)
            returns, running = [], 0.0
            for r in reversed(rewards):
                running = r + gamma * running
                returns.append(running)
            returns = np.asarray(returns[::-1], dtype=np.float32)
            with tf.GradientTape() as tape:
                loss = self.model.value_loss(np.array(states, dtype=np.float32), returns)
            grads = tape.gradient(loss, self.model.trainable_variables)
            self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))


parser = argparse.ArgumentParser()
parser.add_argument("--alg", choices=["a2c", "pg"], default="a2c")
parser.add_argument("--gamma", type=float, default=0.99)
args = parser.parse_args()
env = gym.make("CartPole-v1")
if args.alg == "a2c":
    agent = OnPolicyAgent(env, A2C(env.action_space.n))
elif args.alg == "pg":
    agent = OnPolicyAgent(env, PolicyGradient(env.action_space.n))
agent.train(100, args.gamma)
