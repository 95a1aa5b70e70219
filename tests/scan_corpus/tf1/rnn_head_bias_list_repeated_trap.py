"""TF1: a stock-price RNN's head, bias `tf.Variable([0.1] * n_targets)`, against next-day prices fed as a `[None]` vector."""
import tensorflow as tf


class PriceModel:
    def __init__(self, series_length=72, feature_count=10, num_units=20, n_targets=1):
        self.x = tf.placeholder(tf.float32, [None, series_length, feature_count])
        self.y = tf.placeholder(tf.float32, [None])

        cell = tf.nn.rnn_cell.BasicRNNCell(num_units)
        state0 = cell.zero_state(tf.shape(self.x)[0], dtype=tf.float32)
        _, self.last_state = tf.nn.dynamic_rnn(cell, self.x, initial_state=state0, dtype=tf.float32)

        self.w = tf.Variable(tf.zeros([num_units, n_targets]))
        self.b = tf.Variable([0.1] * n_targets)
        self.prediction = tf.matmul(self.last_state, self.w) + self.b

        self.loss = tf.reduce_mean(tf.square(self.y - self.prediction))  # expect: TLW003
        self.train_op = tf.train.AdamOptimizer(0.01).minimize(self.loss)
