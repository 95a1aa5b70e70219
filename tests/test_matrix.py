"""Every style x wiring x Keras generation against the math and against the numpy reference."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from conftest import AGREE, FAST, MASKED, STYLES, only_under, style_config, trained

from common import checks, runner
from common.data import make_dataset

X, Y = make_dataset(FAST)
WITHOUT_MASKED = [p for p in STYLES if (*p.values, "buggy") not in MASKED]


@pytest.mark.parametrize("style, keras", STYLES)
def test_fixed_wiring_learns(style, keras):
    run = trained(style, keras, "fixed", style_config(style))
    w = np.asarray(run.weights)
    print(f"{run.label}: |w0-1|={abs(w[0] - 1):.2e} max|wi|={np.max(np.abs(w[1:])):.2e} |b|={abs(run.bias):.2e}")
    assert abs(w[0] - 1) < checks.LEARNED_ATOL
    assert np.max(np.abs(w[1:])) < checks.LEARNED_ATOL
    assert abs(run.bias) < checks.LEARNED_ATOL
    assert run.verdict == "learned"


@pytest.mark.parametrize("style, keras", WITHOUT_MASKED)
def test_buggy_wiring_lands_on_the_broken_optimum(style, keras):
    run = trained(style, keras, "buggy", style_config(style))
    w = np.asarray(run.weights)
    print(f"{run.label}: max|w|={np.max(np.abs(w)):.2e} |b-mean(Y)|={abs(run.bias - Y.mean()):.2e}")
    assert np.max(np.abs(w)) < checks.BROKEN_ATOL
    assert abs(run.bias - Y.mean()) < checks.BROKEN_ATOL
    assert run.verdict == "broken"
    assert run.final_mse > 0.9 * Y.var()  # the true MSE of predicting the mean everywhere is Var(Y)


@only_under("tf_keras")
def test_tf_keras_expands_labels_so_the_buggy_loss_learns():
    """Keras 2 masks the bug: `compile` expands (B,) labels to (B, 1) before any loss, built-in or not."""
    run = trained("keras_impl", "tf_keras", "buggy", style_config("keras_impl"))
    assert run.verdict == "learned"


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("variant", ["buggy", "fixed"])
@pytest.mark.parametrize("style, keras", STYLES)
def test_agrees_with_the_numpy_reference(style, keras, variant, dtype):
    module = runner.load_style(style)
    config = dataclasses.replace(AGREE, dtype=dtype)
    run = trained(style, keras, variant, config)
    # Where Keras masks the bug, what really trains is the fixed wiring: hold it to that.
    expected = "fixed" if (style, keras, variant) in MASKED else variant
    ref = trained("reference", None, expected, runner.reference_config(module, config))
    atol = checks.agreement_atol(dtype, runner.float32_inside(module, keras))
    diff = checks.distance(run.weights, run.bias, (np.asarray(ref.weights), ref.bias))
    print(f"{run.label} {dtype}: max |difference| from reference-{expected} = {diff:.3g} (atol {atol:g})")
    assert diff <= atol
