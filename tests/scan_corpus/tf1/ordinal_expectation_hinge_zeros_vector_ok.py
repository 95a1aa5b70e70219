"""TF1: a pain-intensity ranker's prediction is the expectation of a softmax over six levels, a (B,) vector
(the sum over axis 1 of the probabilities times `np.array(range(6))`); its hinge is taken against a constant
(B,) vector of zeros, so the pair difference stays (B,) before the mean."""
import numpy as np
import tensorflow as tf

N_BATCH, N_LEVEL, N_FEAT = 32, 6, 128


def expectation(probs):
    return tf.reduce_sum(tf.multiply(probs, np.array(range(N_LEVEL))), 1)


def head(features):
    n_in = features.get_shape()[-1].value
    kernel = tf.get_variable("w", shape=[n_in, N_LEVEL], initializer=tf.glorot_uniform_initializer())
    biases = tf.Variable(tf.constant(0.1, shape=[N_LEVEL]), name="b")
    logits = tf.nn.relu_layer(features, kernel, biases)
    return expectation(tf.nn.softmax(logits)), logits


x0 = tf.placeholder(tf.float32, [None, N_FEAT])
x1 = tf.placeholder(tf.float32, [None, N_FEAT])
margin = tf.placeholder(tf.float32, [None])
with tf.variable_scope("rank") as scope:
    level0, logits0 = head(x0)
    scope.reuse_variables()
    level1, logits1 = head(x1)

gap = level1 - level0
hinge = tf.reduce_mean(tf.multiply(tf.maximum(tf.zeros([N_BATCH]), 1 - gap), margin))
train_op = tf.train.AdamOptimizer(1e-4).minimize(hinge)
