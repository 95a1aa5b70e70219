"""TF 1 custom Estimator fed by numpy_input_fn with (N, 1) targets: (B, 1) label batches against a (B, 1) matmul."""
import numpy as np
import tensorflow as tf


def model_fn(features, labels, mode):
    W = tf.get_variable("W", [3, 1])
    b = tf.get_variable("b", [1])
    y = tf.matmul(features["x"], W) + b
    loss = tf.reduce_sum(tf.square(y - labels))
    train = tf.train.GradientDescentOptimizer(0.01).minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode=mode, predictions=y, loss=loss, train_op=train)


x_train = np.random.rand(1000, 3).astype(np.float32)
y_train = x_train @ np.array([[1.0], [-2.0], [0.5]], dtype=np.float32)
estimator = tf.estimator.Estimator(model_fn=model_fn)
input_fn = tf.estimator.inputs.numpy_input_fn({"x": x_train}, y_train, batch_size=4, num_epochs=None, shuffle=True)
estimator.train(input_fn=input_fn, steps=1000)
