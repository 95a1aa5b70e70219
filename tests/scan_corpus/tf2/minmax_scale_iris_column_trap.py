"""TF2 eager regression of one iris measurement on the other three: the target column cut from the array
`minmax_scale` returns (scaled in place of its shape: (150,) cut to (105,) by train_test_split) against a
tf.Variable model's (105, 1) `matmul(x, w (3, 1)) + b`, subtracted inside the loss the optimizer minimizes."""
import tensorflow as tf
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import minmax_scale

X, _ = load_iris(return_X_y=True)
scaled = minmax_scale(X)
x_train, x_test, y_train, y_test = train_test_split(scaled[:, 1:], scaled[:, 0], test_size=0.3, random_state=1)

w = tf.Variable(tf.random.normal(shape=[3, 1], dtype="float64"))
b = tf.Variable(tf.random.normal(shape=[1], dtype="float64"))


def linear_model(x):
    return tf.linalg.matmul(x, w) + b


def loss_fn():
    err = tf.math.subtract(y_train, linear_model(x_train))  # expect: TLW003
    return tf.reduce_mean(tf.square(err))


optimizer = tf.optimizers.Adam(learning_rate=0.01)
for step in range(100):
    optimizer.minimize(loss_fn, var_list=[w, b])
