"""RL, a blog's DDPG snippet that forgot `import random`: a list buffer filled by a method, random.sample, np.array of each column; (B,) rewards plus the (B, 1) target critic."""
import numpy as np
import tensorflow as tf


class Critic(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(256, activation="relu")
        self.q = tf.keras.layers.Dense(1)

    def call(self, state, action):
        return self.q(self.hidden(tf.concat([state, action], axis=1)))


class Agent:
    def __init__(self, gamma=0.99):
        self.gamma, self.memory = gamma, []
        self.critic, self.critic_target = Critic(), Critic()
        self.optimizer = tf.keras.optimizers.Adam(2e-3)

    def remember(self, state, action, reward, next_state, done):
        self.memory.append((state, action, reward, next_state, done))

    def train(self, n=64):
        batch = random.sample(self.memory, n)
        states = np.array([b[0] for b in batch])
        actions = np.array([b[1] for b in batch])
        rewards = np.array([b[2] for b in batch])
        next_states = np.array([b[3] for b in batch])
        y = rewards + self.gamma * self.critic_target(next_states, actions)  # expect: TLW003
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(y - self.critic(states, actions)))
        grads = tape.gradient(loss, self.critic.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))


env = gym.make("Pendulum-v1")
agent = Agent()
state = env.reset()
for step in range(20000):
    action = np.random.uniform(-2, 2, size=(1,))
    next_state, reward, done, _ = env.step(action)
    agent.remember(state, action, reward, next_state, done)
    if len(agent.memory) > 64:
        agent.train()
    state = env.reset() if done else next_state
