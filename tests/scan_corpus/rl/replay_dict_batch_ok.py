"""A TF2 port of a Spinning Up style TD3: the replay buffer's sample_batch() returns a dict of arrays, and the critic's (B, 1) output is squeezed to (B,) before it meets the (B,) rewards: a (B,) backup."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class ReplayBuffer:
    def __init__(self, obs_dim, act_dim, size):
        self.obs1_buf = np.zeros([size, obs_dim], dtype=np.float32)
        self.obs2_buf = np.zeros([size, obs_dim], dtype=np.float32)
        self.acts_buf = np.zeros([size, act_dim], dtype=np.float32)
        self.rews_buf = np.zeros(size, dtype=np.float32)
        self.done_buf = np.zeros(size, dtype=np.float32)
        self.ptr, self.size, self.max_size = 0, 0, size

    def store(self, obs, act, rew, next_obs, done):
        self.obs1_buf[self.ptr] = obs
        self.obs2_buf[self.ptr] = next_obs
        self.acts_buf[self.ptr] = act
        self.rews_buf[self.ptr] = rew
        self.done_buf[self.ptr] = done
        self.ptr = (self.ptr + 1) % self.max_size
        self.size = min(self.size + 1, self.max_size)

    def sample_batch(self, batch_size=32):
        idxs = np.random.randint(0, self.size, size=batch_size)
        return dict(obs1=self.obs1_buf[idxs], obs2=self.obs2_buf[idxs], acts=self.acts_buf[idxs],
                    rews=self.rews_buf[idxs], done=self.done_buf[idxs])


def q_function(obs_dim, act_dim):
    obs = keras.Input(shape=(obs_dim,))
    act = keras.Input(shape=(act_dim,))
    x = keras.layers.Concatenate()([obs, act])
    x = keras.layers.Dense(256, activation="relu")(x)
    x = keras.layers.Dense(256, activation="relu")(x)
    return keras.Model([obs, act], keras.layers.Dense(1)(x))


def policy(obs_dim, act_dim):
    obs = keras.Input(shape=(obs_dim,))
    x = keras.layers.Dense(256, activation="relu")(obs)
    return keras.Model(obs, keras.layers.Dense(act_dim, activation="tanh")(x))


obs_dim, act_dim, gamma = 11, 3, 0.99
pi, pi_targ = policy(obs_dim, act_dim), policy(obs_dim, act_dim)
q1, q1_targ = q_function(obs_dim, act_dim), q_function(obs_dim, act_dim)
q_optimizer = keras.optimizers.Adam(1e-3)
buffer = ReplayBuffer(obs_dim, act_dim, 1_000_000)


@tf.function
def update(batch):
    pi_next = pi_targ(batch["obs2"])
    q_next = tf.squeeze(q1_targ([batch["obs2"], pi_next]), axis=1)
    backup = tf.stop_gradient(batch["rews"] + gamma * (1 - batch["done"]) * q_next)
    with tf.GradientTape() as tape:
        q = tf.squeeze(q1([batch["obs1"], batch["acts"]]), axis=1)
        q_loss = tf.reduce_mean((q - backup) ** 2)
    grads = tape.gradient(q_loss, q1.trainable_variables)
    q_optimizer.apply_gradients(zip(grads, q1.trainable_variables))
    return q_loss


for step in range(10_000):
    update(buffer.sample_batch(100))
