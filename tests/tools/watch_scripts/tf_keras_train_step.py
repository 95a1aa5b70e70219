"""tf_keras (Keras 2): a custom train_step with a hand-written loss, labels (B,) against outputs (B, 1)."""

import numpy as np
import tensorflow as tf
import tf_keras


class Model(tf_keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.math.squared_difference(self(x, training=True), y))  # WATCH: warn
        self.optimizer.minimize(loss, self.trainable_variables, tape=tape)
        return {"loss": loss}


inputs = tf_keras.Input(shape=(10,))
model = Model(inputs, tf_keras.layers.Dense(1, kernel_initializer="zeros")(inputs))
model.compile(optimizer=tf_keras.optimizers.SGD(learning_rate=0.01))
X = np.random.RandomState(1).rand(400, 10).astype("float32")
print(model.fit(X, X[:, 0], batch_size=100, epochs=1, verbose=0, shuffle=False).history["loss"])
