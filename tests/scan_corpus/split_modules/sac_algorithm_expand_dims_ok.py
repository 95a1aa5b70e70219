"""The SAC algorithm of a homework: its build() is handed the networks of sac_nets_ok.py by sac_train_expand_dims_ok.py; the rewards and terminals are expanded to (B, 1) columns before they meet the (B, 1) values."""
import tensorflow as tf


class SAC:
    def __init__(self, discount=0.99, learning_rate=3e-3):
        self._discount = discount
        self._learning_rate = learning_rate

    def build(self, env, q_function, value_function, target_value_function):
        obs_dim = env.observation_space.shape[0]
        act_dim = env.action_space.shape[0]
        self._observations_ph = tf.placeholder(tf.float32, shape=(None, obs_dim), name="observation")
        self._next_observations_ph = tf.placeholder(tf.float32, shape=(None, obs_dim), name="next_observation")
        self._actions_ph = tf.placeholder(tf.float32, shape=(None, act_dim), name="actions")
        self._rewards_ph = tf.placeholder(tf.float32, shape=(None,), name="rewards")
        self._terminals_ph = tf.placeholder(tf.float32, shape=(None,), name="terminals")
        q_loss = self._q_function_loss_for(q_function, target_value_function)
        optimizer = tf.train.AdamOptimizer(self._learning_rate)
        self._train_op = optimizer.minimize(q_loss, var_list=q_function.trainable_variables)

    def _q_function_loss_for(self, q_function, target_value_function):
        q_values = q_function((self._observations_ph, self._actions_ph))
        next_values = target_value_function(self._next_observations_ph)
        rewards = tf.expand_dims(self._rewards_ph, 1)
        terminals = tf.expand_dims(self._terminals_ph, 1)
        q_targets = rewards + (1 - terminals) * self._discount * next_values
        return tf.losses.mean_squared_error(labels=tf.stop_gradient(q_targets), predictions=q_values)
