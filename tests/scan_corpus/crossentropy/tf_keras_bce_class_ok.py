"""Cross-entropy, Keras 2: the BinaryCrossentropy class on (B,) labels and a Dense(1, sigmoid) output: it aligns the ranks."""
import numpy as np
import tensorflow as tf
import tf_keras

x = np.random.rand(512, 6).astype(np.float32)
labels = tf.constant((x.sum(axis=1) > 3.0).astype(np.float32))

model = tf_keras.Sequential([tf_keras.layers.Dense(16, activation="relu"),
                             tf_keras.layers.Dense(1, activation="sigmoid")])
optimizer = tf_keras.optimizers.Adam(1e-2)
bce = tf_keras.losses.BinaryCrossentropy()

for epoch in range(50):
    with tf.GradientTape() as tape:
        probs = model(x)
        loss = bce(labels, probs)
    optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
