"""Keras 1 spelling (Dense(output_dim=1), Model(input=, output=)) of a value head in a TF1 graph: (B,) - (B, 1)."""
import tensorflow as tf
from keras.layers import Dense, Input
from keras.models import Model

screen = Input(shape=(84 * 84,))
hidden = Dense(output_dim=256, activation="relu")(screen)
value_model = Model(input=screen, output=Dense(output_dim=1, activation="linear")(hidden))

s = tf.placeholder(tf.float32, [None, 84 * 84])
R = tf.placeholder(tf.float32, [None])
V = value_model(s)
value_loss = tf.reduce_mean(tf.square(R - V))  # expect: TLW003
train_value = tf.train.RMSPropOptimizer(7e-4).minimize(value_loss)
