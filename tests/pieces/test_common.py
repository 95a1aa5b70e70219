"""The shared pieces: the question's data and batching, the checks, the blocked loss, the numpy reference."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from common import checks, reference, runner
from common.config import QUESTION
from common.data import batches, chunks, full_data_loss, make_dataset
from common.reference import REFERENCE
from common.style import Case

X, Y = make_dataset(QUESTION)


def test_dataset_is_the_questions():
    assert X.shape == (10000, 10) and X.dtype == np.float64
    np.testing.assert_array_equal(X, np.random.RandomState(1).rand(10000, 10))
    np.testing.assert_array_equal(Y, X[:, 0])
    np.testing.assert_allclose(X[0, :3], [4.17022005e-01, 7.20324493e-01, 1.14374817e-04], rtol=1e-8)
    assert Y.mean() == pytest.approx(0.4973367916, abs=1e-10)


def test_float32_dataset_is_the_float64_one_rounded():
    X32, Y32 = make_dataset(dataclasses.replace(QUESTION, dtype="float32"))
    assert X32.dtype == Y32.dtype == np.float32
    np.testing.assert_array_equal(X32, X.astype(np.float32))


def test_batches_follow_the_questions_rule():
    steps = list(batches(QUESTION))
    assert len(steps) == 10001
    assert steps[:2] == [(0, 0, 100), (1, 100, 200)]
    assert steps[99] == (99, 9900, 10000) and steps[100] == (100, 0, 100)  # wraps after one pass


def test_last_batch_is_partial_when_batch_size_does_not_divide_data_size():
    config = dataclasses.replace(QUESTION, data_size=250, steps=5)
    assert list(batches(config)) == [(0, 0, 100), (1, 100, 200), (2, 200, 250), (3, 50, 150), (4, 150, 250)]


def test_verdicts():
    dim = 10
    w_ideal, b_ideal = checks.ideal(dim)
    assert checks.verdict(w_ideal, b_ideal, Y) == "learned"
    assert checks.verdict(w_ideal + checks.LEARNED_ATOL / 2, b_ideal, Y) == "learned"
    assert checks.verdict(*checks.broken_optimum(Y, dim), Y) == "broken"
    assert checks.verdict(np.full(dim, 0.5), 0.0, Y) == "neither"
    assert checks.verdict(np.full(dim, np.nan), 0.0, Y) == "diverged"


def broadcast_mse(p, y):
    """The buggy loss written out: an explicit (rows x N) matrix of squared differences."""
    return np.mean((p[:, None] - y[None, :]) ** 2)


def test_blocked_evaluation_equals_the_direct_one():
    w = np.linspace(-0.2, 0.3, 10)
    x, y = X[:1000], Y[:1000]
    direct = broadcast_mse(x @ w + 0.1, y)
    blocked = full_data_loss(lambda xs, ys: broadcast_mse(xs @ w + 0.1, ys), x, y, pairwise=True, block_elements=7000)
    assert blocked == pytest.approx(direct, rel=1e-13)
    rowwise = full_data_loss(lambda xs, ys: np.mean((xs @ w + 0.1 - ys) ** 2), x, y, pairwise=False)
    assert rowwise == pytest.approx(np.mean((x @ w + 0.1 - y) ** 2), rel=1e-13)


@pytest.mark.parametrize("variant", ["buggy", "fixed"])
def test_reference_loss_and_gradients_match_brute_force(variant):
    """The oracle's closed forms against the B x B loss itself and central finite differences of it."""
    rng = np.random.RandomState(0)
    x, y = X[:50], Y[:50]
    W, b = rng.normal(size=(10, 1)) * 0.1, np.array([0.2])

    def brute(W, b):
        p = (x @ W + b)[:, 0]
        return broadcast_mse(p, y) if variant == "buggy" else np.mean((p - y) ** 2)

    assert reference.loss(x, W, b, y, variant) == pytest.approx(brute(W, b), rel=1e-12)
    dW, db = reference.gradients(x, reference.residuals(x, W, b, y, variant))
    h = 1e-6
    for i in range(10):
        e = np.zeros_like(W)
        e[i] = h
        assert dW[i, 0] == pytest.approx((brute(W + e, b) - brute(W - e, b)) / (2 * h), abs=1e-8)
    assert db[0] == pytest.approx((brute(W, b + h) - brute(W, b - h)) / (2 * h), abs=1e-8)


def test_reference_fixed_learns_on_the_questions_protocol():
    run = runner.run(Case(REFERENCE), QUESTION, "fixed")
    assert run.verdict == "learned"
    assert abs(run.weights[0] - 1) < checks.LEARNED_ATOL and abs(run.bias) < checks.LEARNED_ATOL


def test_reference_buggy_lands_on_the_broken_optimum_and_its_loss_stays_above_var_y():
    run = runner.run(Case(REFERENCE), dataclasses.replace(QUESTION, log_every=100), "buggy")
    assert run.verdict == "broken"
    assert max(map(abs, run.weights)) < checks.BROKEN_ATOL
    assert abs(run.bias - Y.mean()) < checks.BROKEN_ATOL
    assert min(entry["loss"] for entry in run.log) >= Y.var()


def test_chunks_are_the_batches_cut_after_each_logged_step():
    config = dataclasses.replace(QUESTION, data_size=250, steps=8, log_every=3)
    cut = [tuple(map(list, chunk)) for chunk in chunks(config)]
    assert [steps for steps, _, _ in cut] == [[0], [1, 2, 3], [4, 5, 6], [7]]
    flat = [(s, a, b) for steps, starts, ends in cut for s, a, b in zip(steps, starts, ends, strict=True)]
    assert flat == list(batches(config))
