"""Helpers + RL, fixed: the critic's values are squeezed to (B,) where they are made, so advantage and cross-entropy are both (B,)."""
import tensorflow as tf
from tensorflow import keras


class ActorCritic:
    def __init__(self, n_actions, gamma=0.99):
        self.gamma = gamma
        self.actor = self._mlp(n_actions)
        self.critic = self._mlp(1)
        self.optimizer = keras.optimizers.Adam(1e-3)

    def _mlp(self, units):
        return keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(units)])

    def learn(self, states, actions, rewards, next_states, dones):
        with tf.GradientTape() as tape:
            values = tf.squeeze(self.critic(states), axis=-1)
            targets = rewards + self.gamma * tf.squeeze(self.critic(next_states), axis=-1) * (1.0 - dones)
            advantage = tf.stop_gradient(targets - values)
            xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=actions, logits=self.actor(states))
            actor_loss = tf.reduce_mean(xent * advantage)
            critic_loss = tf.reduce_mean(tf.square(tf.stop_gradient(targets) - values))
            loss = actor_loss + critic_loss
        variables = self.actor.trainable_variables + self.critic.trainable_variables
        self.optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
