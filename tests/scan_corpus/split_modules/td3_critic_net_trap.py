"""A TD3 critic pair in a module of its own (Keras 2 style): train() is handed targets built by the agent in td3_agent_min_target_ok.py, the (B,) minimum of the two target critics, and compares them with each (B, 1) critic output: (B, B)."""
import tensorflow as tf
from tensorflow.keras.layers import Activation, BatchNormalization, Concatenate, Dense, Input
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam


class TwinCritic:
    def __init__(self, obs_dim, act_dim, lr=3e-4):
        self.obs_dim, self.act_dim = obs_dim, act_dim
        self.q1, self.q2 = self.build(), self.build()
        self.q1_target, self.q2_target = self.build(), self.build()
        self.opt1, self.opt2 = Adam(lr), Adam(lr)

    def build(self):
        obs = Input(shape=(self.obs_dim,))
        act = Input(shape=(self.act_dim,))
        x = Concatenate(axis=-1)([obs, act])
        x = Activation("relu")(BatchNormalization()(Dense(64)(x)))
        out = Activation("linear")(Dense(1)(x))
        return Model([obs, act], out)

    def train(self, obs, act, target):
        with tf.GradientTape() as tape:
            q1 = self.q1([obs, act], training=True)
            loss1 = tf.reduce_mean(tf.square(q1 - target))  # expect: TLW003
        self.opt1.apply_gradients(zip(tape.gradient(loss1, self.q1.trainable_variables), self.q1.trainable_variables))
        with tf.GradientTape() as tape:
            q2 = self.q2([obs, act], training=True)
            loss2 = tf.reduce_mean(tf.square(q2 - target))  # expect: TLW003
        self.opt2.apply_gradients(zip(tape.gradient(loss2, self.q2.trainable_variables), self.q2.trainable_variables))
