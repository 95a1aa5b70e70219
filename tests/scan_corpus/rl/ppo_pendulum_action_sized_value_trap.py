"""A TF2 PPO on Pendulum whose value head is Dense(env.action_space.shape[0]), one unit: (B, 1) values against rewards sampled with np.take from a list, (B,)."""
import gym
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model


def build(state_shape, action_shape):
    state = Input(shape=state_shape)
    hidden = Dense(64, activation="tanh")(state)
    mean = Dense(action_shape[0], activation="tanh")(hidden)
    value = Dense(action_shape[0])(hidden)
    return Model(inputs=state, outputs=[mean, value])


class PPO:
    def __init__(self, env, batch_size=64):
        self.env = env
        self.policy = build(env.observation_space.shape, env.action_space.shape)
        self.optimizer = tf.keras.optimizers.Adam(3e-4)
        self.batch_size = batch_size

    def learn(self, observations, rewards):
        with tf.GradientTape() as tape:
            _, values = self.policy(observations)
            loss = tf.reduce_mean(tf.square(values - rewards))  # expect: TLW003
        grads = tape.gradient(loss, self.policy.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.policy.trainable_variables))

    def train(self, episodes=100):
        for _ in range(episodes):
            obs, rewards, state, done = [], [], self.env.reset(), False
            while not done:
                mean, _ = self.policy(state[None].astype(np.float32))
                state, reward, done, _ = self.env.step(mean.numpy()[0])
                obs.append(state)
                rewards.append(reward)
            data = [obs, rewards]
            for _ in range(4):
                picked = np.random.randint(low=0, high=len(rewards), size=self.batch_size)
                self.learn(*[np.take(a=a, indices=picked, axis=0) for a in data])


if __name__ == "__main__":
    PPO(gym.make("Pendulum-v1")).train()
