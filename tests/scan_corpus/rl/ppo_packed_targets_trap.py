"""Keras 2 continuous PPO, targets packed into y_true: the advantage cut as y_true[:, :1] (B, 1), the old log-probability as y_true[:, 1 + A] (B,), so ratio * advantage is (B, B)."""
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam

CLIP = 0.2


class ContinuousActor:
    def __init__(self, state_size, action_size, lr=3e-4):
        self.action_size = action_size
        self.log_std = -0.5 * np.ones(action_size, dtype=np.float32)
        state = Input((state_size,))
        hidden = Dense(64, activation="tanh")(state)
        mean = Dense(action_size, activation="tanh")(hidden)
        self.model = Model(inputs=state, outputs=mean)
        self.model.compile(loss=self.ppo_loss, optimizer=Adam(learning_rate=lr))

    def log_likelihood(self, actions, mean):
        z = (actions - mean) / (np.exp(self.log_std) + 1e-8)
        return K.sum(-0.5 * (z ** 2 + 2 * self.log_std + np.log(2 * np.pi)), axis=1)

    def ppo_loss(self, y_true, y_pred):
        advantages = y_true[:, :1]
        actions = y_true[:, 1:1 + self.action_size]
        old_log_prob = y_true[:, 1 + self.action_size]
        ratio = K.exp(self.log_likelihood(actions, y_pred) - old_log_prob)
        surrogate = ratio * advantages  # expect: TLW003
        clipped = K.clip(ratio, 1 - CLIP, 1 + CLIP) * advantages
        return -K.mean(K.minimum(surrogate, clipped))

    def train(self, states, actions, advantages, old_log_prob):
        packed = np.hstack([advantages[:, None], actions, old_log_prob[:, None]])
        self.model.fit(states, packed, epochs=10, verbose=0, shuffle=True)
