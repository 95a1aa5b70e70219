"""A survival library's Cox partial likelihood for Keras 2 users to compile (no compile in the module): the times and
events packed as y_true's two columns, the events cut to (B,), times the model's risk scores as they come, a
Dense(1) column (B, 1): the B x B matrix, summed."""
import tensorflow as tf
from tensorflow.keras import backend as K


def negative_log_partial_likelihood(y_true, y_pred):
    times, events = y_true[:, 0], y_true[:, 1]
    order = tf.argsort(times, direction="DESCENDING")
    risk = tf.gather(y_pred, order)
    observed = tf.gather(events, order)
    log_risk_set = tf.math.log(tf.cumsum(tf.exp(risk)))
    return -K.sum(observed * (risk - log_risk_set)) / K.sum(observed)  # expect: TLW003
