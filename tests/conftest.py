"""Shared by every test: the shrunk protocol, the style matrix, and a cache so each run trains once."""

from __future__ import annotations

import dataclasses
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from common import runner
from common.config import QUESTION, Config

# The question's data and batching rule on a protocol about 20x cheaper: batches of 1000 quiet SGD's noise
# enough that 501 steps at lr 0.2 bring the fixed wiring within 4e-3 of the ideal and the buggy one within
# 1e-2 of the broken optimum (the numpy reference's figures), inside LEARNED_ATOL and BROKEN_ATOL.
FAST = dataclasses.replace(QUESTION, batch_size=1000, lr=0.2, steps=501, log_every=500)  # 2 evaluations of N^2

# Agreement with the numpy reference needs no convergence: 101 steps of FAST, in both dtypes.
AGREE = dataclasses.replace(FAST, steps=101)

# The Keras generations this session tests: both unless the CI matrix cell names one (KERAS_GENERATIONS).
GENERATIONS = os.environ.get("KERAS_GENERATIONS", "keras3,tf_keras").split(",")


def only_under(generation: str):
    """Skip a test of `generation` in a CI cell that tests the other Keras generation only."""
    return pytest.mark.skipif(generation not in GENERATIONS, reason=f"KERAS_GENERATIONS={','.join(GENERATIONS)}")


STYLES = [
    pytest.param("tf1_graph", None, id="tf1_graph"),
    pytest.param("tf2_eager", None, id="tf2_eager"),
    pytest.param("keras_impl", "keras3", id="keras_impl[keras3]", marks=only_under("keras3")),
    pytest.param("keras_impl", "tf_keras", id="keras_impl[tf_keras]", marks=only_under("tf_keras")),
]

# Keras 2 expands rank-1 labels to (B, 1) in `compile` for every loss, so its buggy wiring never broadcasts.
MASKED = {("keras_impl", "tf_keras", "buggy")}


@functools.cache
def trained(style: str, keras: str | None, variant: str, config: Config):
    """Train once per (style, generation, variant, config) for the whole session."""
    return runner.run(style, config, variant, **({"keras": keras} if keras else {}))


def style_config(style: str, base: Config = FAST) -> Config:
    """`base` in the style's default dtype (float64 for the TF styles, float32 for Keras)."""
    return dataclasses.replace(base, dtype=runner.load_style(style).DEFAULT_DTYPE)


# tf-keras's `train_on_batch` builds a tf.data iterator at every call (~6 ms): its one full-protocol run takes
# a minute. It trains through `python -m keras_impl` in a second process, started as soon as its test is
# collected, while this process runs everything else.
FULL_TF_KERAS_TEST = "test_tf_keras_fixed_learns_on_the_full_protocol"
FULL_TF_KERAS_ARGV = ["keras_impl", "--keras", "tf_keras", "--variant", "fixed"]
background: dict[str, tuple[subprocess.Popen, Path]] = {}


def pytest_collection_finish(session):
    if "tf_keras" in GENERATIONS and any(item.name == FULL_TF_KERAS_TEST for item in session.items):
        folder = Path(tempfile.mkdtemp(prefix="tf-loss-wiring-"))
        process = subprocess.Popen(
            [sys.executable, "-m", *FULL_TF_KERAS_ARGV, "--json", str(folder / "runs.json")],
            stdout=subprocess.DEVNULL, stderr=open(folder / "stderr.txt", "w"),
            # One TensorFlow thread each way: a (100, 10) model gains nothing from more (16% faster measured).
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
                 "TF_NUM_INTEROP_THREADS": "1", "TF_NUM_INTRAOP_THREADS": "1"},
        )
        background[FULL_TF_KERAS_TEST] = (process, folder)


def pytest_sessionfinish(session):
    for process, folder in background.values():
        if process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)
