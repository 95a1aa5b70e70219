"""`tf_loss_wiring.guard.same_shape`: every buggy wiring becomes a clear error, every fixed one computes what it did."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from conftest import AGREE, CASES, case_params, trained

from common import runner
from tf_loss_wiring.guard import same_shape, strict

# TensorFlow is imported where a test needs it: the Keras 3 cases on JAX and PyTorch run here too, in a
# process of their own that must not load it (tests/styles/test_backends.py).
SHORT = dataclasses.replace(AGREE, steps=11, log_every=5)


def test_known_shapes_that_would_broadcast_are_refused_naming_both():
    import tensorflow as tf

    with pytest.raises(ValueError, match=r"labels of shape \(4,\) and predictions of shape \(4, 1\) differ"):
        same_shape(np.zeros(4), np.zeros((4, 1)))
    with pytest.raises(ValueError, match=r"\(None, 1\)"):
        same_shape(tf.TensorSpec([None]), tf.TensorSpec([None, 1]))


def test_matching_shapes_come_back_unchanged():
    import tensorflow as tf

    labels, predictions = np.zeros(4), tf.zeros(4)
    assert same_shape(labels, predictions) == (labels, predictions)


def test_a_shape_unknown_until_run_time_fails_the_step_with_the_same_message():
    import tensorflow as tf

    v1 = tf.compat.v1
    with tf.Graph().as_default(), v1.Session() as sess:
        y = v1.placeholder(tf.float64, shape=None)  # the question's labels
        p = v1.placeholder(tf.float64, shape=(None, 1))
        loss = strict(v1.losses.mean_squared_error)(y, p)
        assert sess.run(loss, {y: np.zeros((3, 1)), p: np.ones((3, 1))}) == 1.0
        with pytest.raises(tf.errors.InvalidArgumentError, match="would broadcast"):
            sess.run(loss, {y: np.zeros(3), p: np.ones((3, 1))})


def guard_where_labels_meet_predictions(case, monkeypatch) -> list[int]:
    """Put `strict` where the case's wirings make labels meet predictions; returns a list counting its calls.

    TF1: `v1.losses.mean_squared_error`; TF2: `tf.math.squared_difference`; Keras: the buggy `Loss`
    subclass's `call`, and the built-in loss's function `fn`, which Keras calls after its own rank repair.
    """
    calls = [0]

    def counted(loss):
        guarded = strict(loss)

        def call(*args, **kwargs):
            calls[0] += 1
            return guarded(*args, **kwargs)

        return call

    if case.style.name == "tf1_graph":
        import tensorflow as tf

        monkeypatch.setattr(tf.compat.v1.losses, "mean_squared_error", counted(tf.compat.v1.losses.mean_squared_error))
    elif case.style.name == "tf2_eager":
        import tensorflow as tf

        monkeypatch.setattr(tf.math, "squared_difference", counted(tf.math.squared_difference))
    else:
        experiment = case.style.load()

        def guarded_wiring(make):
            def make_guarded(keras, dtype):
                loss = make(keras, dtype)
                if hasattr(loss, "fn"):
                    loss.fn = counted(loss.fn)
                else:
                    loss.call = counted(loss.call)
                return loss

            return make_guarded

        for variant, make in list(experiment.WIRINGS.items()):
            monkeypatch.setitem(experiment.WIRINGS, variant, guarded_wiring(make))
    return calls


@pytest.mark.parametrize("case", case_params(lambda case: not case.masked("buggy")))
def test_the_guard_turns_the_buggy_wiring_into_a_clear_error(case, monkeypatch):
    guard_where_labels_meet_predictions(case, monkeypatch)
    with pytest.raises(refusals(case), match="would broadcast"):
        runner.run(case, SHORT, "buggy")


def refusals(case) -> tuple[type[Exception], ...]:
    """What the guard raises: ValueError for shapes known at once, and in TensorFlow also its run-time error."""
    if case.needs_own_process:
        return (ValueError,)
    import tensorflow as tf

    return (ValueError, tf.errors.InvalidArgumentError)


@pytest.mark.parametrize("case", CASES)
def test_the_guard_leaves_the_fixed_wiring_bit_for_bit_unchanged(case, monkeypatch):
    plain = trained(case, "fixed", SHORT)
    calls = guard_where_labels_meet_predictions(case, monkeypatch)
    guarded = runner.run(case, SHORT, "fixed")
    assert calls[0] > 0, "the guard was never called: it is not where labels meet predictions"
    assert (guarded.weights, guarded.bias, guarded.log) == (plain.weights, plain.bias, plain.log)
    assert guarded.batch_losses == plain.batch_losses


@pytest.mark.parametrize("case", case_params(lambda case: case.masked("buggy")))
def test_where_keras_2_already_expanded_the_labels_the_guarded_buggy_loss_trains_as_before(case, monkeypatch):
    plain = trained(case, "buggy", SHORT)
    calls = guard_where_labels_meet_predictions(case, monkeypatch)
    guarded = runner.run(case, SHORT, "buggy")
    assert calls[0] > 0
    assert (guarded.weights, guarded.bias) == (plain.weights, plain.bias)
