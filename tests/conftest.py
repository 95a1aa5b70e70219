"""Shared by every test: the shrunk protocol, the style matrix, and a cache so each run trains once."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from common import runner
from common.config import QUESTION, Config
from common.reference import REFERENCE
from common.style import Case
from tf_loss_wiring import cases

pytest_plugins = ["pytester"]  # tests/tools/test_watch.py runs a user's suite with the watch's plugin in this process

# The question's data and batching rule on a protocol about 20x cheaper: batches of 1000 quiet SGD's noise
# enough that 501 steps at lr 0.2 bring the fixed wiring within 4e-3 of the ideal and the buggy one within
# 1e-2 of the broken optimum (the numpy reference's figures), inside LEARNED_ATOL and BROKEN_ATOL.
FAST = dataclasses.replace(QUESTION, batch_size=1000, lr=0.2, steps=501, log_every=500)  # 2 evaluations of N^2

# Agreement with the numpy reference needs no convergence: 101 steps of FAST, in both dtypes, on 2500 rows so
# that every third batch is a partial one of 500 (the question's rule `end = min(start + B, N)`).
AGREE = dataclasses.replace(FAST, data_size=2500, steps=101, log_every=20)

ROOT = Path(__file__).resolve().parent.parent


def generations_from_environment() -> list[str]:
    """The Keras generations this session tests: all, unless the CI matrix cell names some (KERAS_GENERATIONS)."""
    chosen = os.environ.get("KERAS_GENERATIONS", ",".join(cases.GENERATIONS)).split(",")
    unknown = [name for name in chosen if name not in cases.GENERATIONS]
    if unknown:  # a typo would otherwise skip that generation's tests without a word
        raise pytest.UsageError(f"KERAS_GENERATIONS: unknown generation {unknown[0]!r} "
                                f"(choose from {', '.join(cases.GENERATIONS)})")
    return chosen


GENERATIONS = generations_from_environment()


def backend_from_environment() -> str | None:
    """The Keras 3 backend a session of its own tests (TF_LOSS_WIRING_TEST_BACKEND); None: this is the main one.

    A backend holds for a whole process, so tests/styles/test_backends.py runs the case-by-case tests once more per
    other backend, each in a pytest process of its own with this variable set, where only that backend's
    cases run.
    """
    backend = os.environ.get(BACKEND_VARIABLE)
    if backend is not None and backend not in cases.BACKENDS[1:]:
        raise pytest.UsageError(f"{BACKEND_VARIABLE}: unknown backend {backend!r} "
                                f"(choose from {', '.join(cases.BACKENDS[1:])})")
    return backend


BACKEND_VARIABLE = "TF_LOSS_WIRING_TEST_BACKEND"
TEST_BACKEND = backend_from_environment()


def in_this_process(case: Case) -> bool:
    """Whether this session runs `case`: the main one every case on TensorFlow's process, a backend's its own."""
    return case.backend == TEST_BACKEND if TEST_BACKEND else not case.needs_own_process


def only_under(generation: str | None):
    """Skip a test of `generation` in a CI cell that tests another Keras generation only."""
    return pytest.mark.skipif(generation is not None and generation not in GENERATIONS,
                              reason=f"KERAS_GENERATIONS={','.join(GENERATIONS)}")


def case_params(wanted=lambda case: True) -> list:
    """Every case as a pytest parameter with a readable id (`keras_impl[tf_keras]`), skipped outside its cell."""
    return [pytest.param(case, id=case.label, marks=only_under(case.keras)) for case in cases.CASES
            if wanted(case) and in_this_process(case)]


CASES = case_params()
ENABLED = [case for case in cases.CASES  # in this CI cell and this process
           if (case.keras is None or case.keras in GENERATIONS) and in_this_process(case)]
REFERENCE_CASE = Case(REFERENCE)


@functools.cache
def trained(case: Case, variant: str, config: Config):
    """Train once per (case, variant, config) for the whole session."""
    return runner.run(case, config, variant)


def reference_of(run):
    """The reference run `run` is held to (its wiring, or the fixed one where masked; its rounded rate)."""
    return trained(REFERENCE_CASE, run.case.trains_like(run.variant), run.case.reference_config(run.config))


background: dict[str, tuple[subprocess.Popen, Path]] = {}


def strict_json(path: Path):
    """The JSON at `path`, refusing what strict parsers refuse and Python's accepts: NaN, Infinity."""

    def refuse(constant):
        raise AssertionError(f"{path.name} holds {constant}, which is not JSON")

    return json.loads(path.read_text(), parse_constant=refuse)


# What TensorFlow's C++ start-up log looks like: none of it may reach a user who did not ask (common/quiet.py).
STARTUP_NOISE = re.compile(r"absl::InitializeLog|oneDNN|cuda|cuInit|cpu_feature_guard|^[IWE]\d{4} ", re.I | re.M)


def startup_noise(text: str) -> list[str]:
    return [line for line in text.splitlines() if STARTUP_NOISE.search(line)]


def python_m(*argv: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    """`python -m ARGV…` in a fresh process, as a user runs it from the checkout."""
    return subprocess.run([sys.executable, "-m", *argv], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env})


# Commands whose output tests only read (the first screens, the watch's scripts, the hazard probe) run beside the
# session, two at a time (the machine has two cores), from the moment their tests are collected; the tests that
# read them run last, so that this session trains and checks in the meantime instead of waiting.
# They run at the lowest priority (NICE), as the backends' sessions do: this session, the longest, keeps a core
# while the rest fills what it leaves.
BESIDE = ThreadPoolExecutor(max_workers=2, thread_name_prefix="beside")
NICE = 19  # the lowest priority: what they get is what the two long ones leave


def lower_priority(process: subprocess.Popen) -> subprocess.Popen:
    with contextlib.suppress(OSError, AttributeError):  # os.setpriority: POSIX only
        os.setpriority(os.PRIO_PROCESS, process.pid, NICE)
    return process


def run_beside(argv: list[str], timeout: float, **popen) -> subprocess.CompletedProcess:
    with lower_priority(subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                         stdin=subprocess.DEVNULL, **popen)) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    return subprocess.CompletedProcess(argv, process.returncode, out, err)


def beside(argv: list[str], *, timeout: float = 300, **popen) -> Future:
    """`argv` run to completion in a process of its own beside the session: a Future of its CompletedProcess."""
    return BESIDE.submit(run_beside, argv, timeout, **popen)


SCRIPT = str(Path(sys.executable).parent / "tf-loss-wiring")  # the console command, as a user runs it
QUIET = {"PYTHONPATH": str(ROOT), "TF_CPP_MIN_LOG_LEVEL": "2"}  # whatever log level the user set, ours
SHARED = Path(tempfile.mkdtemp(prefix="tf-loss-wiring-shared-"))
HAZARDS_JSON, BENCH_JSON = SHARED / "probes.json", SHARED / "bench.json"
# Each run below loads TensorFlow (~11 s of CPU on the slower of this project's machines): one run serves both
# the tests of its tool and its first screen.


@functools.cache
def hazards_run() -> Future:
    """`tf-loss-wiring hazards --json`, once: the fresh probe tests/claims/test_hazards.py holds the tables to, and
    the hazards tool's first screen (tests/project/test_first_screen.py), tf-keras's loading included."""
    return beside([SCRIPT, "hazards", "--json", str(HAZARDS_JSON)], env={**os.environ, **QUIET})


# The bench on a tiny protocol (21 steps on 500 rows): the times mean nothing there, only what is printed and written.
BENCH_TINY = ["--steps", "21", "--data-size", "500", "--batch-size", "100", "--log-every", "10"]


@functools.cache
def bench_run() -> Future:
    """`tf-loss-wiring bench` of both TensorFlow styles and wirings, --repeat 2 --watch --json, once: the table and
    rows tests/tools/test_bench.py reads, and the bench's first screen (tests/project/test_first_screen.py)."""
    return beside([SCRIPT, "bench", "--styles", "tf1_graph,tf2_eager", *BENCH_TINY, "--repeat", "2", "--watch",
                   "--json", str(BENCH_JSON)], env={**os.environ, **QUIET})


def waits_beside(item) -> bool:
    """Whether a test reads what runs beside the session (its module starts it: `in_background()`)."""
    return hasattr(getattr(item, "module", None), "in_background") or \
        getattr(item, "originalname", None) == BACKEND_SESSIONS_TEST


def pytest_collection_modifyitems(config, items):
    """Tests that read what runs beside the session go last; in a backend's own session, only the tests of that
    backend's cases run."""
    items[:] = [item for item in items if not waits_beside(item)] + [item for item in items if waits_beside(item)]
    if not TEST_BACKEND:
        return
    params = {item: getattr(getattr(item, "callspec", None), "params", {}) for item in items}
    kept = [item for item in items if any(isinstance(value, Case) for value in params[item].values())]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


# The backends' own sessions (tests/styles/test_backends.py) start as soon as their test is collected and run beside
# this one.
BACKEND_SESSIONS_TEST = "test_every_case_by_case_check_passes_on_the_backend"
BACKEND_SESSION_FILES = ["styles/test_matrix.py", "styles/test_by_hand.py", "pieces/test_edges.py",
                         "tools/test_guard.py", "claims/test_on_backend.py"]


def start_backend_session(backend: str) -> tuple[subprocess.Popen, Path]:
    """`pytest` on the case-by-case test files, in a process of its own whose Keras 3 runs on `backend`."""
    folder = Path(tempfile.mkdtemp(prefix=f"tf-loss-wiring-{backend}-"))
    process = lower_priority(subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE",
         *(str(ROOT / "tests" / name) for name in BACKEND_SESSION_FILES)],
        stdout=open(folder / "output.txt", "w"), stderr=subprocess.STDOUT, cwd=ROOT,
        # One thread for PyTorch's kernels (OMP_NUM_THREADS): beside this session on two cores its default pool
        # of one thread per core made the torch session take 70-85 s instead of ~20.
        env={**os.environ, "PYTHONPATH": str(ROOT), BACKEND_VARIABLE: backend, "OMP_NUM_THREADS": "1"},
    ))
    return process, folder


def backend_installed(backend: str) -> bool:
    """Whether the package of a Keras 3 backend is installed (JAX needs Python 3.11 or newer)."""
    return importlib.util.find_spec({"jax": "jax", "torch": "torch"}[backend]) is not None


def pytest_collection_finish(session):
    # A test module whose runs are long and need no other test (the watch's scripts) starts them here, beside
    # the session, through its `in_background()`.
    for module in {item.module for item in session.items if hasattr(item, "module")}:
        if hasattr(module, "in_background"):
            module.in_background()
    if not TEST_BACKEND:
        for item in session.items:
            if getattr(item, "originalname", None) == BACKEND_SESSIONS_TEST:
                backend = item.callspec.params["backend"]
                if not backend_installed(backend):
                    continue
                background[f"{BACKEND_SESSIONS_TEST}[{backend}]"] = start_backend_session(backend)


def pytest_sessionfinish(session):
    BESIDE.shutdown(wait=False, cancel_futures=True)
    shutil.rmtree(SHARED, ignore_errors=True)
    for process, folder in background.values():
        if process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def write_notebook(path, *cells, language="python"):
    """A Jupyter notebook (nbformat 4) of these code cells, a markdown cell first, as Jupyter writes it."""
    code = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
             "source": cell.splitlines(keepends=True)} for cell in cells]
    path.write_text(json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# A model"]}, *code],
                                "metadata": {"language_info": {"name": language}}, "nbformat": 4,
                                "nbformat_minor": 5}))
    return path
