"""A per-sample weight fed as an Input(shape=(1,)) times Keras 2's categorical_crossentropy function, (B,), handed to add_loss: (B, 1) times (B,) is (B, B), which add_loss averages."""
import numpy as np
from tensorflow.keras.layers import Conv2D, Dense, Flatten, Input, MaxPool2D
from tensorflow.keras.losses import categorical_crossentropy
from tensorflow.keras.models import Model


def weighted_loss(y_true, y_pred, weight):
    return weight * categorical_crossentropy(y_true, y_pred)  # expect: TLW003


x = Input(shape=(32, 32, 3))
y_true = Input(shape=(10,))
weight = Input(shape=(1,))
features = Flatten()(MaxPool2D((2, 2))(Conv2D(16, (3, 3), padding="same")(x)))
y_pred = Dense(10, activation="softmax")(features)
model = Model(inputs=[x, y_true, weight], outputs=y_pred)
model.add_loss(weighted_loss(y_true, y_pred, weight))
model.compile(loss=None, optimizer="sgd")
model.fit([np.random.randn(8, 32, 32, 3), np.random.randn(8, 10), np.random.randint(0, 2, size=(8, 1))])
