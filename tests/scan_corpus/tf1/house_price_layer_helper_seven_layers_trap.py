"""TF1: a house-price MLP built by a layer helper called for each of its seven layers, 2048 units down to a
one-unit head, (B, 1), against `shape=[None]` sale prices: the L2 cost spreads to (B, B) before the mean."""
import numpy as np
import pandas as pd
import tensorflow as tf

train = pd.read_csv("data/train.csv")
features = train.drop(columns=["SalePrice"]).values.astype(np.float32)
prices = train["SalePrice"].values.astype(np.float32)


class Model:
    def __init__(self):
        self.weights = {}

    def logit(self, data, dropout=0.0):
        for units in (2048, 1024, 512, 256, 128, 64):
            data = self.fc(data, units, relu=True)
            if dropout > 0.0:
                data = tf.nn.dropout(data, 1.0 - dropout)
        return self.fc(data, 1)

    def fc(self, data, num_output, relu=False):
        num_input = data.get_shape().as_list()[1]
        name = "fc%d" % len(self.weights)
        weights = tf.get_variable(name + "_kernel", [num_input, num_output])
        biases = tf.get_variable(name + "_biases", [num_output], initializer=tf.zeros_initializer())
        self.weights[name] = weights
        data = tf.nn.bias_add(tf.matmul(data, weights), biases)
        if relu:
            data = tf.nn.relu(data)
        return data


data = tf.placeholder(tf.float32, shape=[None, features.shape[1]], name="data")
label = tf.placeholder(tf.float32, shape=[None], name="label")
logits = Model().logit(data, dropout=0.2)
cost = tf.reduce_mean(tf.square(logits - label) / 2)  # expect: TLW003
train_op = tf.train.AdamOptimizer(1e-3).minimize(cost)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for start in range(0, len(prices), 500):
        sess.run(train_op, {data: features[start:start + 500], label: prices[start:start + 500]})
