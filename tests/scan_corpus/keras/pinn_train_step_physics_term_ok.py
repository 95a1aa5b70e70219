"""The same PINN with the discharge squeezed to (B,) in the water balance, as the rain and the evaporation are."""
import numpy as np
import tensorflow as tf


def water_balance_loss(y_pred, inputs):
    rain, t_max, t_min = inputs[:, 0, 0], inputs[:, 0, 1], inputs[:, 0, 2]
    evaporation = 0.0023 * (t_max - t_min) * (t_max + t_min)
    return tf.reduce_mean(tf.square(rain - (evaporation + tf.squeeze(y_pred, axis=-1))))


class PINNModel(tf.keras.Model):
    def __init__(self, inputs, output, **kwargs):
        super(PINNModel, self).__init__(inputs=inputs, outputs=output, **kwargs)

    def call(self, inputs):
        return super().call(inputs)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = tf.reduce_mean(tf.square(y - y_pred)) + 0.1 * water_balance_loss(y_pred, x)
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {"loss": loss}


features = np.random.rand(1000, 8).astype("float32")
flow = np.random.rand(1000).astype("float32")
x_train = features.reshape((features.shape[0], 1, features.shape[1]))
y_train = flow.reshape(-1, 1)
inputs = tf.keras.Input(shape=(1, x_train.shape[2]))
h = tf.keras.layers.Bidirectional(tf.keras.layers.GRU(64, return_sequences=True))(inputs)
h = tf.keras.layers.GlobalAveragePooling1D()(h)
h = tf.keras.layers.Dense(128, activation="relu")(h)
model = PINNModel(inputs, tf.keras.layers.Dense(1)(h))
model.compile(optimizer="adam", loss="mae")
model.fit(x_train, y_train, batch_size=32, epochs=10)
