"""A Keras 2 PPO actor on a pretrained feature extractor (MobileNetV2, a network the scan cannot see into) and Flatten: the surrogate's summed probabilities are (B,), times the advantage Input(shape=(1,)) it closes over: (B, B)."""
from keras import backend as K
from keras.applications.mobilenet_v2 import MobileNetV2
from keras.layers import Dense, Flatten, Input
from keras.models import Model
from keras.optimizers import Adam

LOSS_CLIPPING = 0.2


def ppo_loss(advantage, old_prediction):
    def loss(y_true, y_pred):
        prob = K.sum(y_true * y_pred, axis=-1)
        old_prob = K.sum(y_true * old_prediction, axis=-1)
        r = prob / (old_prob + 1e-10)
        return -K.mean(K.minimum(r * advantage,  # expect: TLW003
                                 K.clip(r, min_value=1 - LOSS_CLIPPING, max_value=1 + LOSS_CLIPPING) * advantage))
    return loss


def build_actor(input_dims, n_actions):
    state_input = Input(shape=input_dims)
    advantage = Input(shape=(1,))
    old_prediction = Input(shape=(n_actions,))
    features = MobileNetV2(include_top=False, weights="imagenet")
    x = Dense(1024, activation="relu")(Flatten()(features(state_input)))
    out_actions = Dense(n_actions, activation="softmax")(x)
    model = Model(inputs=[state_input, old_prediction, advantage], outputs=[out_actions])
    model.compile(optimizer=Adam(lr=1e-4), loss=[ppo_loss(advantage=advantage, old_prediction=old_prediction)])
    return model
