"""Keras functional model with outputs=[policy, value]; the value (B, 1) flattened to (B,) before it meets returns."""
from tensorflow import keras
from tensorflow.keras import backend as K

state = keras.Input(shape=(12,))
torso = keras.layers.Dense(64, activation="relu")(state)
policy = keras.layers.Dense(4, activation="softmax")(torso)
value = keras.layers.Dense(1)(torso)
agent = keras.Model(inputs=state, outputs=[policy, value])

returns = K.placeholder(shape=(None,))
actions = K.placeholder(shape=(None, 4))
pi, v = agent.outputs
advantage = returns - K.flatten(v)
critic_loss = K.mean(K.square(advantage))
actor_loss = -K.mean(K.log(K.sum(pi * actions, axis=1) + 1e-10) * K.stop_gradient(advantage))
