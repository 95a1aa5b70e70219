"""TF2: a functional model on Input(shape=(1,)) fed x[:, None]; its (B, 1) output against the 1-D y it was made from."""
import numpy as np
import tensorflow as tf

x_data = np.linspace(-1.0, 1.0, 256).astype(np.float32)
y_data = 3.0 * x_data + 0.5

inputs = tf.keras.Input(shape=(1,))
hidden = tf.keras.layers.Dense(8, activation="tanh")(inputs)
outputs = tf.keras.layers.Dense(1)(hidden)
model = tf.keras.Model(inputs, outputs)
opt = tf.keras.optimizers.Adam(1e-2)

for epoch in range(200):
    with tf.GradientTape() as tape:
        y_hat = model(x_data[:, None])
        loss = tf.reduce_mean(tf.abs(y_hat - y_data))  # expect: TLW003
    opt.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
