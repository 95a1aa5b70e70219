"""Every style, and every case there is to run: each style under each of its Keras generations and backends.

A Keras 3 backend holds for a whole process, and this one runs TensorFlow's: a case on another backend
(`Case.needs_own_process`) is run by `run_in_own_process`, through `python -m <style> --json` in a process
of its own, and its runs are read back from the JSON.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common.config import Config
from common.record import Run
from common.style import Case
from keras_impl import STYLE as KERAS_IMPL
from tf1_graph import STYLE as TF1_GRAPH
from tf2_eager import STYLE as TF2_EAGER

STYLES = (TF1_GRAPH, TF2_EAGER, KERAS_IMPL)
CASES = tuple(
    Case(style, keras, backend)
    for style in STYLES
    for keras in (style.generations or (None,))
    for backend in (style.backends if keras in style.backends_under else (None,))
)
GENERATIONS = KERAS_IMPL.generations
BACKENDS = KERAS_IMPL.backends
OWN_PROCESS_TIMEOUT = 3600  # seconds: the question's protocol takes under a minute per run on any backend


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


def argv_of(case: Case, config: Config, variant: str) -> list[str]:
    """`python -m <style> …` flags that run `case` on `config` with the `variant` wiring (or `both`)."""
    options = [f"--{name}={value}" for name, value in case.options.items()]
    settings = [f"--{name.replace('_', '-')}={value}" for name, value in config.as_dict().items()]
    return ["-m", case.style.name, *options, *settings, f"--variant={variant}"]


def run_in_own_process(case: Case, config: Config, variant: str) -> tuple[list[Run], int]:
    """(the runs, the exit status) of `python -m <style>` for `case` in a fresh process, read back from --json.

    The runs keep every step's batch loss (`--batch-losses`); a run that diverged is among them (status 3).
    Raises RuntimeError with the end of its error output when the process fails otherwise.
    """
    with tempfile.TemporaryDirectory(prefix="tf-loss-wiring-") as folder:
        path = Path(folder) / "runs.json"
        argv = [sys.executable, *argv_of(case, config, variant), "--batch-losses", "--json", str(path)]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=OWN_PROCESS_TIMEOUT,
                              env={**os.environ, "PYTHONPATH": search_path(case)})
        if not path.exists():
            tail = "\n".join(done.stderr.strip().splitlines()[-5:])
            raise RuntimeError(f"{case.label} in its own process failed (status {done.returncode}):\n{tail}")
        records = json.loads(path.read_text())["runs"]
    return [Run.from_dict(record, case) for record in records], done.returncode


def search_path(case: Case) -> str:
    """PYTHONPATH for a process that imports the style from where this one found it, installed or not."""
    package = Path(importlib.util.find_spec(case.style.name).origin).parent
    return os.pathsep.join(filter(None, [str(package.parent), os.environ.get("PYTHONPATH")]))
