"""A few SGD steps computed by hand, in plain Python, on a tiny dataset whose last batch is partial.

Everything else compares the styles with the numpy reference, which shares the dataset, the batching and the
runner with them: a mistake in those shared pieces would move both alike. This test shares nothing with them
but the question's definitions, written out again below, so it holds the reference and every style to the
arithmetic itself.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import CASES, REFERENCE_CASE, trained

from common import checks
from common.config import Config
from common.style import LOSS_ON_ALL_ROWS

# 5 rows of 2 features in batches of 2: the batches are rows [0:2], [2:4], [4:5] (partial), [1:3], [3:5], [0:2].
TINY = Config(steps=6, batch_size=2, lr=0.3, seed=7, data_size=5, dim=2, log_every=1, dtype="float64")
# The logged losses are the same arithmetic as the weights, so the weights' tolerances, read as relative ones
# (the losses here are 0.05-0.33, the weights below 1: an absolute error on the weights of e is a relative one on
# the loss of about 2e/loss), with a factor of ten for that.
LOG_RTOL = {"float64": 10 * checks.FLOAT64_ATOL, "float32": 10 * checks.FLOAT32_ATOL}


def by_hand(config: Config, variant: str, lr: float) -> dict:
    """The question's training written out: each step's batch loss, the loss on all rows after it, w and b."""
    rows = np.random.RandomState(config.seed).rand(config.data_size, config.dim).tolist()  # X
    labels = [row[0] for row in rows]  # Y = X[:, 0]
    w, b = [0.0] * config.dim, 0.0

    def loss_and_gradient(xs, ys):
        """mean of (p_i - y_i)**2 (fixed), or of (p_i - y_j)**2 over every pair i, j (buggy), and dL/dp_i."""
        p = [sum(wk * xk for wk, xk in zip(w, x, strict=True)) + b for x in xs]
        n = len(xs)
        if variant == "fixed":
            loss = sum((p[i] - ys[i]) ** 2 for i in range(n)) / n
            grad_p = [2 * (p[i] - ys[i]) / n for i in range(n)]
        else:
            loss = sum((p[i] - ys[j]) ** 2 for i in range(n) for j in range(n)) / n**2
            grad_p = [2 * sum(p[i] - ys[j] for j in range(n)) / n**2 for i in range(n)]
        return loss, grad_p

    batch_losses, all_rows = [], []
    for step in range(config.steps):
        start = step * config.batch_size % config.data_size
        end = min(start + config.batch_size, config.data_size)
        xs, ys = rows[start:end], labels[start:end]
        loss, grad_p = loss_and_gradient(xs, ys)
        batch_losses.append(loss)
        w = [w[k] - lr * sum(g * x[k] for g, x in zip(grad_p, xs, strict=True)) for k in range(config.dim)]
        b = b - lr * sum(grad_p)
        all_rows.append(loss_and_gradient(rows, labels)[0])
    return {"weights": w, "bias": b, "batch loss": batch_losses, "loss on all rows": all_rows}


def test_the_batches_are_the_questions_rule_with_a_partial_one():
    starts = [step * TINY.batch_size % TINY.data_size for step in range(TINY.steps)]
    assert [(s, min(s + TINY.batch_size, TINY.data_size)) for s in starts] == [
        (0, 2), (2, 4), (4, 5), (1, 3), (3, 5), (0, 2)]


@pytest.mark.parametrize("variant", ["buggy", "fixed"])
def test_the_reference_is_the_arithmetic(variant):
    run = trained(REFERENCE_CASE, variant, TINY)
    hand = by_hand(TINY, variant, TINY.lr)
    diff = checks.distance(run.weights, run.bias, (np.asarray(hand["weights"]), hand["bias"]))
    print(f"reference-{variant}: max |difference| from the hand computation = {diff:.3g}")
    assert diff <= checks.FLOAT64_ATOL
    np.testing.assert_allclose(run.batch_losses, hand["batch loss"], rtol=LOG_RTOL["float64"])
    np.testing.assert_allclose([e["loss"] for e in run.log], hand["loss on all rows"], rtol=LOG_RTOL["float64"])


@pytest.mark.parametrize("variant", ["buggy", "fixed"])
@pytest.mark.parametrize("case", CASES)
def test_every_style_is_the_arithmetic(case, variant):
    """Weights, bias and the logged losses after six steps, with the rate rounded as the style's optimizer does."""
    run = trained(case, variant, TINY)
    hand = by_hand(TINY, case.trains_like(variant), case.reference_config(TINY).lr)
    atol = checks.agreement_atol("float64", case.float32_inside)
    diff = checks.distance(run.weights, run.bias, (np.asarray(hand["weights"]), hand["bias"]))
    print(f"{run.label}: max |difference| from the hand computation = {diff:.3g} (atol {atol:g})")
    assert diff <= atol
    logged = [entry["loss"] for entry in run.log]
    expected = hand["loss on all rows"] if case.style.logs == LOSS_ON_ALL_ROWS else hand["batch loss"]
    np.testing.assert_allclose(logged, expected, rtol=LOG_RTOL["float32" if case.log_in_float32 else "float64"])
