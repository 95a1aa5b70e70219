"""Keras 2 (tf_keras): the mean_squared_error function per sample in a custom step, (B,) labels against Dense(1)."""
import numpy as np
import tensorflow as tf
import tf_keras

x = np.concatenate((np.zeros((40, 1)), np.ones((40, 1)))).astype(np.float32)
y_true = tf.constant(np.random.rand(80) * 100, dtype=tf.float32)

model = tf_keras.Sequential([tf_keras.layers.Dense(1, input_dim=1)])
optimizer = tf_keras.optimizers.Adam(0.1)

for epoch in range(100):
    with tf.GradientTape() as tape:
        y_pred = model(x, training=True)
        loss = tf.reduce_mean(tf_keras.losses.mean_squared_error(y_true, y_pred))  # expect: TLW003
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
