"""Keras 2 in a TF1 graph: a critic built as `Model(inputs=[state], outputs=[value])`, one output listed, which
Keras 2 calls as the (B, 1) tensor itself, squeezed to (B,) to meet `[None]` returns."""
import tensorflow as tf
from keras import layers, models

state_dim = 8
state_in = layers.Input(shape=(state_dim,))
hidden = layers.Dense(64, activation="relu")(state_in)
value_out = layers.Dense(1)(hidden)
critic = models.Model(inputs=[state_in], outputs=[value_out], name="critic")

states = tf.placeholder(tf.float32, shape=(None, state_dim))
returns = tf.placeholder(tf.float32, shape=(None,))
values = tf.squeeze(critic(states), axis=1)
critic_loss = tf.reduce_mean(tf.square(returns - values))
train_op = tf.train.AdamOptimizer(1e-3).minimize(critic_loss, var_list=critic.trainable_weights)
