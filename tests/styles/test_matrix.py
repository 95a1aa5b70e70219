"""Every style x wiring x Keras generation against the math and against the numpy reference."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import AGREE, CASES, ENABLED, FAST, case_params, reference_of, trained

from common import checks
from common.data import make_dataset
from common.style import LOSS_ON_ALL_ROWS

X, Y = make_dataset(FAST)
UNMASKED = case_params(lambda case: not case.masked("buggy"))
MASKED = case_params(lambda case: case.masked("buggy"))

# The logs are the same arithmetic as the weights (a mean over N rows, or over the batch): the weights'
# tolerances, relative to a loss that stays within a factor of 3 of 0.3 over AGREE's 101 steps.
LOG_RTOL = {"float64": 10 * checks.FLOAT64_ATOL, "float32": 10 * checks.FLOAT32_ATOL}


@pytest.mark.parametrize("case", CASES)
def test_fixed_wiring_learns(case):
    run = trained(case, "fixed", case.config(FAST))
    w = np.asarray(run.weights)
    print(f"{run.label}: |w0-1|={abs(w[0] - 1):.2e} max|wi|={np.max(np.abs(w[1:])):.2e} |b|={abs(run.bias):.2e}")
    assert abs(w[0] - 1) < checks.LEARNED_ATOL
    assert np.max(np.abs(w[1:])) < checks.LEARNED_ATOL
    assert abs(run.bias) < checks.LEARNED_ATOL
    assert run.verdict == "learned"


@pytest.mark.parametrize("case", UNMASKED)
def test_buggy_wiring_lands_on_the_broken_optimum(case):
    run = trained(case, "buggy", case.config(FAST))
    w = np.asarray(run.weights)
    print(f"{run.label}: max|w|={np.max(np.abs(w)):.2e} |b-mean(Y)|={abs(run.bias - Y.mean()):.2e}")
    assert np.max(np.abs(w)) < checks.BROKEN_ATOL
    assert abs(run.bias - Y.mean()) < checks.BROKEN_ATOL
    assert run.verdict == "broken"
    assert run.final_mse > 0.9 * Y.var()  # the true MSE of predicting the mean everywhere is Var(Y)


@pytest.mark.parametrize("case", MASKED)
def test_where_compile_repairs_the_shapes_the_buggy_wiring_learns(case):
    """Keras 2 masks the bug: `compile` expands (B,) labels to (B, 1) before any loss, built-in or not."""
    run = trained(case, "buggy", case.config(FAST))
    assert run.masked and run.verdict == "learned"


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("variant", ["buggy", "fixed"])
@pytest.mark.parametrize("case", CASES)
def test_weights_agree_with_the_numpy_reference(case, variant, dtype):
    """Where Keras masks the bug, what really trains is the fixed wiring: it is held to that."""
    run = trained(case, variant, case.config(AGREE, dtype))
    ref = reference_of(run)
    atol = checks.agreement_atol(dtype, run.case.float32_inside)
    diff = checks.distance(run.weights, run.bias, (np.asarray(ref.weights), ref.bias))
    print(f"{run.label} {dtype}: max |difference| from {ref.label} = {diff:.3g} (atol {atol:g})")
    assert diff <= atol


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("case", CASES)
def test_the_fixed_wirings_log_agrees_with_the_reference(case, dtype):
    """Each logged value, against the reference's same quantity: the loss on all rows, or the batch loss."""
    run = trained(case, "fixed", case.config(AGREE, dtype))
    ref = reference_of(run)
    if case.style.logs == LOSS_ON_ALL_ROWS:
        expected = [entry["loss"] for entry in ref.log]
    else:
        expected = [ref.batch_losses[entry["step"]] for entry in ref.log]
    assert [entry["step"] for entry in run.log] == [entry["step"] for entry in ref.log] == [0, 20, 40, 60, 80, 100]
    got = [entry["loss"] for entry in run.log]
    rtol = LOG_RTOL["float32" if dtype == "float32" or run.case.log_in_float32 else "float64"]
    worst = max(abs(g - e) / e for g, e in zip(got, expected, strict=True))
    print(f"{run.label} {dtype}: log's largest relative difference from the reference's {case.style.logs}: "
          f"{worst:.2g} (rtol {rtol:g})")
    assert worst <= rtol


def test_every_styles_batch_losses_are_the_same_numbers():
    """The one quantity every style reports each step: the fixed wirings' batch losses, step by step, agree."""
    runs = [trained(case, "fixed", case.config(AGREE, "float64")) for case in ENABLED]
    first = np.asarray(runs[0].batch_losses)
    for run in runs[1:]:
        assert len(run.batch_losses) == AGREE.steps
        np.testing.assert_allclose(run.batch_losses, first, rtol=LOG_RTOL["float32"], err_msg=run.label)
