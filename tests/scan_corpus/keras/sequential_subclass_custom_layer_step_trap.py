"""TF2: a Sequential subclass's train_step fits a custom polynomial layer that returns expand_dims of its (B, 1) input: (B, 1, 1)."""
import tensorflow as tf
from tensorflow import keras

loss_tracker = keras.metrics.Mean(name="loss")


class Fit(keras.Sequential):
    @property
    def metrics(self):
        return [loss_tracker]

    def train_step(self, data):
        x = tf.random.uniform((64, 1), minval=-1, maxval=1)
        target = tf.math.sin(3 * x)
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = tf.reduce_mean(tf.square(y_pred - target))  # expect: TLW003
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        loss_tracker.update_state(loss)
        return {"loss": loss_tracker.result()}


class Cubic(keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.coef = self.add_weight(name="coef", shape=[4])

    def call(self, inputs):
        x = tf.convert_to_tensor(inputs)
        res = self.coef[0] + self.coef[1] * x + self.coef[2] * x ** 2 + self.coef[3] * x ** 3
        return tf.expand_dims(res, axis=1)


model = Fit()
model.add(Cubic())
model.build(input_shape=(None, 1))
model.compile(optimizer=keras.optimizers.Adam(0.01))
model.fit(tf.linspace(-1.0, 1.0, 64), epochs=200, verbose=0)
