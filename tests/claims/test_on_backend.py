"""What holds only on a Keras 3 backend other than TensorFlow; run in that backend's own session (test_backends.py).

`python -m keras_impl --backend B` prints buggy then fixed with their verdicts and never loads TensorFlow; a
float64 run is one (JAX: 64-bit mode on for the run, then as it was) and leaves Keras's floatx alone; and the
float32 rounding inside a float64 run that the style declares is Keras's `ops.mean`, pinned down here.
"""

from __future__ import annotations

import dataclasses
import sys

import numpy as np
import pytest
from conftest import AGREE, FAST, TEST_BACKEND, case_params, reference_of, trained

from common import checks, cli
from common.data import make_dataset
from common.monitor import Monitor
from keras_impl import STYLE
from keras_impl import experiment as keras_impl

pytestmark = pytest.mark.skipif(TEST_BACKEND is None, reason="runs in a backend's own session: test_backends.py")
BACKEND_CASES = case_params(lambda case: case.needs_own_process)


@pytest.mark.parametrize("case", BACKEND_CASES)
def test_python_m_keras_impl_prints_buggy_then_fixed_with_their_verdicts_and_loads_no_tensorflow(case, capsys):
    flags = [f"--{name.replace('_', '-')}={value}" for name, value in FAST.as_dict().items() if name != "dtype"]
    assert cli.main(STYLE, ["--backend", case.backend, *flags]) == 0
    out = capsys.readouterr().out
    headers = [line for line in out.splitlines() if line.startswith("== ")]
    assert headers == [f"== keras_impl · keras3-{case.backend} · {variant} wiring · float32 =="
                       for variant in ("buggy", "fixed")]
    verdicts = [line.split()[1] for line in out.splitlines() if line.startswith("verdict:")]
    assert verdicts == ["broken", "learned"]
    assert "tensorflow" not in sys.modules, "a JAX or PyTorch run loaded TensorFlow"


@pytest.mark.parametrize("case", BACKEND_CASES)
def test_a_float64_run_is_one_and_leaves_the_process_as_it_was(case):
    """The weights come back float64 (on JAX, without 64-bit mode, they would be float32) and agree with the
    float64 reference to the tolerance for a float64 run with float32 rounding inside."""
    keras = keras_impl.keras_module("keras3", case.backend)
    x64 = jax_x64()
    config = dataclasses.replace(AGREE, dtype="float64")
    X, Y = make_dataset(config)
    W, b = keras_impl.train(config, "fixed", X, Y, Monitor(config), keras="keras3", backend=case.backend)
    assert W.dtype == b.dtype == np.float64
    run = trained(case, "fixed", config)
    ref = reference_of(run)
    diff = checks.distance(run.weights, run.bias, (np.asarray(ref.weights), ref.bias))
    print(f"{run.label} float64: max |difference| from {ref.label} = {diff:.3g}")
    assert diff <= checks.FLOAT32_INSIDE_ATOL and case.float32_inside
    assert keras.config.floatx() == "float32" and jax_x64() == x64


@pytest.mark.parametrize("case", BACKEND_CASES)
def test_keras_ops_mean_of_float64_computes_in_float32_on_this_backend(case):
    """Why a float64 run here rounds to float32 inside: both wirings' mean goes through `keras.ops.mean`."""
    keras = keras_impl.keras_module("keras3", case.backend)
    values = np.full(9, 0.09)
    with keras_impl.in_dtype(keras, "float64"):
        mean = keras.ops.mean(keras.ops.convert_to_tensor(values))
        summed = keras.ops.sum(keras.ops.convert_to_tensor(values)) / 9
    assert keras.backend.standardize_dtype(mean.dtype) == "float64"
    assert float(mean) != 0.09 and float(mean) == pytest.approx(0.09, rel=checks.FLOAT32_ATOL)
    assert float(summed) == pytest.approx(0.09, rel=1e-15)  # the same arithmetic in float64


def jax_x64() -> bool | None:
    """JAX's 64-bit mode, when JAX is loaded."""
    return sys.modules["jax"].config.jax_enable_x64 if "jax" in sys.modules else None


@pytest.mark.parametrize("case", case_params(lambda case: case.backend == "torch"))
def test_pytorch_is_a_build_without_cuda(case):
    """The install must not pull a CUDA build of PyTorch (gigabytes of nvidia-* wheels on a machine without a GPU)."""
    import torch

    assert torch.version.cuda is None, f"torch {torch.__version__} is built for CUDA {torch.version.cuda}"
