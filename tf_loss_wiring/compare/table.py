"""The run table `compare` prints and `compare --html` shows: a row per run, held to the numpy reference."""

from __future__ import annotations

import numpy as np

from common import checks, runner
from common.record import Run

TABLE_TITLE = "final MSE: the correct mean squared error of the final weights on all rows (float64)"
MASKED_NOTE = "* masked: the framework repaired the shapes, so the buggy wiring trained as the fixed one"
COLUMNS = ["run", "dtype", "w₀", "max |wᵢ| i>0", "bias", "final MSE", "verdict", "seconds", "max |Δ| vs numpy",
           "atol"]
LEFT_ALIGNED = ("run", "dtype", "verdict")  # words; the numbers are aligned right


def agreement(run: Run) -> tuple[float, float]:
    """(largest difference from the reference's weights and bias, the tolerance for this run)."""
    ref = runner.reference_for(run)
    atol = checks.agreement_atol(run.config.dtype, run.case.float32_inside)
    return checks.distance(run.weights, run.bias, (np.asarray(ref.weights), ref.bias)), atol


def row(run: Run) -> list[str]:
    w = np.asarray(run.weights)
    diff, atol = agreement(run)
    return [run.label + ("*" if run.masked else ""), run.config.dtype, f"{w[0]:.6f}",
            f"{np.max(np.abs(w[1:]), initial=0):.2e}", f"{run.bias:.6f}", f"{run.final_mse:.3e}", run.verdict,
            f"{run.seconds:.2f}", f"{diff:.1e}", f"{atol:.0e} " + ("ok" if diff <= atol else "EXCEEDED")]
