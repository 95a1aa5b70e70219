"""TF2: a tf.data pipeline of TFRecords parsed by a feature spec (the label a scalar FixedLenFeature, so (B,) once
batched) into a GradientTape loop against a Sequential's Dense(1) output, (B, 1)."""
import tensorflow as tf

FEATURES = {
    "x": tf.io.FixedLenFeature([8], tf.float32),
    "y": tf.io.FixedLenFeature([], tf.float32),
}


def parse(serialized):
    example = tf.io.parse_single_example(serialized, FEATURES)
    return example["x"], example["y"]


dataset = tf.data.TFRecordDataset(["train.tfrecord"]).map(parse).shuffle(1024).batch(64)
model = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.Adam(1e-3)

for epoch in range(10):
    for x, y in dataset:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(y - model(x)))  # expect: TLW003
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
