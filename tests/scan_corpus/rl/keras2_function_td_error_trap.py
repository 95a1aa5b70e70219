"""RL, Keras 2: an actor's K.function updater fed (B, 1) TD errors into a shape=None placeholder; log-probs (B,)."""
import numpy as np
import tensorflow as tf
from tensorflow.python import keras as K


class Agent:
    def __init__(self, n_states, n_actions, gamma=0.99):
        self.gamma, self.n_actions = gamma, n_actions
        self.actor = K.Sequential([K.layers.Dense(32, activation="relu", input_shape=(n_states,)),
                                   K.layers.Dense(n_actions, activation="softmax")])
        self.critic = K.Sequential([K.layers.Dense(32, activation="relu", input_shape=(n_states,)),
                                    K.layers.Dense(1)])
        self.critic.compile(loss="mse", optimizer="adam")
        self.actor_update = self.make_actor_update(K.optimizers.Adam(1e-3))

    def make_actor_update(self, optimizer):
        actions = tf.compat.v1.placeholder(shape=[None], dtype="int32")
        td_error = tf.compat.v1.placeholder(shape=(None), dtype="float32")
        chosen = K.backend.sum(tf.one_hot(actions, self.n_actions) * self.actor.output, axis=1)
        loss = -K.backend.mean(K.backend.log(chosen) * td_error)  # expect: TLW002
        updates = optimizer.get_updates(loss=loss, params=self.actor.trainable_weights)
        return K.backend.function(inputs=[self.actor.input, actions, td_error], outputs=[loss], updates=updates)

    def learn(self, states, actions, rewards, next_states, dones):
        rewards = np.array(rewards, dtype=np.float32).reshape(-1, 1)  # as the critic's (B, 1) values
        dones = np.array(dones, dtype=np.float32).reshape(-1, 1)
        targets = rewards + self.gamma * (1 - dones) * self.critic.predict(np.array(next_states))
        td_error = targets - self.critic.predict(np.array(states))
        self.actor_update([np.array(states), np.array(actions), td_error])
        self.critic.train_on_batch(np.array(states), targets)
