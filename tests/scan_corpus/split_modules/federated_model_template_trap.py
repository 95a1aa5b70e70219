"""Split modules: a federated-learning model template whose `compute_loss` meets what its subclasses' `predict` gives, `matmul(x, weights (k, 1)) + bias`, against the server script's (B,) labels; the weights reach the template's constructor through `super().__init__` as `tf.Variable(weights) if weights is not None else None`."""
from abc import ABC, abstractmethod

import tensorflow as tf


class Model(ABC):
    def __init__(self, weights=None, bias=None, learning_rate=0.01, iterations=200):
        self.weights = tf.Variable(weights, dtype=tf.float32) if weights is not None else None
        self.bias = tf.Variable(bias, dtype=tf.float32) if bias is not None else None
        self.lr = learning_rate
        self.iterations = iterations

    def compute_loss(self, y_true, y_pred):
        return tf.reduce_mean(tf.square(y_true - y_pred))  # expect: TLW003

    @abstractmethod
    def predict(self, x):
        pass

    @abstractmethod
    def fit(self, x_train, y_train):
        pass
