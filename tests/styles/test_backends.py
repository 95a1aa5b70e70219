"""Keras 3 on JAX and PyTorch: each backend's case-by-case tests in a process of its own, and what refuses to mix.

A Keras 3 backend is read when `keras` is imported and holds for the whole process; this session's Keras runs
on TensorFlow. So the style matrix, the agreement with the numpy reference in both dtypes, the SGD by hand,
divergence, determinism, the guard and tests/claims/test_on_backend.py run once more per other backend, in a pytest
process of its own (started beside this session as soon as this test is collected; see conftest.py).
"""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import AGREE, BACKEND_SESSIONS_TEST, TEST_BACKEND, backend_installed, background, only_under

from common import cli, runner
from common.style import Case
from keras_impl import STYLE
from tf_loss_wiring import cases

OTHER_BACKENDS = [pytest.param(backend, marks=pytest.mark.skipif(
    not backend_installed(backend), reason=f"{backend} is not installed here (jax[cpu] needs Python 3.11 or newer)"))
    for backend in cases.BACKENDS[1:]]
BACKEND_SESSION_TIMEOUT = 600  # seconds; each takes ~20 s alone on two cores

pytestmark = [only_under("keras3"),
              pytest.mark.skipif(TEST_BACKEND is not None, reason="run by the main session only")]


@pytest.mark.parametrize("backend", OTHER_BACKENDS)
def test_every_case_by_case_check_passes_on_the_backend(backend):
    process, folder = background[f"{BACKEND_SESSIONS_TEST}[{backend}]"]
    try:
        process.wait(timeout=BACKEND_SESSION_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the {backend} session took more than {BACKEND_SESSION_TIMEOUT} s")
    output = (folder / "output.txt").read_text()
    print(output)
    assert process.returncode == 0, f"the {backend} session failed:\n{output[-4000:]}"
    passed = int(re.search(r"(\d+) passed", output).group(1))
    # the matrix 8 (2 verdicts, 4 agreements, 2 logs), by hand 2, edges 2, guard 2, test_on_backend.py 3
    assert passed >= 17 and "error" not in output.strip().splitlines()[-1], output[-2000:]


@pytest.mark.parametrize("backend", OTHER_BACKENDS)
def test_a_case_on_another_backend_is_refused_in_this_process(backend):
    """This process's Keras runs on TensorFlow: a case on JAX or PyTorch here would silently run on TensorFlow."""
    Case(STYLE, "keras3").load()  # as every keras3 test before this one does
    with pytest.raises(RuntimeError, match=f"runs on the tensorflow backend in this process and cannot switch to "
                                           f"backend='{backend}'"):
        runner.run(Case(STYLE, "keras3", backend), AGREE, "fixed")


def test_a_backend_under_keras_2_is_refused_naming_both_flags(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(STYLE, ["--keras", "tf_keras", "--backend", "jax"])
    assert exit_info.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err == ("python -m keras_impl: error: argument --backend: --keras tf_keras runs on TensorFlow only; "
                   "backends are for --keras keras3 (received --backend jax)\n")


def test_every_backend_is_a_case_with_its_own_label():
    labels = [case.label for case in cases.parse("keras_impl")]
    assert labels == ["keras_impl[keras3]", "keras_impl[keras3-jax]", "keras_impl[keras3-torch]",
                      "keras_impl[tf_keras]"]
    assert Case(STYLE, "keras3") == Case(STYLE, "keras3", "tensorflow")  # the default backend keeps its name
    assert [case.needs_own_process for case in cases.parse("keras_impl")] == [False, True, True, False]
    with pytest.raises(ValueError, match=r"`backend` of keras_impl under keras='tf_keras'.*Received: backend='jax'"):
        Case(STYLE, "tf_keras", "jax")
