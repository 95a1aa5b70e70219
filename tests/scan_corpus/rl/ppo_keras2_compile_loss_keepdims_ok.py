"""Keras 2 PPO, fixed: the per-sample probabilities are kept as (B, 1) columns (keepdims=True), like the advantage Input they are multiplied with."""
import numpy as np
from keras import backend as K
from keras.layers import Dense, Input
from keras.models import Model
from keras.optimizers import Adam

N_STATES, N_ACTIONS, CLIP = 8, 4, 0.2


def ppo_loss(advantage, old_prediction):
    def loss(y_true, y_pred):
        prob = K.sum(y_true * y_pred, axis=-1, keepdims=True)
        old_prob = K.sum(y_true * old_prediction, axis=-1, keepdims=True)
        ratio = prob / (old_prob + 1e-10)
        clipped = K.clip(ratio, 1 - CLIP, 1 + CLIP)
        return -K.mean(K.minimum(ratio * advantage, clipped * advantage))
    return loss


state = Input(shape=(N_STATES,))
advantage = Input(shape=(1,))
old_prediction = Input(shape=(N_ACTIONS,))
hidden = Dense(64, activation="tanh")(state)
policy = Dense(N_ACTIONS, activation="softmax")(hidden)
actor = Model(inputs=[state, advantage, old_prediction], outputs=[policy])
actor.compile(optimizer=Adam(lr=1e-4), loss=[ppo_loss(advantage=advantage, old_prediction=old_prediction)])

states = np.random.rand(256, N_STATES)
actions = np.eye(N_ACTIONS)[np.random.randint(N_ACTIONS, size=256)]
actor.fit([states, np.random.rand(256, 1), np.full((256, N_ACTIONS), 0.25)], actions, epochs=1)
