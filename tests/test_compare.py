"""`python -m common.compare`: the table, the JSON, the code side by side, the plot, and its refusals."""

from __future__ import annotations

import json

import pytest
from conftest import only_under

from common import compare

SMALL = ["--steps", "21", "--log-every", "10"]


def refused(argv, capsys) -> str:
    with pytest.raises(SystemExit) as exit_info:
        compare.main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    return err


@only_under("keras3")
def test_the_table_json_and_plot_of_a_subset(tmp_path, capsys):
    path, png = tmp_path / "runs.json", tmp_path / "curves.png"
    argv = ["--styles", "tf2_eager,keras_impl[keras3]", *SMALL, "--json", str(path), "--plot", str(png)]
    assert compare.main(argv) == 0
    out = capsys.readouterr().out
    assert out.count("tf2_eager ") >= 2 and "keras3" in out and "max |Δ| vs numpy" in out
    data = json.loads(path.read_text())
    assert [(r["style"], r.get("keras"), r["variant"]) for r in data["runs"]] == [
        ("tf2_eager", None, "buggy"), ("tf2_eager", None, "fixed"),
        ("keras_impl", "keras3", "buggy"), ("keras_impl", "keras3", "fixed")]
    assert {r["style"] for r in data["reference"]} == {"reference"} and len(data["reference"]) == 4  # 2 dtypes
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_code_shows_both_wirings_side_by_side_from_the_real_source(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert compare.main(["--code"]) == 0
    out = capsys.readouterr().out
    for style in ("tf1_graph", "tf2_eager", "keras_impl"):
        assert f"== {style}: lines marked ! differ ==" in out
    assert "!     return v1.losses.mean_squared_error(y_predict, y) | " in out
    assert "tf.squeeze(y_predict, axis=1)" in out and compare.KERAS_NOTE in out


def test_code_falls_back_to_one_after_the_other_on_a_narrow_terminal(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    compare.main(["--code"])
    out = capsys.readouterr().out
    assert " | " not in out and out.count("-- buggy") == 3 and out.count("-- fixed") == 3


def test_an_unknown_style_is_refused(capsys):
    assert "argument --styles: unknown style 'tf3'" in refused(["--styles", "tf1_graph,tf3"], capsys)


def test_plot_without_matplotlib_says_how_to_install_it(capsys, monkeypatch):
    real_find_spec = compare.importlib.util.find_spec
    monkeypatch.setattr(compare.importlib.util, "find_spec",
                        lambda name, *a: None if name == "matplotlib" else real_find_spec(name, *a))
    err = refused(["--plot", "curves.png"], capsys)
    assert "argument --plot: matplotlib is not installed" in err and "pip install -e '.[plot]'" in err
