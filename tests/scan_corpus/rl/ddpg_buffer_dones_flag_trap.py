"""TF2 DDPG whose replay buffer class takes a `use_dones` flag, False by default and left so by the script that
makes it: the branch that runs adds the (B,) rewards to the target critic's (B, 1), so `y` is (B, B) and the
critic learns the batch mean. The other branch, for done flags the buffer then does not hold, is the same
matrix again."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Buffer:
    def __init__(self, capacity=100000, batch_size=64, num_states=3, num_actions=1, use_dones=False):
        self.capacity, self.batch_size, self.count = capacity, batch_size, 0
        self.use_dones = use_dones
        self.states = np.zeros((capacity, num_states))
        self.actions = np.zeros((capacity, num_actions))
        self.rewards = np.zeros(capacity)
        self.next_states = np.zeros((capacity, num_states))
        if self.use_dones:
            self.dones = np.zeros(capacity)

    def record(self, s, a, r, s2, done=False):
        i = self.count % self.capacity
        self.states[i], self.actions[i], self.rewards[i], self.next_states[i] = s, a, r, s2
        if self.use_dones:
            self.dones[i] = done
        self.count += 1

    def learn(self, actor, critic, target_actor, target_critic, critic_optimizer, gamma=0.99):
        idx = np.random.choice(min(self.count, self.capacity), self.batch_size)
        s = tf.convert_to_tensor(self.states[idx], dtype=tf.float32)
        a = tf.convert_to_tensor(self.actions[idx], dtype=tf.float32)
        r = tf.convert_to_tensor(self.rewards[idx], dtype=tf.float32)
        s2 = tf.convert_to_tensor(self.next_states[idx], dtype=tf.float32)
        d = tf.convert_to_tensor(self.dones[idx], dtype=tf.float32) if self.use_dones else None
        with tf.GradientTape() as tape:
            q_next = target_critic([s2, target_actor(s2)], training=True)
            if self.use_dones:
                y = r + gamma * (1.0 - d) * q_next
            else:
                y = r + gamma * q_next  # expect: TLW003
            q = critic([s, a], training=True)
            loss = tf.reduce_mean(tf.square(y - q))
        grads = tape.gradient(loss, critic.trainable_variables)
        critic_optimizer.apply_gradients(zip(grads, critic.trainable_variables))


def make_actor():
    s = keras.Input(shape=(3,))
    return keras.Model(s, keras.layers.Dense(1, activation="tanh")(keras.layers.Dense(64, activation="relu")(s)))


def make_critic():
    s, a = keras.Input(shape=(3,)), keras.Input(shape=(1,))
    h = keras.layers.Dense(64, activation="relu")(keras.layers.Concatenate()([s, a]))
    return keras.Model([s, a], keras.layers.Dense(1)(h))


actor, critic, target_actor, target_critic = make_actor(), make_critic(), make_actor(), make_critic()
buffer = Buffer(50000, 64, num_states=3, num_actions=1)
optimizer = keras.optimizers.Adam(1e-3)
for step in range(1000):
    buffer.record(np.random.rand(3), np.random.rand(1), np.random.rand(), np.random.rand(3))
    if step >= 64:
        buffer.learn(actor, critic, target_actor, target_critic, optimizer)
