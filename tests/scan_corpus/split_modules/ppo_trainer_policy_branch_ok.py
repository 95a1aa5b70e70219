"""Split modules: a PPO trainer whose agent is this file's categorical policy or a continuous one from a module not
in the corpus; the value head squeezed to the buffer's (B,) returns."""
import numpy as np
import tensorflow as tf
import tensorflow.keras.layers as kl
from core.policy_continuous import PolicyContinuous


class ValueModel(tf.keras.Model):
    def __init__(self, hidden_sizes=(32, 32)):
        super().__init__("v_model")
        self.hidden_layers = tf.keras.Sequential([kl.Dense(h, activation="relu") for h in hidden_sizes])
        self.value = kl.Dense(1, name="value")

    def call(self, inputs):
        return self.value(self.hidden_layers(tf.convert_to_tensor(inputs)))


class PolicyCategorical:
    def __init__(self, train_v_iters=80):
        self.v = ValueModel()
        self.train_v_iters = train_v_iters
        self.optimizer_v = tf.keras.optimizers.Adam(1e-3)

    def update(self, observations, returns):
        for _ in range(self.train_v_iters):
            loss_v = self.train_v_one_step(observations, returns)
        return loss_v.numpy().mean()

    def _value_loss(self, returns, value):
        return tf.reduce_mean((returns - tf.squeeze(value, axis=-1)) ** 2)

    @tf.function
    def train_v_one_step(self, obs, returns):
        with tf.GradientTape() as tape:
            v_loss = self._value_loss(returns, self.v(obs))
        grads = tape.gradient(v_loss, self.v.trainable_variables)
        self.optimizer_v.apply_gradients(zip(grads, self.v.trainable_variables, strict=True))
        return v_loss


class Buffer:
    def __init__(self, size, obs_size):
        self.obs_buf = np.zeros((size, obs_size), dtype=np.float32)
        self.ret_buf = np.zeros((size,), dtype=np.float32)

    def get(self):
        return [self.obs_buf, self.ret_buf]


class Trainer:
    def __init__(self, env, steps_per_epoch=1000):
        self.buffer = Buffer(steps_per_epoch, obs_size=env.num_obs)
        if env.action_space_type == "discrete":
            self.agent = PolicyCategorical()
        elif env.action_space_type == "continuous":
            self.agent = PolicyContinuous(num_actions=env.num_actions)

    def train(self, epochs):
        for _ in range(epochs):
            obs, ret = self.buffer.get()
            self.agent.update(obs, ret)
