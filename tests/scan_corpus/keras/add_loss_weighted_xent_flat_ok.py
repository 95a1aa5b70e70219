"""The weighted loss of add_loss_weighted_xent_trap.py with the (B, 1) weight flattened to (B,) before it meets the (B,) cross-entropy: (B,), which add_loss averages."""
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Conv2D, Dense, Flatten, Input, MaxPool2D
from tensorflow.keras.losses import categorical_crossentropy
from tensorflow.keras.models import Model


def weighted_loss(y_true, y_pred, weight):
    return tf.reshape(weight, (-1,)) * categorical_crossentropy(y_true, y_pred)


x = Input(shape=(32, 32, 3))
y_true = Input(shape=(10,))
weight = Input(shape=(1,))
features = Flatten()(MaxPool2D((2, 2))(Conv2D(16, (3, 3), padding="same")(x)))
y_pred = Dense(10, activation="softmax")(features)
model = Model(inputs=[x, y_true, weight], outputs=y_pred)
model.add_loss(weighted_loss(y_true, y_pred, weight))
model.compile(loss=None, optimizer="sgd")
model.fit([np.random.randn(8, 32, 32, 3), np.random.randn(8, 10), np.random.randint(0, 2, size=(8, 1))])
