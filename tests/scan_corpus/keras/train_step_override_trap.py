"""A Model subclass's own train_step, fitted on (N,) labels: Keras hands the step each batch as it is, (B,) labels
against the (B, 1) outputs, and the mean_squared_error function (tf.keras before TensorFlow 2.16) broadcasts."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class CustomModel(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = keras.losses.mean_squared_error(y, y_pred)  # expect: TLW003
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return {"loss": tf.reduce_mean(loss)}


inputs = keras.Input(shape=(32,))
outputs = keras.layers.Dense(1)(inputs)
model = CustomModel(inputs, outputs)
model.compile(optimizer="adam")

x = np.random.random((1000, 32))
y = np.random.random((1000,))
model.fit(x, y, epochs=3)
