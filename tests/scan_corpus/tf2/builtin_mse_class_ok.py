"""TF2: (B,) labels and a Dense(1) output through the built-in MeanSquaredError class, which brings the ranks together."""
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.Adam()
mse = tf.keras.losses.MeanSquaredError()


@tf.function
def train_step(features, targets):
    with tf.GradientTape() as tape:
        predictions = model(features, training=True)
        loss = mse(targets, predictions)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


features = tf.random.normal((512, 12))
targets = tf.reduce_sum(features, axis=1)
for i in range(0, 512, 32):
    train_step(features[i:i + 32], targets[i:i + 32])
