"""What does and does not cure the TF1 bug: argument order does not, a declared label shape refuses it."""

from __future__ import annotations

import pytest
import tensorflow as tf
from conftest import AGREE, trained

from common import checks, runner
from common.style import Case
from tf1_graph import STYLE
from tf1_graph import experiment as tf1

v1 = tf.compat.v1


def test_the_questions_labels_placeholder_has_unknown_rank():
    with tf.Graph().as_default():
        _, y, _, _, y_predict = tf1.linear_model(tf.float64, 10)
        assert y.shape.rank is None  # `shape=(None)` is `shape=None`
        assert y_predict.shape.as_list() == [None, 1]


def test_swapping_the_loss_arguments_leaves_the_bug_in_place(monkeypatch):
    """The accepted answer's first advice: (p - y)**2 and (y - p)**2 are the same matrix, so every step is the
    buggy wiring's to the bit (on the agreement protocol, whose buggy run tests/styles/test_matrix.py trains and
    holds to the broadcast reference)."""
    monkeypatch.setitem(tf1.WIRINGS, "swapped", lambda y_predict, y: v1.losses.mean_squared_error(y, y_predict))
    case = Case(STYLE)
    swapped = runner.run(case, case.config(AGREE), "swapped")
    buggy = trained(case, "buggy", case.config(AGREE))
    assert swapped.weights == buggy.weights and swapped.bias == buggy.bias
    assert swapped.batch_losses == buggy.batch_losses


@pytest.mark.parametrize("wiring", ["buggy", "fixed"])
def test_a_labels_placeholder_of_shape_none_comma_lets_tensorflow_check_shapes(wiring):
    """Declared `(None,)`, the labels meet (None, 1) predictions only after the fixed wiring's squeeze."""
    with tf.Graph().as_default():
        x = v1.placeholder(tf.float64, shape=(None, 10))
        y = v1.placeholder(tf.float64, shape=(None,))
        y_predict = tf.matmul(x, tf.zeros([10, 1], tf.float64))
        if wiring == "buggy":
            with pytest.raises(ValueError, match=r"Shapes \(None,\) and \(None, 1\) are incompatible"):
                tf1.buggy_loss(y_predict, y)
        else:
            assert tf1.fixed_loss(y_predict, y).shape.rank == 0


def test_the_compat_loss_computes_in_float32_even_in_a_float64_graph():
    """Why tf1_graph's agreement with the float64 reference is FLOAT32_INSIDE_ATOL, not FLOAT64_ATOL."""
    with tf.Graph().as_default():
        _, y, _, _, y_predict = tf1.linear_model(tf.float64, 10)
        for wiring in tf1.WIRINGS.values():
            assert wiring(y_predict, y).dtype == tf.float32
    assert Case(STYLE).float32_inside
    assert checks.agreement_atol("float64", Case(STYLE).float32_inside) == checks.FLOAT32_INSIDE_ATOL
