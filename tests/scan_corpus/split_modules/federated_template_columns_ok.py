"""Split modules: the same federated template and linear model, its loss on labels reshaped to (B, 1) columns as the predictions are; driven by federated_server_columns_ok.py."""
import tensorflow as tf


class Model:
    def __init__(self, weights=None, bias=None, learning_rate=0.01):
        self.weights = tf.Variable(weights, dtype=tf.float32) if weights is not None else None
        self.bias = tf.Variable(bias, dtype=tf.float32) if bias is not None else None
        self.lr = learning_rate

    def compute_loss(self, y_true, y_pred):
        return tf.reduce_mean(tf.square(tf.reshape(y_true, (-1, 1)) - y_pred))


class LinearRegression(Model):
    def __init__(self, weights=None, bias=None, learning_rate=0.01):
        super().__init__(weights, bias, learning_rate)

    def predict(self, x):
        return tf.matmul(x, self.weights) + self.bias
