"""TF2: a Sequential model's (B, 1) output in a GradientTape against 1-D labels sliced from the data."""
import numpy as np
import tensorflow as tf

X = np.random.RandomState(1).rand(10000, 10).astype(np.float32)
Y = X[:, 0]

model = tf.keras.Sequential([
    tf.keras.layers.Dense(16, activation="relu"),
    tf.keras.layers.Dense(1),
])
optimizer = tf.keras.optimizers.SGD(0.01)

for step in range(1000):
    s = (step * 100) % 10000
    e = s + 100
    xb = X[s:e]
    yb = X[:, 0][s:e]
    with tf.GradientTape() as tape:
        pred = model(xb)
        loss = tf.reduce_mean(tf.square(yb - pred))  # expect: TLW003
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
