"""The same hand-made DDPG with its batch of rewards and dones taken as (B, 1) columns: the target is (B, 1), as the critic is."""
import numpy as np
import tensorflow as tf


class DenseLayer:
    def __init__(self, fan_in, fan_out, activation=tf.nn.relu):
        self.W = tf.Variable(np.random.randn(fan_in, fan_out).astype(np.float32) * np.sqrt(2.0 / fan_in))
        self.b = tf.Variable(np.zeros(fan_out, dtype=np.float32))
        self.activation = activation
        self.params = [self.W, self.b]

    def __call__(self, x):
        return self.activation(tf.matmul(x, self.W) + self.b)


class MLP:
    def __init__(self, n_in, n_out, hidden=(256, 256), out_activation=tf.identity):
        self.layers = []
        size = n_in
        for width in hidden:
            self.layers.append(DenseLayer(size, width))
            size = width
        self.layers.append(DenseLayer(size, n_out, out_activation))
        self.params = [p for layer in self.layers for p in layer.params]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


class Memory:
    def __init__(self, capacity, obs_dim, act_dim):
        self.obs = np.zeros((capacity, obs_dim), dtype=np.float32)
        self.acts = np.zeros((capacity, act_dim), dtype=np.float32)
        self.rews = np.zeros(capacity, dtype=np.float32)
        self.next_obs = np.zeros((capacity, obs_dim), dtype=np.float32)
        self.dones = np.zeros(capacity, dtype=np.float32)
        self.n = 0

    def store(self, o, a, r, o2, d):
        i = self.n % len(self.rews)
        self.obs[i], self.acts[i], self.rews[i], self.next_obs[i], self.dones[i] = o, a, r, o2, d
        self.n += 1

    def batch(self, size):
        idx = np.random.randint(0, min(self.n, len(self.rews)), size)
        return self.obs[idx], self.acts[idx], self.rews[idx, None], self.next_obs[idx], self.dones[idx, None]


obs_dim, act_dim, gamma = 3, 1, 0.99
actor = MLP(obs_dim, act_dim, out_activation=tf.tanh)
actor_target = MLP(obs_dim, act_dim, out_activation=tf.tanh)
critic = MLP(obs_dim + act_dim, 1)
critic_target = MLP(obs_dim + act_dim, 1)
memory = Memory(100000, obs_dim, act_dim)
optimizer = tf.keras.optimizers.Adam(1e-3)


def update(batch_size=64):
    o, a, r, o2, d = memory.batch(batch_size)
    q_next = critic_target(tf.concat([o2, actor_target(o2)], axis=1))
    target = tf.stop_gradient(r + gamma * (1 - d) * q_next)
    with tf.GradientTape() as tape:
        q = critic(tf.concat([o, a], axis=1))
        loss = tf.reduce_mean((q - target) ** 2)
    grads = tape.gradient(loss, critic.params)
    optimizer.apply_gradients(zip(grads, critic.params))
    return loss


for step in range(1000):
    memory.store(np.zeros(obs_dim), np.zeros(act_dim), 0.0, np.zeros(obs_dim), 0.0)
    update()
