"""Split modules: a REINFORCE-with-baseline model whose loss takes the returns as a parameter; its caller (reinforce_baseline_train_ok.py) passes a (B,) list, which meets the (B, 1) baseline here."""
import tensorflow as tf


class ReinforceWithBaseline(tf.keras.Model):
    def __init__(self, num_actions):
        super().__init__()
        self.policy_hidden = tf.keras.layers.Dense(128, activation="relu")
        self.policy_out = tf.keras.layers.Dense(num_actions, activation="softmax")
        self.value_hidden = tf.keras.layers.Dense(128, activation="relu")
        self.value_out = tf.keras.layers.Dense(1)
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def call(self, states):
        return self.policy_out(self.policy_hidden(states))

    def value_function(self, states):
        return self.value_out(self.value_hidden(states))

    def loss(self, states, actions, discounted_rewards):
        probs = self.call(states)
        picked = tf.gather_nd(probs, tf.stack([tf.range(len(actions)), actions], axis=1))
        advantage = discounted_rewards - self.value_function(states)  # expect: TLW003
        actor_loss = -tf.reduce_sum(tf.math.log(picked) * tf.stop_gradient(advantage))
        critic_loss = tf.reduce_sum(tf.square(advantage))
        return actor_loss + critic_loss
