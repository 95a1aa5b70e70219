"""Keras 2 policy gradient for capture chess: the policy is a softmax over 4096 moves (two 1x1 convolutions
reshaped to (1, 64) rows, their Dot reshaped to (4096,), masked by a Multiply with the legal moves), and the loss
a closure over a `Returns` Input of shape (1,): `categorical_crossentropy(..., axis=1)` is one per sample, (B,),
and times the (B, 1) returns it is (B, B) before the mean."""
import keras.backend as K
import numpy as np
from keras.layers import Activation, Conv2D, Dot, Input, Multiply, Reshape
from keras.models import Model
from keras.optimizers import SGD


def policy_gradient_loss(returns):
    def modified_crossentropy(action, action_probs):
        cost = K.categorical_crossentropy(action, action_probs, from_logits=False, axis=1) * returns  # expect: TLW003
        return K.mean(cost)
    return modified_crossentropy


class Agent:
    def __init__(self, lr=0.01):
        board = Input(shape=(8, 8, 8), name="board")
        returns = Input(shape=(1,), name="returns")
        legal = Input(shape=(4096,), name="legal_moves")
        rows = Reshape(target_shape=(1, 64))(Conv2D(1, (1, 1), data_format="channels_first")(board))
        cols = Reshape(target_shape=(1, 64))(Conv2D(1, (1, 1), data_format="channels_first")(board))
        moves = Reshape(target_shape=(4096,))(Dot(axes=1)([rows, cols]))
        policy = Multiply()([legal, Activation("softmax")(moves)])
        self.model = Model(inputs=[board, returns, legal], outputs=[policy])
        self.model.compile(optimizer=SGD(lr=lr), loss=policy_gradient_loss(returns))

    def update(self, states, actions, returns, legal):
        self.model.fit(x=[np.stack(states), returns, np.stack(legal)], y=np.stack(actions), verbose=0)
