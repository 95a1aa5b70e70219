"""The DDPG of ddpg_sampled_terminals_trap.py with its terminals kept as a (N, 1) column like its rewards: gamma * q_n (B, 1) times 1 - terminals (B, 1) stays (B, 1)."""
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Add, Dense, Input
from tensorflow.keras.losses import MSE
from tensorflow.keras.models import Model


class ReplayBuffer:
    def __init__(self, size, state_dims, action_dims):
        self.size, self.count = size, 0
        self.states = np.zeros((size, *state_dims))
        self.actions = np.zeros((size, *action_dims))
        self.rewards = np.zeros((size, 1))
        self.next_states = np.zeros((size, *state_dims))
        self.terminals = np.zeros((size, 1), dtype=np.float32)

    def sample(self, batch_size, in_order=False):
        if not in_order:
            batch = np.random.choice(min(self.size, self.count), batch_size)
        else:
            batch = np.arange(self.count - batch_size, self.count)
        return (self.states[batch], self.actions[batch], self.rewards[batch], self.terminals[batch],
                self.next_states[batch])


class Critic:
    def __init__(self, state_dims, action_dims, lr):
        self.model, self.target = self.build(state_dims, action_dims), self.build(state_dims, action_dims)
        self.optimizer = tf.keras.optimizers.Adam(lr)

    def build(self, state_dims, action_dims):
        state, action = Input(shape=state_dims), Input(shape=action_dims)
        hidden = Add()([Dense(64, activation="relu")(state), Dense(64, activation="relu")(action)])
        return Model([state, action], Dense(1)(hidden))

    @tf.function
    def train(self, states, actions, rewards, terminals, next_states, next_actions, gamma):
        with tf.GradientTape() as tape:
            q_n = self.target([next_states, next_actions], training=True)
            q_target = rewards + gamma * q_n * (1 - terminals)
            loss = MSE(q_target, self.model([states, actions], training=True))
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))


class Agent:
    def __init__(self, state_dims, action_dims, hyperparams):
        self.batch_size = hyperparams["batch_size"]
        self.gamma = hyperparams["gamma"]
        self.memory = ReplayBuffer(int(hyperparams["buf_size"]), state_dims, action_dims)
        self.critic = Critic(state_dims, action_dims, hyperparams["critic_lr"])

    def learn(self, in_order):
        states, actions, rewards, terminals, next_states = self.memory.sample(self.batch_size, in_order)
        rewards = tf.cast(tf.convert_to_tensor(rewards), tf.float32)
        self.critic.train(states, actions, rewards, terminals, next_states, actions, self.gamma)
