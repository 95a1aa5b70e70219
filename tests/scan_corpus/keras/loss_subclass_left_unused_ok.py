"""Keras: a course file writes a Loss subclass beside the function it compiles, and leaves the class unused; the
function meets the (100, 1) score targets with the Dense(1) score output."""
import tensorflow as tf
from numpy.random import random_sample
from tensorflow.keras import layers, losses, optimizers

image_input = tf.keras.Input(shape=(32, 32, 3), name="img_input")
x = layers.GlobalMaxPooling2D()(layers.Conv2D(3, 3)(image_input))
score_output = layers.Dense(1, name="score_output")(x)
class_output = layers.Dense(5, name="class_output")(x)
model = tf.keras.Model(inputs=image_input, outputs=[score_output, class_output])


class MyMeanSquaredErrorClass(tf.keras.losses.Loss):
    def call(self, y_true, y_pred):
        return tf.reduce_mean(tf.square(y_pred - y_true))


def my_mean_squared_error():
    def mean_squared_error(y_true, y_pred):
        return tf.reduce_mean(tf.square(y_pred - y_true))
    return mean_squared_error


model.compile(optimizer=optimizers.RMSprop(1e-3),
              loss={"score_output": my_mean_squared_error(),
                    "class_output": losses.CategoricalCrossentropy(from_logits=True)})
model.fit({"img_input": random_sample(size=(100, 32, 32, 3))},
          {"score_output": random_sample(size=(100, 1)), "class_output": random_sample(size=(100, 5))},
          batch_size=32, epochs=5)
