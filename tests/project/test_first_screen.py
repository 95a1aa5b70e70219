"""A clean first screen: no entry module or subcommand prints TensorFlow's C++ start-up or CUDA lines.

Each command runs as a user runs it, in a process of its own, beside the session (conftest's `beside`);
`--verbose` lets the lines through again.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import subprocess
import sys
from concurrent.futures import Future

import pytest
from conftest import QUIET, ROOT, SCRIPT, bench_run, beside, hazards_run, only_under, startup_noise

SHORT = ["--steps", "3", "--log-every", "1"]
COMMANDS = {
    "python -m tf1_graph": [sys.executable, "-m", "tf1_graph", *SHORT],
    "python -m keras_impl": None,  # its fixed wiring with nothing of the user's set, as under the settings below
    # a few styles each (every one loads TensorFlow or its backend the same way), one on PyTorch in its own process,
    # under a KERAS_BACKEND of the user's (test_the_tools_say_in_one_line_that_they_override_a_users_keras_backend)
    "tf-loss-wiring compare": [SCRIPT, "compare", *SHORT, "--styles", "tf1_graph,keras_impl[keras3-torch]",
                               "--variant", "fixed"],
    "tf-loss-wiring bench": None,  # conftest's bench_run(), whose table tests/tools/test_bench.py reads
    "tf-loss-wiring hazards": None,  # conftest's hazards_run(), whose probe tests/claims/test_hazards.py reads
}
# (python -m tf2_eager is held to the same in test_cli.py, which runs it anyway; tf-keras loads in the hazards probe.)


def in_background() -> None:
    started()


@functools.cache
def started() -> tuple[dict[str, Future], dict[str, Future]]:
    """Every command, `python -m keras_impl` under each user setting, and the runs of the tests below them,
    started beside the session."""
    base = {key: value for key, value in os.environ.items()
            if key not in ("TF_CPP_MIN_LOG_LEVEL", "KERAS_BACKEND", "TF_USE_LEGACY_KERAS")}
    keras_impl = [sys.executable, "-m", "keras_impl", *SHORT, "--variant", "fixed"]
    settings = {name: beside(keras_impl, env={**base, "PYTHONPATH": str(ROOT), **USER_SETTINGS.get(name, {})})
                for name in ["nothing set", *USER_SETTINGS]}
    commands = {name: beside(argv, env={**os.environ, **QUIET, "KERAS_BACKEND": "jax"})
                for name, argv in COMMANDS.items() if argv}
    commands["tf-loss-wiring hazards"], commands["tf-loss-wiring bench"] = hazards_run(), bench_run()
    commands["python -m keras_impl"] = settings["nothing set"]
    commands["--verbose"] = beside([sys.executable, "-m", "tf2_eager", *SHORT, "--variant", "fixed", "--verbose"],
                                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    return commands, settings


@pytest.fixture(scope="module")
def outputs() -> dict[str, subprocess.CompletedProcess]:
    return {name: future.result() for name, future in started()[0].items()}


@pytest.mark.parametrize("name", [pytest.param(name, marks=only_under("keras3") if "keras" in name else ())
                                  for name in COMMANDS])
def test_no_startup_lines_before_or_among_ours(name, outputs):
    result = outputs[name]
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "printed nothing"
    assert startup_noise(result.stdout + result.stderr) == []


def test_verbose_lets_them_through(outputs):
    done = outputs["--verbose"]
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


# What users commonly have set; each run of `python -m keras_impl` (TensorFlow and Keras 3 load) and of the
# hazards tool's start must stay ours, and `TF_CPP_MIN_LOG_LEVEL=3` never louder than nothing set.
USER_SETTINGS = {
    "TF_CPP_MIN_LOG_LEVEL=3": {"TF_CPP_MIN_LOG_LEVEL": "3"},
    "KERAS_BACKEND=jax": {"KERAS_BACKEND": "jax"},
    "TF_USE_LEGACY_KERAS=1": {"TF_USE_LEGACY_KERAS": "1"},
    # three that should change nothing we print, in one run (each run loads TensorFlow: ~11 s of CPU on the slower
    # of this project's machines)
    "CUDA_VISIBLE_DEVICES= JAX_ENABLE_X64=1 OMP_NUM_THREADS=1": {"CUDA_VISIBLE_DEVICES": "", "JAX_ENABLE_X64": "1",
                                                               "OMP_NUM_THREADS": "1"},
}


@pytest.fixture(scope="module")
def under_user_settings() -> dict[str, subprocess.CompletedProcess]:
    return {name: future.result() for name, future in started()[1].items()}


@only_under("keras3")
@pytest.mark.parametrize("name", list(USER_SETTINGS))
def test_a_users_own_settings_keep_the_first_screen_ours(name, under_user_settings):
    result, plain = under_user_settings[name], under_user_settings["nothing set"]
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert startup_noise(result.stdout + result.stderr) == []
    # The user's KERAS_BACKEND is honoured as `python -m keras_impl`'s default backend where it is installed;
    # where it is not (JAX on Python 3.10), one line says so.
    honoured = name == "KERAS_BACKEND=jax" and importlib.util.find_spec("jax") is not None
    said = name == "KERAS_BACKEND=jax" and not honoured
    assert len(result.stderr.splitlines()) <= len(plain.stderr.splitlines()) + said
    setting = "keras3-jax" if honoured else "keras3"
    assert result.stdout.startswith(f"== keras_impl · {setting} · fixed wiring · float32 ==\n")


def test_the_tools_say_in_one_line_that_they_override_a_users_keras_backend(outputs):
    """And, where PyTorch is not installed (Python 3.10 here), one more line says its run did not run."""
    done = outputs["tf-loss-wiring compare"]
    torch = importlib.util.find_spec("torch") is not None
    assert done.returncode == 0 and "tf1_graph-fixed" in done.stdout
    assert ("keras_impl[keras3-torch]-fixed" in done.stdout) == torch, done.stdout
    assert done.stderr == ("tf-loss-wiring compare: KERAS_BACKEND=jax is overridden: Keras 3 runs on TensorFlow in "
                           "this process, and on each other backend in a process of its own\n" +
                           ("" if torch else "tf-loss-wiring compare: keras_impl[keras3-torch]: not run: torch is not "
                            "installed here (pip install -e '.[backends]')\n"))
