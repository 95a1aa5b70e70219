"""The command line every style shares: bad values, the JSON record, and `python -m` end to end."""

from __future__ import annotations

import pytest
from conftest import only_under, python_m, startup_noise, strict_json

from common import cli
from keras_impl import STYLE as KERAS_IMPL
from tf1_graph import STYLE as TF1_GRAPH
from tf_loss_wiring import cases

BAD_VALUES = [
    ("--variant", "sideways"),
    ("--steps", "0"),
    ("--steps", "-3"),
    ("--steps", "ten"),
    ("--batch-size", "0"),
    ("--batch-size", "20000"),  # larger than --data-size
    ("--lr", "0"),
    ("--lr", "-0.01"),
    ("--lr", "nan"),
    ("--lr", "inf"),
    ("--seed", "-1"),
    ("--seed", "4294967296"),
    ("--data-size", "0"),
    ("--dim", "0"),
    ("--log-every", "0"),
    ("--dtype", "float16"),
    ("--json", "/no/such/folder/runs.json"),
]


def usage_error(style, argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(style, argv)
    assert exit_info.value.code == cli.EXIT_USAGE
    return capsys.readouterr().err


@pytest.mark.parametrize("flag, value", [pytest.param(f, v, id=f"{f}={v}") for f, v in BAD_VALUES])
@pytest.mark.parametrize("style", [pytest.param(style, id=style.name) for style in cases.STYLES])
def test_a_bad_value_is_one_line_naming_the_flag_and_the_value(style, flag, value, capsys):
    err = usage_error(style, [flag, value], capsys)
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"argument {flag}" in err and value in err


@only_under("keras3")
def test_an_unknown_keras_generation_is_refused(capsys):
    err = usage_error(KERAS_IMPL, ["--keras", "keras4"], capsys)
    assert err.count("\n") == 1 and "argument --keras" in err and "keras4" in err


def test_the_json_record_holds_every_field(tmp_path, capsys):
    path = tmp_path / "runs.json"
    argv = ["--steps", "21", "--log-every", "10", "--json", str(path)]
    assert cli.main(TF1_GRAPH, argv) == 0
    out = capsys.readouterr().out
    assert out.count("Epoch 0: loss=") == 2 and out.count("verdict:") == 2
    runs = strict_json(path)["runs"]
    assert [r["variant"] for r in runs] == ["buggy", "fixed"]
    for record in runs:
        assert (record["style"], record["masked"]) == ("tf1_graph", False)
        assert record["config"] == {"steps": 21, "batch_size": 100, "lr": 0.01, "seed": 1, "data_size": 10000,
                                    "dim": 10, "log_every": 10, "dtype": "float64"}
        assert len(record["weights"]) == 10 and isinstance(record["bias"], float)
        assert [entry["step"] for entry in record["log"]] == [0, 10, 20]
        assert record["seconds"] > 0 and record["verdict"] in ("learned", "broken", "neither")
        assert record["final_mse"] > 0


@only_under("tf_keras")
def test_keras_records_name_their_generation(tmp_path):
    path = tmp_path / "runs.json"
    argv = ["--keras", "tf_keras", "--variant", "buggy", "--steps", "3", "--json", str(path)]
    assert cli.main(KERAS_IMPL, argv) == 0
    (record,) = strict_json(path)["runs"]
    assert (record["keras"], record["variant"], record["config"]["dtype"]) == ("tf_keras", "buggy", "float32")
    assert record["masked"] is True


def test_python_m_runs_a_style_and_refuses_bad_input_without_a_traceback():
    done = python_m("tf2_eager", "--steps", "11", "--log-every", "5", "--variant", "fixed")
    assert done.returncode == 0, done.stderr
    assert "== tf2_eager · fixed wiring · float64 ==" in done.stdout and "Epoch 10: loss=" in done.stdout
    assert startup_noise(done.stdout + done.stderr) == []
    refused = python_m("keras_impl", "--batch-size", "0")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr == (  # refused before TensorFlow loads, so not one line of its start-up log either
        "python -m keras_impl: error: argument --batch-size: expected a positive integer, received '0'\n"
    )
