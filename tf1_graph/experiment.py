"""TF1 graph style: the original question's code — placeholders, Variables, a Session, GradientDescentOptimizer.

- buggy: `tf.losses.mean_squared_error(y_predict, y)` as the question wrote it. Predictions are (B, 1), labels
  (B,), and the labels placeholder was declared `shape=(None)` — which is just `None`, unknown rank — so the
  loss's shape check has nothing to compare and the subtraction broadcasts to a B x B matrix.
- fixed: the same call with the predictions squeezed to (B,), so each prediction meets its own label.

Everything is built in a graph of its own with a Session bound to it: no process-wide TF1 switch is flipped,
so this style shares a process with the eager ones.

Run: python -m tf1_graph [--variant buggy|fixed|both] [--steps N] [--json PATH]   (see --help)
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

from common.config import Config
from common.data import batches, full_data_loss
from common.monitor import Monitor

v1 = tf.compat.v1


# --- model ------------------------------------------------------------------------------------------------
def linear_model(dtype: tf.DType, dim: int):
    """The question's placeholders and zero-initialised Variables; returns (x, y, W, b, y_predict)."""
    x = v1.placeholder(dtype, shape=(None, dim))
    y = v1.placeholder(dtype, shape=(None))  # as in the question: `(None)` is `None`, a tensor of unknown rank
    W = v1.Variable(tf.zeros([dim, 1], dtype=dtype))
    b = v1.Variable(tf.zeros([1], dtype=dtype))
    return x, y, W, b, tf.matmul(x, W) + b


# --- loss wiring ------------------------------------------------------------------------------------------
def buggy_loss(y_predict, y):
    """mean_ij (p_i - y_j)**2 = mean_i (p_i - mean(y))**2 + Var(y): (B, 1) against (B,) broadcasts to B x B."""
    return v1.losses.mean_squared_error(y_predict, y)


def fixed_loss(y_predict, y):
    """mean_i (p_i - y_i)**2: the predictions squeezed to (B,) before they meet the labels."""
    return v1.losses.mean_squared_error(tf.squeeze(y_predict, axis=1), y)


WIRINGS = {"buggy": buggy_loss, "fixed": fixed_loss}


# --- training loop ----------------------------------------------------------------------------------------
def train(config: Config, variant: str, X: np.ndarray, Y: np.ndarray, monitor: Monitor):
    """The question's loop: one SGD step per batch, the loss on all rows every `log_every` steps."""
    graph = tf.Graph()
    with graph.as_default():
        x, y, W, b, y_predict = linear_model(tf.as_dtype(config.dtype), config.dim)
        loss = WIRINGS[variant](y_predict, y)
        train_op = v1.train.GradientDescentOptimizer(config.lr).minimize(loss)
        with tf.control_dependencies([train_op]):  # one fetch a step: the batch loss, once its update is done
            step_loss = tf.identity(loss)  # (fetching [train_op, loss] costs ~15% more a step)
        init = v1.global_variables_initializer()
    with v1.Session(graph=graph) as sess:
        sess.run(init)

        def loss_on(xs, ys):
            return sess.run(loss, feed_dict={x: xs, y: ys})

        for step, start, end in batches(config):
            batch_loss = sess.run(step_loss, feed_dict={x: X[start:end], y: Y[start:end]})
            if not monitor.step(step, batch_loss):
                break
            if monitor.due(step):
                monitor.record(step, full_data_loss(loss_on, X, Y, pairwise=variant == "buggy"))
        return sess.run([W, b])

