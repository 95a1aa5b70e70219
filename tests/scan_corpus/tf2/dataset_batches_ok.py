"""TF2, fixed: the tf.data pipeline's map gives each batch's labels a last axis, (B, 1) like the model's output."""
import numpy as np
import tensorflow as tf

X = np.random.RandomState(1).rand(10000, 10).astype(np.float32)
Y = X[:, 0]

dataset = tf.data.Dataset.from_tensor_slices((X, Y)).shuffle(10000).batch(100)
dataset = dataset.map(lambda x, y: (x, tf.expand_dims(y, -1)))
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.SGD(0.01)

for epoch in range(10):
    for step, (x_batch, y_batch) in enumerate(dataset):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(y_batch - model(x_batch)))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
