"""TF 1 custom Estimator: the model_fn brings the (B,) labels the input_fn gives to the head's (B, 1) before its
squared error."""
import pandas as pd
import tensorflow as tf


def train_input_fn(features, labels, batch_size):
    dataset = tf.data.Dataset.from_tensor_slices((dict(features), labels))
    return dataset.shuffle(1000).repeat().batch(batch_size)


def my_model(features, labels, mode, params):
    net = tf.feature_column.input_layer(features, params["feature_columns"])
    for units in params["hidden_units"]:
        net = tf.layers.dense(net, units=units, activation=tf.nn.relu)
    predictions = tf.layers.dense(net, 1)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={"price": predictions})
    labels = tf.reshape(labels, (-1, 1))
    loss = tf.reduce_mean(tf.square(labels - predictions))
    train_op = tf.train.AdamOptimizer(0.001).minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


train = pd.read_csv("imports-85.csv")
train_y = train.pop("price")
columns = [tf.feature_column.numeric_column(key) for key in train.keys()]
regressor = tf.estimator.Estimator(model_fn=my_model,
                                   params={"feature_columns": columns, "hidden_units": [20, 20]})
regressor.train(input_fn=lambda: train_input_fn(train, train_y, 100), steps=1000)
