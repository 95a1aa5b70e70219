"""The hard edges: divergence, determinism, interruption, and nothing asked for lost on the way."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys

import numpy as np
import pytest
from conftest import FAST, STYLES

from common import cli, runner
from common.config import QUESTION
from common.data import make_dataset

ARGV_OF = {"tf1_graph": [], "tf2_eager": [], "keras3": ["--keras", "keras3"], "tf_keras": ["--keras", "tf_keras"]}


def command(style: str, keras: str | None) -> tuple[str, list[str]]:
    return style, ARGV_OF[keras or style]


@pytest.mark.parametrize("style, keras", STYLES)
def test_a_diverging_run_stops_at_the_first_non_finite_loss_and_is_still_recorded(style, keras, tmp_path, capsys):
    path = tmp_path / "runs.json"
    name, argv = command(style, keras)
    status = cli.main(name, [*argv, "--lr", "50", "--steps", "2000", "--variant", "fixed", "--json", str(path)])
    assert status == cli.EXIT_DIVERGED
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "diverged at step" in err[0] and "loss=" in err[0]
    (record,) = json.loads(path.read_text())["runs"]
    assert record["verdict"] == "diverged"
    step = record["diverged_at"]["step"]
    assert 0 < step < 2000 and f"step {step}:" in err[0]
    assert all(entry["step"] < step for entry in record["log"])


@pytest.mark.parametrize("style, keras", STYLES)
def test_two_runs_with_the_same_configuration_are_bit_identical(style, keras):
    config = dataclasses.replace(FAST, steps=101, dtype="float32")
    options = {"keras": keras} if keras else {}
    first, second = (runner.run(style, config, "buggy", **options) for _ in range(2))
    assert first.weights == second.weights and first.bias == second.bias
    assert first.log == second.log


def test_ctrl_c_keeps_the_finished_runs_and_exits_cleanly(tmp_path, capsys, monkeypatch):
    real_run = runner.run

    def interrupted_second_run(style, config, variant, **options):
        if variant == "fixed":
            raise KeyboardInterrupt
        return real_run(style, config, variant, **options)

    monkeypatch.setattr(runner, "run", interrupted_second_run)
    path = tmp_path / "runs.json"
    assert cli.main("tf2_eager", ["--steps", "5", "--json", str(path)]) == cli.EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert err.strip() == "python -m tf2_eager: interrupted, 1 finished run(s) kept" and "Traceback" not in err
    assert [r["variant"] for r in json.loads(path.read_text())["runs"]] == ["buggy"]


def test_an_unwritable_json_path_is_refused_before_any_training(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(runner, "run", lambda *a, **k: pytest.fail("trained before refusing the --json path"))
    with pytest.raises(SystemExit) as exit_info:
        cli.main("tf1_graph", ["--json", str(tmp_path)])  # a folder
    assert exit_info.value.code == cli.EXIT_USAGE
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("style", ["tf1_graph", "tf2_eager"])
def test_the_blocked_broadcast_evaluation_equals_the_direct_one(style):
    """The style's logged full-data loss (its own op, over row blocks) against the N x N matrix in numpy."""
    config = dataclasses.replace(QUESTION, data_size=3000, steps=7, log_every=6)  # 3 blocks of <= 1398 rows
    run = runner.run(style, config, "buggy")
    X, Y = make_dataset(config)
    p = X @ np.asarray(run.weights) + run.bias
    direct = np.mean((p[:, None] - Y[None, :]) ** 2)
    assert run.log[-1]["step"] == 6
    assert run.log[-1]["loss"] == pytest.approx(direct, rel=1e-6)  # TF1's loss op sums in float32
    assert run.log[-1]["loss"] >= np.var(Y)


def test_ctrl_c_in_a_real_process_is_one_line_and_status_130(tmp_path):
    path = tmp_path / "runs.json"
    argv = ["--variant", "fixed", "--steps", "10000000", "--log-every", "100", "--json", str(path)]
    with subprocess.Popen(
        [sys.executable, "-m", "tf2_eager", *argv],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a shell's `&` would ignore it
    ) as process:
        while not process.stdout.readline().startswith("Epoch 100:"):
            pass
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    assert process.returncode == cli.EXIT_INTERRUPTED
    assert err.splitlines()[-1] == "python -m tf2_eager: interrupted" and "Traceback" not in err
    assert json.loads(path.read_text()) == {"runs": []}


def test_the_benchmark_prints_its_table(capsys):
    from common import bench

    assert bench.main(["--steps", "11", "--log-every", "5", "--variant", "fixed"]) == 0
    out = capsys.readouterr().out
    for name in ("tf1_graph", "tf2_eager", "keras_impl[keras3]", "keras_impl[tf_keras]", "numpy"):
        assert name in out
    assert "× numpy" in out and "peak MiB" in out
