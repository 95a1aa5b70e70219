"""TF2 A2C: actor and critic called through their own `step` methods on observations of a shape the file never shows."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class ActorNetwork:
    def __init__(self, act_dim):
        self.model = keras.Sequential([keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(act_dim)])

    def step(self, obs):
        return self.model(obs)

    def cross_entropy(self, obs, act):
        return tf.nn.sparse_softmax_cross_entropy_with_logits(logits=self.step(obs), labels=act)


class ValueNetwork:
    def __init__(self):
        self.model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])

    def step(self, obs):
        return self.model(obs)


class Agent:
    def __init__(self, act_dim, gamma=0.99):
        self.actor, self.critic, self.gamma = ActorNetwork(act_dim), ValueNetwork(), gamma
        self.optimizer = keras.optimizers.Adam(0.01)
        self.ep_obs, self.ep_act, self.ep_rwd = [], [], []

    def returns(self, rwd):
        q = np.zeros_like(rwd)
        v = 0.0
        for t in reversed(range(len(rwd))):
            v = v * self.gamma + rwd[t]
            q[t] = v
        return q[:, np.newaxis]

    def learn(self):
        obs, act = np.vstack(self.ep_obs), np.array(self.ep_act)
        q_value = self.returns(np.array(self.ep_rwd))
        with tf.GradientTape() as tape:
            advantage = q_value - self.critic.step(obs)
            loss = tf.reduce_mean(self.actor.cross_entropy(obs, act) * advantage)  # expect: TLW003
        variables = self.actor.model.trainable_variables
        self.optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
