"""Keras 2 A3C whose one model packs the state value and the action probabilities into a single output, cut
apart in the compiled loss with `tf.slice`, the loss closing over the model's own extra inputs
(`self.network.inputs[1]`, the one-hot actions; `[2]`, a (B, 1) return). The value slice is squeezed and kept, so
the advantage is (B,) like the log-probability of the taken action."""
import numpy as np
import tensorflow as tf
from keras.layers import Concatenate, Dense, Input
from keras.models import Model
from keras.optimizers import RMSprop


class A3CNetwork:
    def __init__(self, state_size, num_actions):
        self.network = self.create_model(state_size, num_actions)
        self.network.compile(optimizer=RMSprop(7e-4), loss=self.loss)

    @staticmethod
    def create_model(state_size, num_actions):
        states = Input(shape=(state_size,))
        actions = Input(shape=(num_actions,))
        returns = Input(shape=(1,))
        hidden = Dense(128, activation="relu")(states)
        value = Dense(1)(hidden)
        policy = Dense(num_actions, activation="softmax")(hidden)
        return Model(inputs=[states, actions, returns], outputs=Concatenate()([value, policy]))

    def loss(self, y_true, y_pred):
        v = tf.slice(y_pred, [0, 0], [-1, 1])
        pi = tf.slice(y_pred, [0, 1], [-1, -1])
        v = tf.squeeze(v, [1])
        log_pi_s = tf.reduce_sum(tf.log(pi + 1e-10) * self.network.inputs[1], axis=1)
        adv = tf.stop_gradient(v) - self.network.inputs[2][:, 0]
        loss_pi = tf.reduce_sum(log_pi_s * adv)
        loss_v = tf.nn.l2_loss(v - self.network.inputs[2][:, 0])
        return loss_pi + 0.5 * loss_v

    def fit(self, states, actions, returns):
        self.network.fit([states, actions, returns], np.zeros((len(states), 1 + actions.shape[1])), verbose=0)


net = A3CNetwork(8, 4)
for update in range(100):
    batch = 5
    net.fit(np.random.rand(batch, 8), np.eye(4)[np.random.randint(4, size=batch)], np.random.rand(batch, 1))
