"""The RNN of compile_fn_rnn_dataset_trap.py with the labels and each slice brought to (B,) inside the loss, as both Keras generations need: Keras 2 hands (B,) labels over as (B, 1), Keras 3 as they are."""
import numpy as np
import pandas as pd
import tensorflow as tf
import tensorflow.keras.backend as K


def gaussian_nll(y_true, y_pred):
    y_true = K.reshape(y_true, (-1,))
    mean = K.clip(y_pred[:, 0], -1.0, 1.0)
    var = K.clip(y_pred[:, 1], 1e-5, None)
    log_likelihood = -K.log(2 * np.pi * var) / 2 - K.square(mean - y_true) / (2 * var)
    return -K.mean(log_likelihood)


def windows(features, target, start, end, history):
    data, labels = [], []
    for i in range(start + history, end):
        data.append(features[range(i - history, i)])
        labels.append(target[i])
    return np.array(data), np.array(labels)


table = pd.read_csv("load.csv", index_col=0)
residuals = np.array(table["residuals"])
features = table[["temperature", "dew_point"]].values
x_train, y_train = windows(features, residuals, 0, 1000, 2)
train = tf.data.Dataset.from_tensor_slices((x_train, y_train)).cache().shuffle(10).batch(50).repeat()

model = tf.keras.models.Sequential()
model.add(tf.keras.layers.SimpleRNN(3, input_shape=x_train.shape[-2:], activation="tanh"))
model.add(tf.keras.layers.Dense(2))
model.compile(optimizer=tf.keras.optimizers.Adam(0.003), loss=gaussian_nll)
model.fit(train, epochs=50, steps_per_epoch=500)
