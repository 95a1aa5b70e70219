"""TF2: a per-sample reduction with an axis over (B, k) targets and (B, k) outputs: the shapes agree, axis=-1 is intended."""
import tensorflow as tf

k = 3
model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(k)])
optimizer = tf.keras.optimizers.Adam(1e-3)

x = tf.random.normal((256, 10))
y = tf.random.normal((256, k))

for i in range(0, 256, 32):
    with tf.GradientTape() as tape:
        out = model(x[i:i + 32])
        per_sample = tf.reduce_sum(tf.square(y[i:i + 32] - out), axis=-1)
        loss = tf.reduce_mean(per_sample)
    optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
