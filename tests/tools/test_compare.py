"""`tf-loss-wiring compare`: the table, the JSON, the code side by side, the plot, and its refusals."""

from __future__ import annotations

import re

import numpy as np
import pytest
from conftest import ROOT, only_under, strict_json

from common import cli as common_cli
from tf_loss_wiring import cases, cli, compare
from tf_loss_wiring.compare import code, plot

SMALL = ["--steps", "21", "--log-every", "10"]


def refused(argv, capsys) -> str:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["compare", *argv])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    return err


def table_rows(out: str) -> dict[str, list[str]]:
    """The printed table's rows by run label (a masked run keeps its `*`)."""
    rows = {}
    for line in out.splitlines():
        cells = [cell.strip() for cell in re.split(r"[│┃]", line)[1:-1]]
        if cells and re.match(r"\w+(\[[\w-]+\])?-(buggy|fixed)\*?$", cells[0]):
            rows[cells[0]] = cells
    return rows


@only_under("keras3")
def test_the_table_json_and_plot_of_a_subset(tmp_path, capsys):
    path, png = tmp_path / "runs.json", tmp_path / "curves.png"
    argv = ["compare", "--styles", "tf2_eager,keras_impl[keras3]", *SMALL, "--json", str(path), "--plot", str(png)]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert set(table_rows(out)) == {"tf2_eager-buggy", "tf2_eager-fixed", "keras_impl[keras3]-buggy",
                                    "keras_impl[keras3]-fixed"}
    data = strict_json(path)
    assert [(r["style"], r.get("keras"), r["variant"]) for r in data["runs"]] == [
        ("tf2_eager", None, "buggy"), ("tf2_eager", None, "fixed"),
        ("keras_impl", "keras3", "buggy"), ("keras_impl", "keras3", "fixed")]
    # tf2_eager's rate is not rounded, Keras's is (to float32), so four reference runs: 2 wirings x 2 rates
    assert {r["style"] for r in data["reference"]} == {"reference"} and len(data["reference"]) == 4
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@only_under("keras3")
def test_keras_3_on_jax_and_pytorch_runs_in_processes_of_their_own_into_the_same_table_json_and_plot(
        tmp_path, capsys, monkeypatch):
    """Read back from `python -m keras_impl --backend … --json`: every field, and every step's batch loss; a
    backend not installed here (JAX on Python 3.10) is one line, and the others still run and show."""
    drawn = []
    monkeypatch.setattr(compare.plot, "save", lambda path, done, var_y: drawn.extend(done))
    path = tmp_path / "runs.json"
    argv = ["compare", "--styles", "keras_impl[keras3-jax],keras_impl[keras3-torch]", *SMALL, "--dtype", "float64",
            "--json", str(path), "--plot", str(tmp_path / "unused.png")]
    installed = [backend for backend in ("jax", "torch") if backend in cases.installed_backends()]
    if not installed:
        pytest.skip("neither JAX nor PyTorch is installed here")
    assert cli.main(argv) == 0
    out, err = capsys.readouterr()
    rows = table_rows(out)
    assert list(rows) == [f"keras_impl[keras3-{backend}]-{variant}" for backend in installed
                          for variant in ("buggy", "fixed")]
    assert all(cells[-1] == "1e-07 ok" for cells in rows.values())  # float64 with float32 rounding inside
    assert [(r["backend"], r["variant"], r["config"]["dtype"]) for r in strict_json(path)["runs"]] == [
        (backend, variant, "float64") for backend in installed for variant in ("buggy", "fixed")]
    assert [len(run.batch_losses) for run in drawn] == [21] * 2 * len(installed) and all(r.seconds > 0 for r in drawn)
    missing = [backend for backend in ("jax", "torch") if backend not in installed]
    assert err.splitlines() == [f"tf-loss-wiring compare: keras_impl[keras3-{backend}]: not run: {backend} is not "
                                "installed here (pip install -e '.[backends]')" for backend in missing]


def test_ctrl_c_a_library_turned_into_its_own_error_stops_compare_keeping_the_finished_runs(capsys, monkeypatch):
    real = compare.runs_of

    def interrupted_in_the_second(case, config, choice, progress):  # the fixed run: its binding raised
        yield from real(case, config, "buggy", progress)
        common_cli.monitor.INTERRUPTED.set()
        raise TypeError("Binding inputs to tf.function failed due to `__array__` returning with an exception set")

    monkeypatch.setattr(compare, "runs_of", interrupted_in_the_second)
    assert cli.main(["compare", "--styles", "tf2_eager", *SMALL]) == 130
    out, err = capsys.readouterr()
    assert err.strip() == "tf-loss-wiring compare: interrupted, 1 finished run(s) kept"
    assert list(table_rows(out)) == ["tf2_eager-buggy"] and not common_cli.monitor.INTERRUPTED.is_set()


def test_a_backend_that_is_not_installed_is_one_line_and_the_other_runs_show(capsys, monkeypatch):
    monkeypatch.setattr(cases, "installed_backends", lambda: ["tensorflow"])  # as on an install without JAX
    assert cli.main(["compare", "--styles", "tf2_eager,keras_impl[keras3-jax]", *SMALL, "--variant", "fixed"]) == 0
    out, err = capsys.readouterr()
    assert list(table_rows(out)) == ["tf2_eager-fixed"]
    assert err == ("tf-loss-wiring compare: keras_impl[keras3-jax]: not run: jax is not installed here "
                   "(pip install -e '.[backends]')\n")


@pytest.mark.parametrize("argv, runs, masked", [
    pytest.param(["--styles", "keras_impl[keras3]", "--dtype", "float64"], 2, None, id="keras3-float64",
                 marks=only_under("keras3")),
    pytest.param(["--styles", "tf1_graph,keras_impl[tf_keras]"], 4, "keras_impl[tf_keras]-buggy*", id="tf_keras",
                 marks=only_under("tf_keras")),
])
def test_each_run_is_compared_with_the_reference_of_what_it_really_trained(argv, runs, masked, capsys):
    """Rounded learning rate (a float64 Keras 3 run would be 2e-9 off without it: FLOAT64_ATOL is 2e-15), and a
    masked buggy run against the reference's fixed run (against the buggy one it would be 0.99 off)."""
    assert cli.main(["compare", *argv, *SMALL]) == 0
    out = capsys.readouterr().out
    rows = table_rows(out)
    assert len(rows) == runs
    for label, cells in rows.items():
        diff, atol = float(cells[-2]), float(cells[-1].split()[0])
        print(f"{label}: max |Δ| {diff:g}, atol {atol:g}")
        assert diff <= atol and cells[-1].endswith(" ok")
    if masked:
        assert masked in rows and compare.table.MASKED_NOTE in out


def source_sections(style) -> dict[str, list[str]]:
    """The style file's non-blank lines under each `# --- name ---` marker, read here without code.py."""
    found, current = {}, None
    for line in (ROOT / style.experiment.replace(".", "/")).with_suffix(".py").read_text().splitlines():
        if line.startswith("# --- "):
            current = found.setdefault(line.strip("# -"), [])
        elif current is not None and line.strip():
            current.append(line)
    return found


def squeezed(text: str) -> str:
    """Whitespace collapsed: a folded line reads the same as the original."""
    return " ".join(text.split())


def code_columns(out: str) -> dict[str, dict[str, str]]:
    """The side-by-side output: section -> column heading -> the column's text, whitespace collapsed."""
    found, section, headings = {}, None, []
    for line in out.splitlines():
        if line.startswith("== "):
            section = line.strip("= ").split(" — ")[0]
            found[section] = {}
        elif line.startswith("┃"):
            headings = [cell.strip() for cell in line.split("┃")[1:-1]]
            found[section] = {heading: "" for heading in headings}
        elif line.startswith("│"):
            for heading, cell in zip(headings, line.split("│")[1:-1], strict=True):
                found[section][heading] += " " + cell
    return {name: {heading: squeezed(text) for heading, text in columns.items()} for name, columns in found.items()}


def test_code_shows_the_styles_side_by_side_section_by_section_from_the_real_source(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert cli.main(["compare", "--code"]) == 0
    columns = code_columns(capsys.readouterr().out)
    assert list(columns) == list(code.SECTIONS)
    for name in code.SECTIONS:
        assert [heading.split()[0] for heading in columns[name]] == [style.name for style in cases.STYLES]
        for style, text in zip(cases.STYLES, columns[name].values(), strict=True):
            for line in source_sections(style)[name]:
                assert squeezed(line) in text, f"{style.name}, {name}: {line.strip()!r} not shown"
    tf1, _, keras = columns["loss wiring"].values()
    assert "! return v1.losses.mean_squared_error(y_predict, y)" in tf1
    assert "! return v1.losses.mean_squared_error(tf.squeeze(y_predict, axis=1), y)" in tf1
    assert "! def buggy_loss" not in tf1 and "! WIRINGS" not in tf1  # only the lines that differ
    assert "! class MeanSquaredError(keras.losses.Loss):" in keras and squeezed(code.KERAS_NOTE) in keras
    for name in ("model", "training loop"):  # nothing to mark outside the loss wiring
        assert not any(f" {code.MARK}" in f" {text}" for text in columns[name].values())


def test_code_falls_back_to_one_after_the_other_on_a_narrow_terminal(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    cli.main(["compare", "--code"])
    out = capsys.readouterr().out
    assert "│" not in out and [line for line in out.splitlines() if line.startswith("== ")] == [
        f"== {code.section_heading(name)} ==" for name in code.SECTIONS]
    for style in cases.STYLES:
        assert out.count(f"-- {style.name} ") == len(code.SECTIONS)
    assert "\n!     return v1.losses.mean_squared_error(y_predict, y)\n" in out


def test_an_unknown_style_is_refused(capsys):
    assert "argument --styles: unknown style 'tf3'" in refused(["--styles", "tf1_graph,tf3"], capsys)


def test_naming_no_style_is_refused_rather_than_running_nothing(capsys):
    assert "argument --styles: no style named in ','" in refused(["--styles", ","], capsys)


def test_an_unwritable_plot_path_is_refused(tmp_path, capsys):
    assert f"argument --plot: cannot write to {str(tmp_path)!r}" in refused(["--plot", str(tmp_path)], capsys)


def test_plot_without_matplotlib_says_how_to_install_it(capsys, monkeypatch):
    real_find_spec = compare.importlib.util.find_spec
    monkeypatch.setattr(compare.importlib.util, "find_spec",
                        lambda name, *a: None if name == "matplotlib" else real_find_spec(name, *a))
    err = refused(["--plot", "curves.png"], capsys)
    assert "argument --plot: matplotlib is not installed" in err and "pip install -e '.[plot]'" in err


def test_windows_keep_every_step_whatever_the_log_interval():
    losses = list(np.linspace(1.0, 2.0, 2001))
    steps, means = plot.windowed(losses)
    assert len(steps) == 334  # windows of ceil(2001 / POINTS) = 6 steps, the last one of 3
    assert steps[0] == pytest.approx(2.5) and means[0] == pytest.approx(np.mean(losses[:6]))
    assert means[-1] == pytest.approx(np.mean(losses[6 * (len(steps) - 1):]))
    cut = plot.windowed([0.5, 0.4, float("inf"), 1.0])  # a diverged run: drawn up to its last finite loss
    assert list(cut[1]) == [0.5, 0.4]


def test_the_plot_has_a_panel_per_case_both_wirings_in_each_and_real_curves(capsys, monkeypatch):
    """Drawn from every step's batch loss: at --log-every 1000 over 2001 steps, still hundreds of points."""
    runs = []
    monkeypatch.setattr(compare.plot, "save", lambda path, done, var_y: runs.extend(done))
    assert cli.main(["compare", "--styles", "tf1_graph,tf2_eager", "--steps", "2001", "--log-every", "1000",
                     "--data-size", "2000", "--plot", "unused.png"]) == 0
    fig = plot.figure(runs, var_y=0.0823)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in panels] == ["tf1_graph", "tf2_eager"]
    for ax in panels:
        lines = {line.get_label().split(":")[0]: line for line in ax.get_lines()}
        assert {"buggy", "fixed"} <= set(lines)
        assert lines["buggy"].get_color() != lines["fixed"].get_color()
        assert len(lines["fixed"].get_xdata()) >= 300
        assert ax.get_ylabel() in ("batch loss", "")
