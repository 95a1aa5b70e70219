"""The record of one training run: what was asked, where it landed, how long it took; and its JSON."""

from __future__ import annotations

import dataclasses
import json
import math

import numpy as np

from common.config import Config
from common.style import Case


@dataclasses.dataclass
class Run:
    """One training run: what was asked, where it landed, how long it took."""

    case: Case
    variant: str
    config: Config
    weights: list[float]
    bias: float
    log: list[dict]
    batch_losses: list[float]  # every step's, before its update: the curve a plot draws (in the JSON if asked)
    seconds: float
    verdict: str
    final_mse: float
    diverged_at: dict | None = None

    @property
    def style(self) -> str:
        return self.case.style.name

    @property
    def label(self) -> str:
        """A readable id: `tf1_graph-buggy`, `keras_impl[tf_keras]-fixed`."""
        return self.case.run_label(self.variant)

    @property
    def masked(self) -> bool:
        """A buggy wiring whose shapes the framework repaired, so it trained as the fixed one."""
        return self.case.masked(self.variant)

    def as_dict(self, with_batch_losses: bool = False) -> dict:
        """The JSON record; every step's batch loss only when asked (`--batch-losses`: 10^4 numbers a run)."""
        record = {
            "style": self.style,
            "variant": self.variant,
            **self.case.options,
            "masked": self.masked,
            "config": self.config.as_dict(),
            "weights": [_finite_or_none(w) for w in self.weights],
            "bias": _finite_or_none(self.bias),
            "log": [{"step": entry["step"], "loss": _finite_or_none(entry["loss"])} for entry in self.log],
            "seconds": self.seconds,
            "verdict": self.verdict,
            "final_mse": _finite_or_none(self.final_mse),
        }
        if self.diverged_at:
            at = self.diverged_at
            record["diverged_at"] = {"step": at["step"], "loss": _finite_or_none(at["loss"])}
        if with_batch_losses:
            record["batch_losses"] = [_finite_or_none(loss) for loss in self.batch_losses]
        return record

    @classmethod
    def from_dict(cls, record: dict, case: Case) -> Run:
        """The run `record` (written by `as_dict`, in another process) describes; `case` is what it ran."""
        recorded = {"style": record["style"], **{name: record.get(name) for name in case.options}}
        if recorded != {"style": case.style.name, **case.options}:
            raise ValueError(f"Invalid value for argument `case`: the record is of {recorded}. "
                             f"Received: case={case.label!r}")
        at = record.get("diverged_at")
        return cls(
            case=case,
            variant=record["variant"],
            config=Config(**record["config"]),
            weights=[_none_as_nan(w) for w in record["weights"]],
            bias=_none_as_nan(record["bias"]),
            log=[{"step": e["step"], "loss": _none_as_nan(e["loss"])} for e in record["log"]],
            batch_losses=[_none_as_nan(loss) for loss in record.get("batch_losses", [])],
            seconds=record["seconds"],
            verdict=record["verdict"],
            final_mse=_none_as_nan(record["final_mse"]),
            diverged_at={"step": at["step"], "loss": _none_as_nan(at["loss"])} if at else None,
        )


def _finite_or_none(value: float) -> float | None:
    """JSON has no NaN or infinity: a non-finite number is written as null."""
    value = float(value)
    return value if math.isfinite(value) else None


def _none_as_nan(value: float | None) -> float:
    """Back from JSON: a non-finite number was written as null (which one is not kept: NaN stands for it)."""
    return math.nan if value is None else float(value)


def true_mse(weights, bias, X: np.ndarray, Y: np.ndarray) -> float:
    """The correct mean squared error of a linear model on all rows, in float64 — comparable across styles."""
    with np.errstate(all="ignore"):
        p = X.astype(np.float64) @ np.asarray(weights, dtype=np.float64).ravel() + float(bias)
        return float(np.mean((p - Y) ** 2))


def write_json(path: str, runs: list[Run], *, with_batch_losses: bool = False, **extra) -> None:
    """Write `{"runs": [...]}` (plus any extra top-level fields) to `path`."""
    records = [run.as_dict(with_batch_losses) for run in runs]
    with open(path, "w") as f:
        json.dump({"runs": records, **extra}, f, indent=1, allow_nan=False)
        f.write("\n")
