"""The same PPO actor with its reward head squeezed: (T,) against the episode's (T,) rewards."""
import gym
import numpy as np
import tensorflow as tf


class Actor(tf.keras.Model):
    def __init__(self, n_actions):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(128, activation="relu")
        self.policy = tf.keras.layers.Dense(n_actions, activation="softmax")
        self.reward = tf.keras.layers.Dense(1)

    def call(self, states, return_reward=False):
        x = self.hidden(states)
        probs = self.policy(x)
        if return_reward:
            return probs, tf.squeeze(self.reward(x), axis=-1)
        return probs


class Agent:
    def __init__(self, env):
        self.env = env
        self.actor = Actor(env.action_space.n)
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def auxiliary_loss(self, predicted, rewards):
        return tf.reduce_mean(tf.square(predicted - rewards))

    def learn(self, states, actions, advantages, rewards):
        with tf.GradientTape() as tape:
            probs, predicted = self.actor(states, return_reward=True)
            picked = tf.reduce_sum(probs * tf.one_hot(actions, probs.shape[-1]), axis=1)
            loss = -tf.reduce_mean(tf.math.log(picked) * advantages) + self.auxiliary_loss(predicted, rewards)
        grads = tape.gradient(loss, self.actor.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.actor.trainable_variables))

    def train(self, episodes=100, gamma=0.99):
        for _ in range(episodes):
            state, done = self.env.reset(), False
            states, actions, rewards = [], [], []
            while not done:
                probs = self.actor(np.array([state])).numpy()[0]
                action = np.random.choice(len(probs), p=probs)
                next_state, reward, done, _ = self.env.step(action)
                states.append(state)
                actions.append(action)
                rewards.append(reward)
                state = next_state
            returns = np.cumsum(np.array(rewards)[::-1])[::-1] * gamma
            advantages = (returns - returns.mean()) / (returns.std() + 1e-8)
            self.learn(np.array(states, dtype=np.float32), np.array(actions), advantages.astype(np.float32),
                       np.array(rewards, dtype=np.float32))


Agent(gym.make("CartPole-v1")).train()
