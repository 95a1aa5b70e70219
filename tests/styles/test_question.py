"""The question's full protocol (10001 steps, batch 100, lr 0.01): its printed figures, reproduced.

Each style trains the full protocol once here (keras_impl on Keras 3); all are marked `slow` and all run in the
README's test command. tf-keras's `train_on_batch` builds a tf.data iterator at every call (6-14 ms on this
project's machines): its full run alone took 141 s of CPU, 15% of the suite's; its generation is held to the numpy
reference on the shrunk protocols of tests/styles/test_matrix.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import only_under, reference_of, trained

from common import checks
from common.config import QUESTION
from common.data import make_dataset
from common.style import Case
from keras_impl import STYLE as KERAS_IMPL
from tf1_graph import STYLE as TF1_GRAPH
from tf2_eager import STYLE as TF2_EAGER

X, Y = make_dataset(QUESTION)

# What the question printed for its TF1 run (numpy's default 8 decimals) and for its Keras run (float32).
TF1_WEIGHTS = [0.01159591, 0.0003244, 0.00319655, 0.00113588, -0.00079908,
               -0.00086694, 0.00020551, -0.00243378, -0.00260724, 0.00052958]
TF1_BIAS = 0.48771921
KERAS_WEIGHTS = [9.99678493e-01, -3.00021959e-04, -2.89586897e-04, -2.90223019e-04, -2.83820234e-04,
                 -2.82248948e-04, -2.96013983e-04, -3.13797180e-04, -3.20409046e-04, -3.11669020e-04]
KERAS_BIAS = 0.00153964
KERAS_FIRST_LOSS, KERAS_LAST_LOSS = 0.284947, 7.45764e-08

# The 2018 Keras run and today's differ in float32 summation order: agreement to one float32 ulp at 1.0
# (1.2e-7, the largest weight's) for every weight and the bias. Measured: 2.6e-9 with TensorFlow's oneDNN
# kernels (its default on CPUs with AVX-512 VNNI, BF16 or AMX), 3.2e-9 without them (TF_ENABLE_ONEDNN_OPTS=0,
# TensorFlow's default on an AVX2-only CPU such as the EPYC this suite once failed on).
KERAS_FLOAT32_ATOL = 1.2e-7

# How far two CPUs' float32 batch losses may lie apart, from the arithmetic rather than from one machine.
# A batch loss is mean_i r_i**2 with r_i = p_i - y_i and p_i = sum_j w_j x_ij + b, 11 terms. Whatever order a
# kernel sums them in, with or without FMA, each p_i is within gamma_11 * S of exact (Higham's bound, gamma_n ~
# n * u, u = 2**-24), where S = sum_j |w_j| x_ij + |b| <= sum |w_j| + |b| since x lies in [0, 1); two runs'
# weights may differ by KERAS_FLOAT32_ATOL each (asserted beside it). So two runs' residuals differ by at most
# RESIDUAL_GAP, and a mean of squares moves by at most 2 rms(r) RESIDUAL_GAP + RESIDUAL_GAP**2 (Cauchy-Schwarz),
# plus gamma_B for each run's float32 sum of B squares.
U32 = 2.0**-24
TERMS, BATCH = len(KERAS_WEIGHTS) + 1, QUESTION.batch_size
RESIDUAL_GAP = 2 * TERMS * U32 * (sum(map(abs, KERAS_WEIGHTS)) + KERAS_BIAS) + TERMS * KERAS_FLOAT32_ATOL


def loss_rtol(loss: float, residual_gap: float) -> float:
    """The relative gap two CPUs' float32 batch losses of size `loss` may show, as derived above."""
    return (2 * math.sqrt(loss) * residual_gap + residual_gap**2) / loss + 2 * BATCH * U32


# At step 0 the weights are zero: p = 0 exactly, so only the sum of squares rounds (1.2e-5; the question
# printed six digits, half a unit of the last is 1.8e-6). At step 10000, residuals ~2.7e-4 against a gap of
# 2.6e-6 give 1.9e-2. Measured at step 10000: 3.6e-6 with oneDNN's kernels, 4.0e-5 without (7.457345674e-08,
# the AVX2 EPYC's figure, reproduced here with TF_ENABLE_ONEDNN_OPTS=0). The step-9999 loss is 17% away.
KERAS_FIRST_LOSS_RTOL = loss_rtol(KERAS_FIRST_LOSS, 0.0)
KERAS_LAST_LOSS_RTOL = loss_rtol(KERAS_LAST_LOSS, RESIDUAL_GAP)

pytestmark = pytest.mark.slow


def agreement(case: Case, variant: str):
    """The full-protocol run in the style's default dtype, its difference from the numpy reference, the atol."""
    run = trained(case, variant, case.config(QUESTION))
    ref = reference_of(run)
    diff = checks.distance(run.weights, run.bias, (np.asarray(ref.weights), ref.bias))
    atol = checks.agreement_atol(run.config.dtype, case.float32_inside)
    print(f"{run.label} (full protocol, {run.seconds:.1f} s): max |difference| from reference = {diff:.3g}")
    return run, diff, atol


def test_tf1_buggy_reproduces_the_questions_weights_to_every_printed_digit():
    run, diff, atol = agreement(Case(TF1_GRAPH), "buggy")
    assert [round(w, 8) for w in run.weights] == TF1_WEIGHTS
    assert round(run.bias, 8) == TF1_BIAS
    assert run.verdict == "broken" and diff <= atol


def test_tf2_buggy_migration_keeps_the_bug_and_lands_where_tf1_did():
    run, diff, atol = agreement(Case(TF2_EAGER), "buggy")
    assert run.verdict == "broken" and diff <= atol
    np.testing.assert_allclose(run.weights, TF1_WEIGHTS, atol=5e-9)  # half of the last printed digit
    assert run.bias == pytest.approx(TF1_BIAS, abs=5e-9)
    assert min(entry["loss"] for entry in run.log) >= Y.var()  # the broadcast loss never beats Var(Y)


@only_under("keras3")
def test_keras3_fixed_reproduces_the_questions_keras_run():
    run, diff, atol = agreement(Case(KERAS_IMPL, "keras3"), "fixed")
    assert run.verdict == "learned" and diff <= atol
    np.testing.assert_allclose(run.weights, KERAS_WEIGHTS, rtol=0, atol=KERAS_FLOAT32_ATOL)
    assert run.bias == pytest.approx(KERAS_BIAS, abs=KERAS_FLOAT32_ATOL)
    assert (run.log[0]["step"], run.log[-1]["step"]) == (0, 10000)
    assert run.log[0]["loss"] == pytest.approx(KERAS_FIRST_LOSS, rel=KERAS_FIRST_LOSS_RTOL)
    assert run.log[-1]["loss"] == pytest.approx(KERAS_LAST_LOSS, rel=KERAS_LAST_LOSS_RTOL)
