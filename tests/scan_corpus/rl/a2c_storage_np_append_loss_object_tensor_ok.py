"""TF2 A2C: returns grown by `np.append`, made a tensor for a tf.keras `MeanSquaredError()`, which aligns tensors."""
import gym
import numpy as np
import tensorflow as tf


class Critic(tf.keras.Sequential):
    def __init__(self, name=None):
        super(Critic, self).__init__([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1)], name)


class Storage:
    def __init__(self):
        self.rewards = np.array([])
        self.dones = np.array([])

    def append(self, reward, done):
        self.rewards = np.append(self.rewards, reward)
        self.dones = np.append(self.dones, done)


class Agent:
    def __init__(self, env_name="CartPole-v1", gamma=0.99):
        self.env = gym.make(env_name)
        self.gamma = gamma
        self.critic = Critic()
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def discount(self, storage, next_value):
        returns = np.append(np.zeros_like(storage.rewards), next_value)
        for i in reversed(range(len(storage.rewards))):
            returns[i] = storage.rewards[i] + self.gamma * returns[i + 1] * (1 - storage.dones[i])
        return returns[:-1]

    def run(self, n_steps=64):
        storage, states = Storage(), []
        state = self.env.reset()
        for _ in range(n_steps):
            next_state, reward, done, _ = self.env.step(self.env.action_space.sample())
            states.append(state)
            storage.append(reward, done)
            state = self.env.reset() if done else next_state
        returns = self.discount(storage, 0.0)
        with tf.GradientTape() as tape:
            values = self.critic(np.array(states, dtype=np.float32))
            loss = tf.keras.losses.MeanSquaredError()(tf.convert_to_tensor(returns, tf.float32), values)
        grads = tape.gradient(loss, self.critic.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))


Agent().run()
