"""The hard edges: divergence, determinism, interruption, and nothing asked for lost on the way."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
import types

import numpy as np
import pytest
from conftest import CASES, FAST, ROOT, strict_json

from common import cli, runner
from common.config import QUESTION
from common.data import make_dataset
from common.style import Case
from tf1_graph import STYLE as TF1_GRAPH
from tf2_eager import STYLE as TF2_EAGER


def argv_of(case: Case) -> list[str]:
    """`--keras …` and `--backend …` as the case's options say."""
    return [f"--{name}={value}" for name, value in case.options.items()]


@pytest.mark.parametrize("case", CASES)
def test_a_diverging_run_stops_at_the_first_non_finite_loss_and_is_still_recorded(case, tmp_path, capsys):
    path = tmp_path / "runs.json"
    argv = [*argv_of(case), "--lr", "50", "--steps", "2000", "--variant", "fixed", "--json", str(path)]
    assert cli.main(case.style, argv) == cli.EXIT_DIVERGED
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "diverged at step" in err[0] and "loss=" in err[0]
    (record,) = strict_json(path)["runs"]  # the non-finite loss is written as null
    assert record["verdict"] == "diverged" and record["diverged_at"]["loss"] is None
    step = record["diverged_at"]["step"]
    assert 0 < step < 2000 and f"step {step}:" in err[0]
    assert all(entry["step"] < step for entry in record["log"])


def test_a_diverged_run_does_not_stop_the_runs_asked_for_after_it(tmp_path, capsys):
    path = tmp_path / "runs.json"
    status = cli.main(TF2_EAGER, ["--lr", "50", "--steps", "300", "--log-every", "100", "--json", str(path)])
    assert status == cli.EXIT_DIVERGED
    out, err = capsys.readouterr()
    assert out.count("wiring · float64 ==") == 2 and out.count("verdict: diverged") == 2
    assert len(err.splitlines()) == 2  # one line per diverged run
    assert [(r["variant"], r["verdict"]) for r in strict_json(path)["runs"]] == [
        ("buggy", "diverged"), ("fixed", "diverged")]


@pytest.mark.parametrize("case", CASES)
def test_two_runs_with_the_same_configuration_are_bit_identical(case):
    config = dataclasses.replace(FAST, steps=101, dtype="float32")
    first, second = (runner.run(case, config, "buggy") for _ in range(2))
    assert first.weights == second.weights and first.bias == second.bias
    assert first.log == second.log and first.batch_losses == second.batch_losses


def test_ctrl_c_keeps_the_finished_runs_and_exits_cleanly(tmp_path, capsys, monkeypatch):
    real_run = runner.run

    def interrupted_second_run(case, config, variant, **options):
        if variant == "fixed":
            raise KeyboardInterrupt
        return real_run(case, config, variant, **options)

    monkeypatch.setattr(runner, "run", interrupted_second_run)
    path = tmp_path / "runs.json"
    assert cli.main(TF2_EAGER, ["--steps", "5", "--json", str(path)]) == cli.EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert err.strip() == "python -m tf2_eager: interrupted, 1 finished run(s) kept" and "Traceback" not in err
    assert [r["variant"] for r in strict_json(path)["runs"]] == ["buggy"]


def test_an_unwritable_json_path_is_refused_before_any_training(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(runner, "run", lambda *a, **k: pytest.fail("trained before refusing the --json path"))
    with pytest.raises(SystemExit) as exit_info:
        cli.main(TF1_GRAPH, ["--json", str(tmp_path)])  # a folder
    assert exit_info.value.code == cli.EXIT_USAGE
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("style", [TF1_GRAPH, TF2_EAGER], ids=lambda style: style.name)
def test_the_blocked_broadcast_evaluation_equals_the_direct_one(style):
    """The style's logged full-data loss (its own op, over row blocks) against the N x N matrix in numpy."""
    config = dataclasses.replace(QUESTION, data_size=3000, steps=7, log_every=6)  # 3 blocks of <= 1398 rows
    run = runner.run(Case(style), config, "buggy")
    X, Y = make_dataset(config)
    p = X @ np.asarray(run.weights) + run.bias
    direct = np.mean((p[:, None] - Y[None, :]) ** 2)
    assert run.log[-1]["step"] == 6
    assert run.log[-1]["loss"] == pytest.approx(direct, rel=1e-6)  # TF1's loss op sums in float32
    assert run.log[-1]["loss"] >= np.var(Y)


def wait_for_line(stream, prefix: str, process: subprocess.Popen, seconds: float) -> None:
    """Read `stream` until a line starts with `prefix`; fail, not hang, if the process ends or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = stream.readline()
        if line.startswith(prefix):
            return
        if not line and process.poll() is not None:
            pytest.fail(f"the process ended (status {process.returncode}) before printing {prefix!r}")
    pytest.fail(f"no line starting with {prefix!r} within {seconds} s")


def test_a_ctrl_c_that_python_swallowed_still_stops_the_run_at_its_next_step(monkeypatch, capsys):
    """Python raises KeyboardInterrupt wherever the main thread is; in a garbage collector's callback (JAX has one)
    it is only reported ("Exception ignored …") and training went on. Here the report is made as Python makes it,
    during a run: nothing is printed for it, and the run stops at its next step."""
    real_run = runner.run

    def swallowed(case, config, variant, **options):
        cli.monitor.INTERRUPTED.set()
        sys.unraisablehook(types.SimpleNamespace(exc_type=KeyboardInterrupt, exc_value=KeyboardInterrupt(),
                                                 exc_traceback=None, err_msg="Exception ignored in", object=None))
        return real_run(case, config, variant, **options)

    reported = []  # what Python's hook would print: "Exception ignored in: …" and a traceback
    monkeypatch.setattr(sys, "unraisablehook", reported.append)
    monkeypatch.setattr(runner, "run", swallowed)
    assert cli.main(TF2_EAGER, ["--steps", "5", "--log-every", "1", "--variant", "fixed"]) == cli.EXIT_INTERRUPTED
    out, err = capsys.readouterr()
    assert err.strip() == "python -m tf2_eager: interrupted" and "Epoch 0" not in out and reported == []
    assert not cli.monitor.INTERRUPTED.is_set()  # and the next run is not interrupted by it


@pytest.mark.parametrize("interrupted", [True, False])
def test_ctrl_c_a_library_turned_into_its_own_error_is_still_an_interrupt(monkeypatch, capsys, interrupted):
    """TensorFlow turns a KeyboardInterrupt raised in numpy's __array__, while it binds a tf.function's inputs,
    into a TypeError: after Ctrl-C that is the interrupt (one line, status 130); without one, the error itself."""
    def wrapped(case, config, variant, **options):
        if interrupted:
            cli.monitor.INTERRUPTED.set()
        raise TypeError("Binding inputs to tf.function failed due to `__array__` returning with an exception set")

    monkeypatch.setattr(runner, "run", wrapped)
    argv = ["--steps", "5", "--variant", "fixed"]
    if interrupted:
        assert cli.main(TF2_EAGER, argv) == cli.EXIT_INTERRUPTED
        assert capsys.readouterr().err.strip() == "python -m tf2_eager: interrupted"
    else:
        with pytest.raises(TypeError, match="Binding inputs"):
            cli.main(TF2_EAGER, argv)
    assert not cli.monitor.INTERRUPTED.is_set()


def test_ctrl_c_in_a_real_process_is_one_line_and_status_130(tmp_path):
    path, err_path = tmp_path / "runs.json", tmp_path / "stderr.txt"
    argv = ["--variant", "fixed", "--steps", "10000000", "--log-every", "100", "--json", str(path)]
    with open(err_path, "w") as err_file, subprocess.Popen(
        [sys.executable, "-m", "tf2_eager", *argv],
        stdout=subprocess.PIPE, stderr=err_file, text=True,  # stderr to a file: it can never fill a pipe
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a shell's `&` would ignore it
    ) as process:
        try:
            wait_for_line(process.stdout, "Epoch 100:", process, seconds=120)
            process.send_signal(signal.SIGINT)
            process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
    err = err_path.read_text()
    assert process.returncode == cli.EXIT_INTERRUPTED, err
    assert err.splitlines()[-1] == "python -m tf2_eager: interrupted" and "Traceback" not in err
    assert strict_json(path) == {"runs": []}
