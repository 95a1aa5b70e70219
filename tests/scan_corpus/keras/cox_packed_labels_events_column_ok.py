"""A survival library's Cox partial likelihood for Keras 2 users to compile, right: the events packed as y_true's
second column cut as a column, `y_true[:, 1:2]` (B, 1), like the model's Dense(1) risk scores."""
import tensorflow as tf
from tensorflow.keras import backend as K


def negative_log_partial_likelihood(y_true, y_pred):
    times, events = y_true[:, 0], y_true[:, 1:2]
    order = tf.argsort(times, direction="DESCENDING")
    risk = tf.gather(y_pred, order)
    observed = tf.gather(events, order)
    log_risk_set = tf.math.log(tf.cumsum(tf.exp(risk)))
    return -K.sum(observed * (risk - log_risk_set)) / K.sum(observed)
