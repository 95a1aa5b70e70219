"""A clean first screen: no entry module or subcommand prints TensorFlow's C++ start-up or CUDA lines.

Each command runs as a user runs it, in a process of its own (they run side by side to save time); `--verbose`
lets the lines through again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, only_under, startup_noise

SCRIPT = str(Path(sys.executable).parent / "tf-loss-wiring")
SHORT = ["--steps", "3", "--log-every", "1"]
COMMANDS = {
    "python -m tf1_graph": [sys.executable, "-m", "tf1_graph", *SHORT],
    "python -m keras_impl": [sys.executable, "-m", "keras_impl", *SHORT],
    # a few styles each (every one loads TensorFlow or its backend the same way), one on PyTorch in its own process
    "tf-loss-wiring compare": [SCRIPT, "compare", *SHORT, "--styles", "tf1_graph,keras_impl[keras3-torch]"],
    "tf-loss-wiring bench": [SCRIPT, "bench", *SHORT, "--styles", "tf2_eager,keras_impl[tf_keras]"],
    "tf-loss-wiring hazards": [SCRIPT, "hazards"],
}
# (python -m tf2_eager is held to the same in test_cli.py, python -m keras_impl --keras tf_keras in
# test_question.py: they run there anyway.)


@pytest.fixture(scope="module")
def outputs() -> dict[str, subprocess.CompletedProcess]:
    """Every command's output, two at a time (the machine has two cores)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TF_CPP_MIN_LOG_LEVEL": "2"}
    done, names = {}, list(COMMANDS)
    for pair in (names[i:i + 2] for i in range(0, len(names), 2)):
        running = {name: subprocess.Popen(COMMANDS[name], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                          env=env) for name in pair}
        for name, process in running.items():
            out, err = process.communicate(timeout=300)
            done[name] = subprocess.CompletedProcess(process.args, process.returncode, out, err)
    return done


@pytest.mark.parametrize("name", [pytest.param(name, marks=only_under("keras3") if "keras" in name else ())
                                  for name in COMMANDS])
def test_no_startup_lines_before_or_among_ours(name, outputs):
    result = outputs[name]
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "printed nothing"
    assert startup_noise(result.stdout + result.stderr) == []


def test_verbose_lets_them_through():
    done = subprocess.run([sys.executable, "-m", "tf2_eager", *SHORT, "--variant", "fixed", "--verbose"],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0 and startup_noise(done.stderr) != []


def test_a_log_level_of_the_users_own_lets_them_through(monkeypatch):
    from common import quiet

    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "0")
    assert quiet.user_chose_logging()
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", quiet.QUIET_LEVEL)
    assert not quiet.user_chose_logging()


def test_what_is_held_back_and_what_is_not():
    from common.quiet import is_startup_noise

    held_back = [
        "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
        "I0000 00:00:1796013567.476426    2189 port.cc:153] oneDNN custom operations are on.",
        "I0000 00:00:1796013567.476750    2189 cudart_stub.cc:31] Could not find cuda drivers on your machine",
        "E0000 00:00:1796013569.391476    2189 cuda_platform.cc:52] failed call to cuInit: INTERNAL: CUDA error",
        "2026-11-30 05:14:58.800541: I external/local_tsl/tsl/cuda/cudart_stub.cc:32] Could not find cuda drivers",
        "2026-11-30 05:15:01.299676: W tensorflow/compiler/tf2tensorrt/utils/py_utils.cc:38] TF-TRT Warning: …",
        "2026-11-30 06:12:56.853901: E external/local_xla/xla/stream_executor/cuda/cuda_fft.cc:477] Unable to "
        "register cuFFT factory: Attempting to register factory for plugin cuFFT when one has already been registered",
        "E0000 00:00:1796019176.866350   23056 cuda_dnn.cc:8310] Unable to register cuDNN factory: Attempting to …",
    ]
    let_through = [
        "E0000 00:00:1796013569.391476    2189 op_kernel.cc:1857] OP_REQUIRES failed: INVALID_ARGUMENT",
        "2026-11-30 05:15:01.299676: E tensorflow/core/framework/op_kernel.cc:1857] OP_REQUIRES failed: …",
        "/x/keras/src/losses/loss.py:12: UserWarning: something a user should read",
        "Traceback (most recent call last):",
    ]
    assert all(map(is_startup_noise, held_back))
    assert not any(map(is_startup_noise, let_through))
