"""TF1: a homework's own layer class stacked six deep, the last of one unit and no activation, against 1-D labels."""
import tensorflow as tf
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

x_data, y_data = load_diabetes(return_X_y=True)
x_train, x_test, y_train, y_test = train_test_split(x_data, y_data, train_size=0.8, random_state=333)
scaler = StandardScaler().fit(x_train)
x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)

x = tf.compat.v1.placeholder(tf.float32, shape=[None, x_train.shape[1]])
y = tf.compat.v1.placeholder(tf.float32, shape=[None])


class DenseLayer:
    def __init__(self, output_dim, input_dim, activation=None):
        self.w = tf.compat.v1.Variable(tf.random_normal([input_dim, output_dim]))
        self.b = tf.compat.v1.Variable(tf.zeros([1, output_dim]), dtype=tf.float32)
        self.activation = activation

    def get_layer(self, x):
        result = tf.matmul(x, self.w) + self.b
        if self.activation is not None:
            return self.activation(result)
        return result


layer1 = DenseLayer(512, x_train.shape[1], tf.nn.relu).get_layer(x)
layer2 = DenseLayer(256, 512, tf.nn.relu).get_layer(layer1)
layer3 = DenseLayer(256, 256, tf.nn.sigmoid).get_layer(layer2)
layer4 = DenseLayer(128, 256, tf.nn.relu).get_layer(layer3)
layer5 = DenseLayer(32, 128, tf.nn.relu).get_layer(layer4)
hypothesis = DenseLayer(1, 32).get_layer(layer5)

loss = tf.reduce_mean(tf.square(hypothesis - y))  # expect: TLW003
train = tf.compat.v1.train.AdamOptimizer(learning_rate=0.001).minimize(loss)

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for _ in range(2001):
        _, loss_value = sess.run([train, loss], feed_dict={x: x_train, y: y_train})
