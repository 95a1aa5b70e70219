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
from common.monitor import Monitor

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
class Setting:
    """One setting a style runs in — a Keras generation and, for Keras 3, its backend — and what is true there."""

    keras: str | None = None  # "keras3" (Keras 3) or "tf_keras" (Keras 2); None for a style without Keras
    backend: str | None = None  # Keras 3's backend; None where the generation runs on TensorFlow only
    float32_inside: bool = False  # a float64 run rounds to float32 somewhere the user did not ask for
    buggy_masked: bool = False  # the framework repairs the buggy wiring's shapes before the loss sees them


@dataclasses.dataclass(frozen=True)
class Style:
    """A style's declaration: its name, where its experiment lives, how its arithmetic differs from numpy's,
    and the settings it runs in (the first of a generation is its default, and shares TensorFlow's process)."""

    name: str
    experiment: str  # the module defining `Experiment`, e.g. "tf1_graph.experiment"; imported by `load()`
    description: str
    default_dtype: str
    logs: str = LOSS_ON_ALL_ROWS
    log_dtype: str | None = None  # the dtype its logged loss is reported in; None: the run's
    learning_rate_dtype: str | None = None  # the dtype the optimizer keeps the learning rate in; None: the run's
    settings: tuple[Setting, ...] = (Setting(),)

    @property
    def generations(self) -> tuple[str, ...]:
        """The Keras generations it runs under, the default first; () for a style without Keras."""
        return tuple(dict.fromkeys(s.keras for s in self.settings if s.keras is not None))

    @property
    def backends(self) -> tuple[str, ...]:
        """The Keras 3 backends it runs on, the default (the one that shares TensorFlow's process) first."""
        return tuple(dict.fromkeys(s.backend for s in self.settings if s.backend is not None))

    @property
    def backends_under(self) -> tuple[str, ...]:
        """The generations that run on `backends`; the others run on TensorFlow only."""
        return tuple(dict.fromkeys(s.keras for s in self.settings if s.backend is not None))

    def setting(self, keras: str | None, backend: str | None = None) -> Setting:
        """The setting `keras` on `backend` (None: the generation's first); ValueError naming what is wrong."""
        under = [s for s in self.settings if s.keras == keras]
        if not under:
            raise ValueError(f"Invalid value for argument `keras` of {self.name}. Expected one of "
                             f"{self.generations or (None,)}. Received: keras={keras!r}")
        found = [s for s in under if backend is None or s.backend == backend]
        if not found:
            raise ValueError(f"Invalid value for argument `backend` of {self.name} under keras={keras!r}. "
                             f"Expected one of {tuple(s.backend for s in under)}. Received: backend={backend!r}")
        return found[0]

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
        object.__setattr__(self, "backend", self.declared.backend)  # frozen: the default filled in, once, here

    @property
    def declared(self) -> Setting:
        """What the style declares about this case's setting."""
        return self.style.setting(self.keras, self.backend)

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
        return self.declared.float32_inside

    @property
    def log_in_float32(self) -> bool:
        """Whether a float64 run of this case logs its loss rounded to float32."""
        return self.float32_inside or self.style.log_dtype == "float32"

    def masked(self, variant: str) -> bool:
        """Whether the framework repairs this wiring's shapes before the loss sees them (Keras 2's compile)."""
        return variant == "buggy" and self.declared.buggy_masked

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
