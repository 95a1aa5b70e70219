"""TF2, right: TFRecords parsed by a batch with `parse_example` after `batch`, the label declared
FixedLenFeature([1]), so (B, 1) like the Sequential's Dense(1) output."""
import tensorflow as tf

FEATURES = {
    "x": tf.io.FixedLenFeature([8], tf.float32),
    "y": tf.io.FixedLenFeature([1], tf.float32),
}


def parse(serialized):
    example = tf.io.parse_example(serialized, FEATURES)
    return example["x"], example["y"]


dataset = tf.data.TFRecordDataset(["train.tfrecord"]).shuffle(1024).batch(64).map(parse)
model = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.Adam(1e-3)

for epoch in range(10):
    for x, y in dataset:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(y - model(x)))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
