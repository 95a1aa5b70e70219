"""`common.guard.same_shape`: every buggy wiring becomes a clear error, every fixed one computes what it did."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import tensorflow as tf
from conftest import AGREE, MASKED, STYLES, trained

from common import runner
from common.guard import same_shape, strict

v1 = tf.compat.v1
SHORT = dataclasses.replace(AGREE, steps=11, log_every=5)


def test_known_shapes_that_would_broadcast_are_refused_naming_both():
    with pytest.raises(ValueError, match=r"labels of shape \(4,\) and predictions of shape \(4, 1\) differ"):
        same_shape(np.zeros(4), np.zeros((4, 1)))
    with pytest.raises(ValueError, match=r"\(None, 1\)"):
        same_shape(tf.TensorSpec([None]), tf.TensorSpec([None, 1]))


def test_matching_shapes_come_back_unchanged():
    labels, predictions = np.zeros(4), tf.zeros(4)
    assert same_shape(labels, predictions) == (labels, predictions)


def test_a_shape_unknown_until_run_time_fails_the_step_with_the_same_message():
    with tf.Graph().as_default(), v1.Session() as sess:
        y = v1.placeholder(tf.float64, shape=None)  # the question's labels
        p = v1.placeholder(tf.float64, shape=(None, 1))
        loss = strict(v1.losses.mean_squared_error)(y, p)
        assert sess.run(loss, {y: np.zeros((3, 1)), p: np.ones((3, 1))}) == 1.0
        with pytest.raises(tf.errors.InvalidArgumentError, match="would broadcast"):
            sess.run(loss, {y: np.zeros(3), p: np.ones((3, 1))})


def guard_the_loss_op(style: str, monkeypatch) -> None:
    """Put `same_shape` where each style's wirings make labels meet predictions."""
    module, name = (v1.losses, "mean_squared_error") if style == "tf1_graph" else (tf.math, "squared_difference")
    monkeypatch.setattr(module, name, strict(getattr(module, name)))


@pytest.mark.parametrize("style, keras", [p for p in STYLES if (*p.values, "buggy") not in MASKED])
def test_the_guard_turns_the_buggy_wiring_into_a_clear_error(style, keras, monkeypatch):
    guard_the_loss_op(style, monkeypatch)
    with pytest.raises((ValueError, tf.errors.InvalidArgumentError), match="would broadcast"):
        runner.run(style, SHORT, "buggy", **({"keras": keras} if keras else {}))


@pytest.mark.parametrize("style, keras", STYLES)
def test_the_guard_leaves_the_fixed_wiring_bit_for_bit_unchanged(style, keras, monkeypatch):
    plain = trained(style, keras, "fixed", SHORT)
    guard_the_loss_op(style, monkeypatch)
    guarded = runner.run(style, SHORT, "fixed", **({"keras": keras} if keras else {}))
    assert (guarded.weights, guarded.bias, guarded.log) == (plain.weights, plain.bias, plain.log)


@pytest.mark.parametrize("style, keras", [p for p in STYLES if (*p.values, "buggy") in MASKED])
def test_where_keras_2_already_expanded_the_labels_the_guarded_buggy_loss_trains_as_before(style, keras, monkeypatch):
    plain = trained(style, keras, "buggy", SHORT)
    guard_the_loss_op(style, monkeypatch)
    guarded = runner.run(style, SHORT, "buggy", keras=keras)
    assert (guarded.weights, guarded.bias) == (plain.weights, plain.bias)
