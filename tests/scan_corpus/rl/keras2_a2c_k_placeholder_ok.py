"""RL, Keras 2 A2C critic, right: the returns placeholder is K.placeholder(shape=(None, 1)), like critic.outputs[0]."""
import keras.backend as K
from keras.layers import Dense, Input
from keras.models import Model
from keras.optimizers import RMSprop


class Critic:
    def __init__(self, n_states):
        states = Input(shape=(n_states,))
        hidden = Dense(64, activation="relu")(states)
        self.model = Model(states, Dense(1)(hidden))
        self.returns = K.placeholder(shape=(None, 1))
        self.advantages = K.placeholder(ndim=1)

    def optimizer(self):
        value = self.model.outputs[0]
        loss = K.mean(K.square(self.returns - value))
        updates = RMSprop(lr=0.001).get_updates(self.model.trainable_weights, [], loss)
        return K.function([self.model.input, self.returns], [loss], updates=updates)
