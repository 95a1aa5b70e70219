"""TF2 eager regression of one iris measurement on the other three, right: the target cut from the array
`minmax_scale` returns as a column, `scaled[:, :1]` ((105, 1) after train_test_split), like the tf.Variable
model's `matmul(x, w (3, 1)) + b`."""
import tensorflow as tf
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import minmax_scale

X, _ = load_iris(return_X_y=True)
scaled = minmax_scale(X)
x_train, x_test, y_train, y_test = train_test_split(scaled[:, 1:], scaled[:, :1], test_size=0.3, random_state=1)

w = tf.Variable(tf.random.normal(shape=[3, 1], dtype="float64"))
b = tf.Variable(tf.random.normal(shape=[1], dtype="float64"))


def linear_model(x):
    return tf.linalg.matmul(x, w) + b


def loss_fn():
    err = tf.math.subtract(y_train, linear_model(x_train))
    return tf.reduce_mean(tf.square(err))


optimizer = tf.optimizers.Adam(learning_rate=0.01)
for step in range(100):
    optimizer.minimize(loss_fn, var_list=[w, b])
