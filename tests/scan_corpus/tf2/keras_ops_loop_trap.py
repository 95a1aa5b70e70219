"""Keras 3 custom loop written with keras.ops: ops.mean(ops.square(y - model(x))) with rank-1 y and a Dense(1) model."""
import keras
import numpy as np
import tensorflow as tf
from keras import ops

x_train = np.random.rand(2048, 5).astype("float32")
y_train = x_train @ np.array([1.0, -2.0, 0.5, 0.0, 3.0], dtype="float32")

model = keras.Sequential([keras.Input(shape=(5,)), keras.layers.Dense(1)])
optimizer = keras.optimizers.SGD(learning_rate=0.05)

for i in range(0, 2048, 64):
    x, y = x_train[i:i + 64], y_train[i:i + 64]
    with tf.GradientTape() as tape:
        loss = ops.mean(ops.square(y - model(x)))  # expect: TLW003
    grads = tape.gradient(loss, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
