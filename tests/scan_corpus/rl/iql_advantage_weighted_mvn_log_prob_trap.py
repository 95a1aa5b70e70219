"""TF2 implicit Q-learning: the actor is a MultivariateNormalDiag whose `log_prob` of (B, A) dataset actions is
one number a row, (B,), and the advantage weights `exp((q - v) * temperature)` come from two Dense(1) critics,
(B, 1). The line that squeezed them is commented out: their product is (B, B) before the mean."""
import numpy as np
import tensorflow as tf
import tensorflow_probability as tfp
from tensorflow.keras.layers import Dense

tfd = tfp.distributions


class Actor(tf.keras.Model):
    def __init__(self, action_dim, tanh_mean=True):
        super().__init__()
        self.l1 = Dense(256, activation="relu")
        self.l2 = Dense(256, activation="relu")
        if tanh_mean:
            self.means = Dense(action_dim, activation="tanh")
        else:
            self.means = Dense(action_dim)
        self.log_stds = Dense(action_dim)

    def call(self, state):
        x = self.l2(self.l1(state))
        return tfd.MultivariateNormalDiag(loc=self.means(x), scale_diag=tf.exp(self.log_stds(x)))


class Critic(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.l1 = Dense(256, activation="relu")
        self.l2 = Dense(1)

    def call(self, state, action=None):
        x = state if action is None else tf.concat([state, action], axis=1)
        return self.l2(self.l1(x))


class IQL:
    def __init__(self, action_dim, temperature=3.0):
        self.actor = Actor(action_dim)
        self.q = Critic()
        self.v = Critic()
        self.temperature = temperature
        self.actor_optimizer = tf.keras.optimizers.Adam(3e-4)

    def update_actor(self, states, actions):
        exp_a = tf.exp((self.q(states, actions) - self.v(states)) * self.temperature)
        # exp_a = tf.squeeze(exp_a, -1)
        exp_a = tf.minimum(exp_a, 100.0)
        with tf.GradientTape() as tape:
            log_prob = self.actor(states).log_prob(actions)
            actor_loss = -tf.reduce_mean(exp_a * log_prob)  # expect: TLW003
        grads = tape.gradient(actor_loss, self.actor.trainable_variables)
        self.actor_optimizer.apply_gradients(zip(grads, self.actor.trainable_variables))


agent = IQL(action_dim=6)
dataset = np.load("halfcheetah-medium.npz")
for step in range(1000):
    idx = np.random.randint(0, len(dataset["observations"]), size=256)
    states = tf.constant(np.zeros((256, 17), np.float32))
    actions = tf.constant(np.zeros((256, 6), np.float32))
    agent.update_actor(states, actions)
