"""The run table `compare` prints and `compare --html` shows: a row per run, held to the numpy reference."""

from __future__ import annotations

import dataclasses

import numpy as np

from common import checks, runner
from common.record import Run

TABLE_TITLE = "final MSE: the correct mean squared error of the final weights on all rows (float64)"
MASKED_NOTE = "* masked: the framework repaired the shapes, so the buggy wiring trained as the fixed one"
COLUMNS = ["run", "dtype", "w₀", "max |wᵢ| i>0", "bias", "final MSE", "verdict", "seconds", "max |Δ| vs numpy",
           "atol"]
LEFT_ALIGNED = ("run", "dtype", "verdict")  # words; the numbers are aligned right


@dataclasses.dataclass(frozen=True)
class Compared:
    """A run held to the numpy reference on what it really trained (`runner.reference_for`), computed once:
    the table, the page and the JSON only show it."""

    run: Run
    reference: Run
    difference: float  # the largest over the weights and the bias
    atol: float  # the tolerance for the run's dtype (`common.checks`)

    @classmethod
    def of(cls, run: Run) -> Compared:
        ref = runner.reference_for(run)
        difference = checks.distance(run.weights, run.bias, (np.asarray(ref.weights), ref.bias))
        return cls(run, ref, difference, checks.agreement_atol(run.config.dtype, run.case.float32_inside))


def row(compared: Compared) -> list[str]:
    run, diff, atol = compared.run, compared.difference, compared.atol
    w = np.asarray(run.weights)
    return [run.label + ("*" if run.masked else ""), run.config.dtype, f"{w[0]:.6f}",
            f"{np.max(np.abs(w[1:]), initial=0):.2e}", f"{run.bias:.6f}", f"{run.final_mse:.3e}", run.verdict,
            f"{run.seconds:.2f}", f"{diff:.1e}", f"{atol:.0e} " + ("ok" if diff <= atol else "EXCEEDED")]
