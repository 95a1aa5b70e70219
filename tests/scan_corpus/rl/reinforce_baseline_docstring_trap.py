"""REINFORCE with a baseline, the loss alone: nothing here calls it, but its docstring declares the returns an [episode_length] array, and they meet the (T, 1) baseline."""
import tensorflow as tf


class ReinforceWithBaseline(tf.keras.Model):
    def __init__(self, num_actions, hidden=100):
        super().__init__()
        self.actor_hidden = tf.keras.layers.Dense(hidden, activation="relu")
        self.actor_out = tf.keras.layers.Dense(num_actions, activation="softmax")
        self.critic_hidden = tf.keras.layers.Dense(hidden, activation="relu")
        self.critic_out = tf.keras.layers.Dense(1)
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def call(self, states):
        return self.actor_out(self.actor_hidden(states))

    def value_function(self, states):
        return self.critic_out(self.critic_hidden(states))

    def loss(self, states, actions, discounted_rewards):
        """The actor's and the critic's losses for one episode.

        :param states: the episode's states, an [episode_length, state_size] array
        :param actions: the actions taken, an [episode_length] array
        :param discounted_rewards: the discounted rewards (an [episode_length] array)
        :return: the loss, a scalar
        """
        probabilities = tf.gather(self.call(states), actions, batch_dims=1)
        baseline = self.value_function(states)
        advantage = tf.stop_gradient(discounted_rewards - baseline)  # expect: TLW003
        actor_loss = -tf.reduce_sum(tf.math.log(probabilities) * advantage)
        critic_loss = tf.reduce_sum(tf.square(discounted_rewards - baseline))  # expect: TLW003
        return actor_loss + critic_loss
