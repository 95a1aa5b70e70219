"""The same hand-written MSE with the predictions squeezed to (B,) before they meet the labels."""

import tensorflow as tensorflow_module

v1 = tensorflow_module.compat.v1

features = v1.placeholder(tensorflow_module.float32, shape=(None, 3))
targets = v1.placeholder(tensorflow_module.float32, shape=(None,))
weights = v1.Variable(tensorflow_module.zeros([3, 1]))
outputs = tensorflow_module.squeeze(tensorflow_module.matmul(features, weights), axis=1)
cost = tensorflow_module.reduce_mean(tensorflow_module.square(outputs - targets))
