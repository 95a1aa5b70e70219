"""A hand-written TF1 MSE through another alias: (B, 1) predictions minus (B,) labels, squared, averaged."""

import tensorflow as tensorflow_module

v1 = tensorflow_module.compat.v1

features = v1.placeholder(tensorflow_module.float32, shape=(None, 3))
targets = v1.placeholder(tensorflow_module.float32, shape=(None,))
weights = v1.Variable(tensorflow_module.zeros([3, 1]))
outputs = tensorflow_module.matmul(features, weights)
cost = tensorflow_module.reduce_mean(tensorflow_module.square(outputs - targets))  # expect: TLW003
