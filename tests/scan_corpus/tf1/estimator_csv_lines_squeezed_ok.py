"""TF 1 custom Estimator on CSV lines, right: the label column `tf.decode_csv` gives, (B,) once batched, against the
model_fn's `tf.layers.dense(net, 1)` squeezed to (B,) on its last axis."""
import tensorflow as tf

CSV_COLUMNS = ["rooms", "age", "distance", "tax", "price"]
CSV_DEFAULTS = [[0.0], [0.0], [0.0], [0.0], [0.0]]
FEATURE_COLUMNS = [tf.feature_column.numeric_column(name) for name in CSV_COLUMNS[:-1]]


def input_fn(path, batch_size, epochs=None):
    def decode(line):
        columns = tf.decode_csv(line, record_defaults=CSV_DEFAULTS)
        features = dict(zip(CSV_COLUMNS, columns))
        labels = features.pop("price")
        return features, labels

    dataset = tf.data.TextLineDataset(path).skip(1).map(decode)
    return dataset.shuffle(10000).repeat(epochs).batch(batch_size)


def model_fn(features, labels, mode, params):
    net = tf.feature_column.input_layer(features, FEATURE_COLUMNS)
    for units in params["hidden_units"]:
        net = tf.layers.dense(net, units, activation=tf.nn.relu)
    predictions = tf.squeeze(tf.layers.dense(net, 1), axis=-1)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={"price": predictions})
    loss = tf.reduce_mean(tf.squared_difference(predictions, labels))
    train_op = tf.train.GradientDescentOptimizer(params["learning_rate"]).minimize(
        loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


regressor = tf.estimator.Estimator(model_fn=model_fn, params={"hidden_units": [32, 16], "learning_rate": 0.01})
regressor.train(input_fn=lambda: input_fn("housing_train.csv", 64), steps=2000)
