"""Split modules: the federated server script, which hands the model class to a `Server` and its clients with a wine table's last column as (B,) labels; the loss that meets them is the template's (federated_model_template_trap.py)."""
import pandas as pd
import tensorflow as tf

from federated_linear_models_ok import LinearRegression


class Client:
    def __init__(self, model, weights, bias, batch_size=64):
        self.model = model(weights=weights, bias=bias)
        self.batch_size = batch_size

    def train_local(self, x, y, start):
        self.model.fit(x[start:start + self.batch_size], y[start:start + self.batch_size])


class Server:
    def __init__(self, model, x, y, weights, bias, clients=3):
        self.model = model(weights=weights, bias=bias)
        self.x, self.y = x, y
        self.clients = [Client(model, weights, bias) for _ in range(clients)]

    def get_loss(self, y_true, x_test):
        return self.model.compute_loss(y_true, self.model.predict(x_test))


data = pd.read_csv("winequality-red.csv", delimiter=";")
x = data.iloc[:, :-1].values
y = data.iloc[:, -1].values
row, col = x.shape
split = int(0.75 * row)
x_train, x_test = tf.convert_to_tensor(x[:split], tf.float32), tf.convert_to_tensor(x[split:], tf.float32)
y_train, y_test = tf.convert_to_tensor(y[:split], tf.float32), tf.convert_to_tensor(y[split:], tf.float32)
server = Server(LinearRegression, x_train, y_train, tf.Variable(tf.random.normal((col, 1), stddev=0.01)), 0.0)
print(server.get_loss(y_test, x_test).numpy())
