"""TF2: a tf.data pipeline of (x, y) slices, batched; each batch's (B,) labels meet the model's (B, 1) output."""
import numpy as np
import tensorflow as tf

X = np.random.RandomState(1).rand(10000, 10).astype(np.float32)
Y = X[:, 0]

dataset = tf.data.Dataset.from_tensor_slices((X, Y)).shuffle(10000).batch(100)
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.SGD(0.01)

for epoch in range(10):
    for step, (x_batch, y_batch) in enumerate(dataset):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(y_batch - model(x_batch)))  # expect: TLW003
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
