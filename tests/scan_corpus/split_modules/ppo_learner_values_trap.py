"""Split modules, two imports deep: the (1,) value of each step, stored through ppo_memory_ok.py by the loop of ppo_loop_ok.py, comes back as (T, 1) and meets the (T,) returns here."""
import numpy as np
import tensorflow as tf

from ppo_memory_ok import Memory


class Learner:
    def __init__(self, gamma=0.99):
        self.gamma = gamma
        self.critic = tf.keras.Sequential([tf.keras.layers.Dense(128, activation="relu"), tf.keras.layers.Dense(1)])
        self.optimizer = tf.keras.optimizers.Adam(1e-3)
        self.memory = Memory(64)

    def act(self, observation):
        value = self.critic(tf.convert_to_tensor([observation]))
        return np.random.randint(2), value.numpy()[0]

    def learn(self):
        observations, values, rewards, batches = self.memory.sample()
        returns = np.zeros(len(rewards), dtype=np.float32)
        running = 0.0
        for t in reversed(range(len(rewards))):
            running = rewards[t] + self.gamma * running
            returns[t] = running
        for batch in batches:
            with tf.GradientTape() as tape:
                advantage = returns[batch] - values[batch]  # expect: TLW003
                predicted = tf.squeeze(self.critic(observations[batch]), axis=1)
                loss = tf.reduce_mean(tf.square(returns[batch] - predicted)) + 0.0 * tf.reduce_mean(advantage)
            grads = tape.gradient(loss, self.critic.trainable_variables)
            self.optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))
        self.memory.clear()
