"""Every style, and every case there is to run: each style under each of its Keras generations and backends.

A Keras 3 backend holds for a whole process, and this one runs TensorFlow's: a case on another backend
(`Case.needs_own_process`) is run by `run_in_own_process`, through `python -m <style> --json` in a process
of its own (`tf_loss_wiring.processes`), and its runs are read back from the JSON.
"""

from __future__ import annotations

import importlib.util

from common.config import Config
from common.record import Run
from common.style import Case
from keras_impl import STYLE as KERAS_IMPL
from tf1_graph import STYLE as TF1_GRAPH
from tf2_eager import STYLE as TF2_EAGER
from tf_loss_wiring import processes

STYLES = (TF1_GRAPH, TF2_EAGER, KERAS_IMPL)
CASES = tuple(Case(style, setting.keras, setting.backend) for style in STYLES for setting in style.settings)
GENERATIONS = KERAS_IMPL.generations
BACKENDS = KERAS_IMPL.backends


def installed_backends() -> list[str]:
    """Keras 3's backends whose framework is installed here, TensorFlow's first (JAX needs Python 3.11 or newer)."""
    return [backend for backend in BACKENDS if importlib.util.find_spec(backend) is not None]


def why_not_here(case: Case) -> str | None:
    """One line saying why `case` cannot run on this machine (its Keras 3 backend is not installed), or None."""
    if case.backend is None or case.backend in installed_backends():
        return None
    return f"{case.label}: not run: {case.backend} is not installed here (pip install -e '.[backends]')"


def names() -> list[str]:
    """What `--styles` accepts: each style's name (all its cases) and each case's label."""
    return list(dict.fromkeys([style.name for style in STYLES] + [case.label for case in CASES]))


def parse(text: str) -> list[Case]:
    """`tf1_graph,keras_impl` (every generation and backend) or `keras_impl[keras3-jax]` (one) → the cases, in order.

    Raises ValueError naming the first unknown item, or when nothing is named.
    """
    chosen: list[Case] = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        matches = [case for case in CASES if item in (case.style.name, case.label)]
        if not matches:
            raise ValueError(f"unknown style {item!r} (choose from {', '.join(names())})")
        chosen += [case for case in matches if case not in chosen]
    if not chosen:
        raise ValueError(f"no style named in {text!r} (choose from {', '.join(names())})")
    return chosen


def config_flags(config: Config) -> list[str]:
    """The command-line flags that make `config` (`--steps=501`, …)."""
    return [f"--{name.replace('_', '-')}={value}" for name, value in config.as_dict().items()]


def argv_of(case: Case, config: Config, variant: str) -> list[str]:
    """`python -m <style> …` (the module and its flags) that runs `case` on `config` with the `variant` wiring."""
    options = [f"--{name}={value}" for name, value in case.options.items()]
    return [case.style.name, *options, *config_flags(config), f"--variant={variant}"]


def run_in_own_process(case: Case, config: Config, variant: str) -> tuple[list[Run], int]:
    """(the runs, the exit status) of `python -m <style>` for `case` in a fresh process, read back from --json.

    The runs keep every step's batch loss (`--batch-losses`); a run that diverged is among them (status 3).
    Raises `processes.Failed` in one line when the process fails otherwise.
    """
    data, status = processes.hand_back(case.label, *argv_of(case, config, variant), "--batch-losses",
                                       backend=case.backend)
    return [Run.from_dict(record, case) for record in data["runs"]], status
