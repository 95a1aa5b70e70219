"""Helpers + RL: actor and critic are self. attributes built by one method; a (B,) cross-entropy meets a (B, 1) advantage in another."""
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
            values = self.critic(states)
            targets = rewards + self.gamma * self.critic(next_states) * (1.0 - dones)
            advantage = tf.stop_gradient(targets - values)
            xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=actions, logits=self.actor(states))
            actor_loss = tf.reduce_mean(xent * advantage)  # expect: TLW003
            critic_loss = tf.reduce_mean(tf.square(tf.stop_gradient(targets) - values))
            loss = actor_loss + critic_loss
        variables = self.actor.trainable_variables + self.critic.trainable_variables
        self.optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
