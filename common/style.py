"""What a style declares about itself, and the one value that says what to run: a style under a Keras generation.

A style package (`tf1_graph`, …) declares a `Style` in its `__init__.py`, readable without TensorFlow; its
`experiment` module, loaded on demand, defines what `Experiment` lists. A `Case` is a style with the Keras
generation it runs under (none for the TF styles) and, for Keras 3, the backend: its label, its options, and
what follows for comparing it with the numpy reference all come from here, for the command line, the tools
and the tests alike. A Keras 3 backend is chosen before Keras is imported and holds for the whole process, so
a case on another backend than the style's first runs in a process of its own (`needs_own_process`).
"""

from __future__ import annotations

import dataclasses
import importlib
from types import ModuleType
from typing import Protocol

import numpy as np

from common.config import Config
from common.record import Monitor

# What a style logs every `log_every` steps.
LOSS_ON_ALL_ROWS = "loss on all rows"  # the wiring's loss over all N rows, after that step's update
BATCH_LOSS = "batch loss"  # the loss of that step's batch, before its update (what train_on_batch returns)


class Experiment(Protocol):
    """What a style's `experiment` module defines (besides its `buggy_loss` and `fixed_loss`).

    A module that imports its framework only when it knows the case (Keras on a backend) also defines
    `load_framework(**options)`, which `Case.load` calls with the case's options.
    """

    def train(self, config: Config, variant: str, X: np.ndarray, Y: np.ndarray, monitor: Monitor,
              **options) -> tuple[np.ndarray, np.ndarray]:
        """Train from zero weights, reporting every step to `monitor`; return the final (W, b)."""


@dataclasses.dataclass(frozen=True)
class Style:
    """A style's declaration: its name, where its experiment lives, and how its arithmetic differs from numpy's."""

    name: str
    experiment: str  # the module defining `Experiment`, e.g. "tf1_graph.experiment"; imported by `load()`
    description: str
    default_dtype: str
    logs: str = LOSS_ON_ALL_ROWS
    log_dtype: str | None = None  # the dtype its logged loss is reported in; None: the run's
    generations: tuple[str, ...] = ()  # Keras generations it runs under; () for a style without Keras
    learning_rate_dtype: str | None = None  # the dtype the optimizer keeps the learning rate in; None: the run's
    float32_inside: bool = False  # rounds to float32 on its own inside a float64 run
    float32_inside_under: tuple[str, ...] = ()  # … only under these Keras generations, or settings (`keras3-jax`)
    buggy_masked_under: tuple[str, ...] = ()  # generations whose compile repairs the buggy wiring's shapes
    backends: tuple[str, ...] = ()  # Keras 3 backends it runs on; the first, the default, shares TensorFlow's process
    backends_under: tuple[str, ...] = ()  # the generations that run on `backends`; the others on TensorFlow only

    def load(self) -> Experiment:
        """Import the experiment module (this is where TensorFlow loads)."""
        module: ModuleType = importlib.import_module(self.experiment)
        return module  # type: ignore[return-value]


@dataclasses.dataclass(frozen=True)
class Case:
    """What to run: a style, the Keras generation for a style that has them, and the backend for Keras 3.

    A backend left None under a generation that has backends is the style's first (default) one, so
    `Case(style, "keras3")` and `Case(style, "keras3", "tensorflow")` are the same case.
    """

    style: Style
    keras: str | None = None
    backend: str | None = None

    def __post_init__(self):
        allowed = self.style.generations or (None,)
        if self.keras not in allowed:
            raise ValueError(f"Invalid value for argument `keras` of {self.style.name}. Expected one of {allowed}. "
                             f"Received: keras={self.keras!r}")
        backends = self.style.backends if self.keras in self.style.backends_under else (None,)
        if self.backend is None and backends != (None,):
            object.__setattr__(self, "backend", backends[0])  # frozen: set once, here
        if self.backend not in backends:
            raise ValueError(f"Invalid value for argument `backend` of {self.style.name} under keras={self.keras!r}. "
                             f"Expected one of {backends}. Received: backend={self.backend!r}")

    @property
    def setting(self) -> str | None:
        """`keras3`, `keras3-jax`, `tf_keras`: the generation, and the backend when it is not the default one."""
        if self.keras is None:
            return None
        return f"{self.keras}-{self.backend}" if self.needs_own_process else self.keras

    @property
    def needs_own_process(self) -> bool:
        """Whether it runs on a Keras 3 backend other than the default, which cannot share TensorFlow's process."""
        return self.backend is not None and self.backend != self.style.backends[0]

    @property
    def label(self) -> str:
        """`tf1_graph`, `keras_impl[tf_keras]`, `keras_impl[keras3-jax]` (`keras_impl[keras3]`: on TensorFlow)."""
        return f"{self.style.name}[{self.setting}]" if self.setting else self.style.name

    def run_label(self, variant: str) -> str:
        """`tf1_graph-buggy`, `keras_impl[tf_keras]-fixed`."""
        return f"{self.label}-{variant}"

    @property
    def options(self) -> dict:
        """Keyword arguments of the experiment's `train` (and of the JSON record)."""
        chosen = {"keras": self.keras, "backend": self.backend}
        return {name: value for name, value in chosen.items() if value is not None}

    def load(self) -> Experiment:
        """Import the experiment module and the framework this case runs on (Keras on its backend)."""
        experiment = self.style.load()
        if hasattr(experiment, "load_framework"):
            experiment.load_framework(**self.options)
        return experiment

    @property
    def float32_inside(self) -> bool:
        """Whether a float64 run of this case rounds to float32 somewhere the user did not ask for."""
        under = self.style.float32_inside_under
        return self.style.float32_inside or self.keras in under or self.setting in under

    @property
    def log_in_float32(self) -> bool:
        """Whether a float64 run of this case logs its loss rounded to float32."""
        return self.float32_inside or self.style.log_dtype == "float32"

    def masked(self, variant: str) -> bool:
        """Whether the framework repairs this wiring's shapes before the loss sees them (Keras 2's compile)."""
        return variant == "buggy" and self.keras in self.style.buggy_masked_under

    def trains_like(self, variant: str) -> str:
        """The wiring this run really trains: `fixed` for a masked buggy wiring, else `variant`."""
        return "fixed" if self.masked(variant) else variant

    def config(self, base: Config, dtype: str | None = None) -> Config:
        """`base` in `dtype`, or in the style's default dtype when `dtype` is None."""
        return dataclasses.replace(base, dtype=dtype or self.style.default_dtype)

    def reference_config(self, config: Config) -> Config:
        """`config` with the learning rate rounded to the dtype this style's optimizer keeps it in."""
        lr_dtype = self.style.learning_rate_dtype
        return dataclasses.replace(config, lr=float(np.dtype(lr_dtype).type(config.lr))) if lr_dtype else config
