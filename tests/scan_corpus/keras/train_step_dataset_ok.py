"""A subclassed model with its own train_step that hands the batch to compiled_loss, which brings the (B,) labels
to the outputs' rank: no B x B."""
import numpy as np
import tensorflow as tf


class Regressor(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(16, activation="relu")
        self.head = tf.keras.layers.Dense(1)
        self.tracker = tf.keras.metrics.Mean(name="loss")

    def call(self, x):
        return self.head(self.hidden(x))

    def train_step(self, data):
        x, y, _ = tf.keras.utils.unpack_x_y_sample_weight(data)
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        self.tracker.update_state(loss)
        return {"loss": self.tracker.result()}


features = np.random.rand(500, 4).astype("float32")
targets = features.sum(axis=1)
dataset = tf.data.Dataset.from_tensor_slices((features, targets)).shuffle(500).batch(50)

regressor = Regressor()
regressor.compile(optimizer="sgd")
regressor.fit(dataset, epochs=2)
