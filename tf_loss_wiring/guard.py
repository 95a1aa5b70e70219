"""A guard for your own loss code: refuse labels and predictions whose shapes would broadcast.

    from tf_loss_wiring.guard import same_shape, strict

    y, y_predict = same_shape(y, y_predict)        # before they meet, in TF1, TF2 or a Keras Loss.call

Shapes known when the loss is built (numpy arrays, eager tensors, most graph tensors) are checked at once and
raise `ValueError`. A shape TensorFlow cannot know until it runs — the question's `placeholder(shape=(None))`
— gets a run-time assertion instead, which fails the step with the same message. Either way the message names
both shapes. The tensors come back unchanged, so a correct loss computes exactly what it did.
"""

from __future__ import annotations

import functools

MESSAGE = "labels of shape {} and predictions of shape {} differ: they would broadcast instead of pairing up"
RUN_TIME_MESSAGE = "labels and predictions differ in shape: they would broadcast instead of pairing up."


def _static_shape(x) -> tuple | None:
    """The shape as a tuple (None for an unknown dimension), or None when even the rank is unknown."""
    shape = getattr(x, "shape", None)
    if shape is None:
        return None
    if hasattr(shape, "rank"):  # tf.TensorShape
        return None if shape.rank is None else tuple(shape.as_list())
    return tuple(shape)


def _show(shape: tuple | None) -> str:
    return "of unknown rank" if shape is None else str(shape)


def same_shape(labels, predictions):
    """`(labels, predictions)`, unchanged, once it is certain they have one shape; else a clear error."""
    known_l, known_p = _static_shape(labels), _static_shape(predictions)
    if known_l is not None and known_p is not None:
        pairs = zip(known_l, known_p, strict=False)
        if len(known_l) != len(known_p) or any(a is not None and b is not None and a != b for a, b in pairs):
            raise ValueError(MESSAGE.format(_show(known_l), _show(known_p)))
        if None not in known_l and None not in known_p:
            return labels, predictions
    import tensorflow as tf  # only a graph tensor of unknown rank or size gets here

    def shape_text(x):
        return tf.strings.reduce_join(tf.strings.as_string(tf.shape(x)), separator=",")

    check = tf.debugging.Assert(
        tf.equal(shape_text(labels), shape_text(predictions)),
        [RUN_TIME_MESSAGE, "labels:", tf.shape(labels), "predictions:", tf.shape(predictions)],
    )
    with tf.control_dependencies([check]):
        return tf.identity(labels), tf.identity(predictions)


def strict(loss):
    """Wrap `loss(a, b)` so that `same_shape` checks its two arguments first."""

    @functools.wraps(loss)
    def checked(a, b, *args, **kwargs):
        return loss(*same_shape(a, b), *args, **kwargs)

    return checked
