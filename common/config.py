"""The run configuration: one frozen dataclass whose defaults are the original question's experiment."""

from __future__ import annotations

import dataclasses

DTYPES = ("float32", "float64")
VARIANTS = ("buggy", "fixed")


def chosen_variants(choice: str) -> tuple[str, ...]:
    """`--variant both` → both wirings; otherwise the one named."""
    return VARIANTS if choice == "both" else (choice,)


@dataclasses.dataclass(frozen=True)
class Config:
    """Hyperparameters of one run; tests shrink it with `dataclasses.replace`."""

    steps: int = 10001
    batch_size: int = 100
    lr: float = 0.01
    seed: int = 1
    data_size: int = 10000
    dim: int = 10
    log_every: int = 1000
    dtype: str = "float64"

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


QUESTION = Config()
