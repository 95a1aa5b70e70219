"""The namedtuple-buffer TD3 with its rewards and dones given a last axis, (B, 1), as the target critics' minimum."""
import collections

import gym
import numpy as np
import tensorflow as tf

GAMMA, BATCH = 0.99, 64
Transition = collections.namedtuple("Transition", ["state", "action", "reward", "done", "next_state"])


class Wrapper(gym.Wrapper):
    def step(self, action):
        observation, reward, done, info = super().step(action)
        return observation, reward, done, info


def critic(state_dim, action_dim):
    states = tf.keras.layers.Input(state_dim)
    actions = tf.keras.layers.Input(action_dim)
    hidden = tf.keras.layers.Concatenate()([states, actions])
    hidden = tf.keras.layers.Dense(256, activation="relu")(hidden)
    return tf.keras.Model(inputs=[states, actions], outputs=tf.keras.layers.Dense(1)(hidden))


class Agent:
    def __init__(self, state_dim, action_dim):
        self.actor = tf.keras.Sequential([tf.keras.layers.Dense(256, activation="relu"),
                                          tf.keras.layers.Dense(action_dim, activation="tanh")])
        self.q1, self.q2 = critic(state_dim, action_dim), critic(state_dim, action_dim)
        self.target_q1 = tf.keras.models.clone_model(self.q1)
        self.target_q2 = tf.keras.models.clone_model(self.q2)
        self.optimizer = tf.keras.optimizers.Adam(3e-4)

    def train(self, buffer):
        picked = np.random.choice(len(buffer), size=BATCH, replace=False)
        states, actions, rewards, dones, next_states = map(np.array, zip(*[buffer[i] for i in picked]))
        rewards, dones = np.expand_dims(rewards, -1), np.expand_dims(dones, -1)
        next_actions = self.actor(next_states)
        target = tf.minimum(self.target_q1([next_states, next_actions]), self.target_q2([next_states, next_actions]))
        returns = rewards + (1 - dones) * GAMMA * target
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(returns - self.q1([states, actions])))
        grads = tape.gradient(loss, self.q1.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.q1.trainable_variables))


def main(env):
    agent = Agent(env.observation_space.shape[0], env.action_space.shape[0])
    try:  # a run before this one saved its networks
        agent.target_q1 = tf.keras.models.load_model("target_q1.keras")
        agent.target_q2 = tf.keras.models.load_model("target_q2.keras")
    except Exception:
        pass
    buffer = collections.deque(maxlen=100000)
    for _ in range(100):
        state, done = env.reset(), False
        while not done:
            action = agent.actor(np.asarray([state]))[0]
            next_state, reward, done, _ = env.step(action)
            buffer.append(Transition(state, action, reward, done, next_state))
            state = next_state
            if len(buffer) >= BATCH:
                agent.train(buffer)


if __name__ == "__main__":
    main(Wrapper(gym.make("BipedalWalker-v3")))
