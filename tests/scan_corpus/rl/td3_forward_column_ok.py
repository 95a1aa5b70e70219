"""The same TD3 with its critics' values kept as (B, 1) columns, as the buffer's rewards and dones are: one shape in the target."""
import numpy as np
import tensorflow as tf


class Critic(tf.keras.Model):
    def __init__(self, state_dim, action_dim):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(state_dim + action_dim, activation="relu")
        self.c1 = tf.keras.layers.Dense(256, activation="relu")
        self.v = tf.keras.layers.Dense(1)

    def forward(self, state, action):
        return self.v(self.c1(self.hidden(tf.concat([state, action], axis=1))))


class ReplayBuffer:
    def __init__(self):
        self.storage = []

    def add(self, transition):
        self.storage.append(transition)

    def sample(self, batch_size):
        picked = np.random.randint(0, len(self.storage), size=batch_size)
        states, next_states, rewards, actions, dones = [], [], [], [], []
        for i in picked:
            s, s2, r, a, d = self.storage[i]
            states.append(np.array(s, copy=False))
            next_states.append(np.array(s2, copy=False))
            rewards.append(np.array(r, copy=False))
            actions.append(np.array(a, copy=False))
            dones.append(np.array(d, copy=False))
        return (np.array(states), np.array(next_states), np.array(rewards).reshape(-1, 1), np.array(actions),
                np.array(dones).reshape(-1, 1))


class Agent:
    def __init__(self, state_dim, action_dim, discount=0.99):
        self.critic = Critic(state_dim, action_dim)
        self.critic_target = Critic(state_dim, action_dim)
        self.memory = ReplayBuffer()
        self.discount = discount
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def train(self, next_actions):
        states, next_states, rewards, actions, dones = self.memory.sample(100)
        rewards = tf.convert_to_tensor(rewards, dtype=tf.float32)
        with tf.GradientTape() as tape:
            target_v = self.critic_target.forward(next_states, next_actions)
            target_v = rewards + self.discount * target_v * (1 - dones)
            critic_v = self.critic.forward(states, actions)
            loss = tf.reduce_mean(tf.square(target_v - critic_v))
        grads = tape.gradient(loss, self.critic.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))
