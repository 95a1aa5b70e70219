"""`tf-loss-wiring bench`: --repeat's medians and spreads, --watch's columns, the rows' numbers in --json, and a
Keras 3 case on another backend carrying them back from its own process.

The commands run as a user runs them, in processes of their own beside the session, on a tiny protocol (21 steps
on 500 rows): the times mean nothing here, only what is printed and written. How a row is judged from its
repeats is held on made-up repeats, in this process.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import os
import re
import sys
import tempfile
import types
from concurrent.futures import Future
from pathlib import Path

import pytest
from conftest import BENCH_JSON, ROOT, backend_installed, bench_run, beside, only_under, python_m, strict_json
from conftest import BENCH_TINY as TINY

from common.config import QUESTION
from tf_loss_wiring import bench, cases

RATIO = re.compile(r"\d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\)( ok| over)?")  # median (min–max) verdict
NUMBERS = ("seconds", "seconds_min", "seconds_max", "numpy_ratio", "floor_seconds", "floor_us_per_step", "overhead",
           "overhead_min", "overhead_max", "peak_mib", "watched_seconds", "watch_overhead", "watch_overhead_min",
           "watch_overhead_max")


FOLDER = Path(tempfile.mkdtemp(prefix="tlw-bench-"))
RUNS = {  # name: the flags of `tf-loss-wiring bench` (both TF styles and wirings: conftest's bench_run)
    "jax": ["--styles", "keras_impl[keras3-jax]", *TINY, "--variant", "buggy", "--repeat", "2", "--watch"],
}


def in_background() -> None:
    started()


@functools.cache
def started() -> dict[str, Future]:
    """Each bench run, started beside the session (conftest's `beside`) as soon as these tests are collected."""
    runs = {name: beside([sys.executable, "-m", "tf_loss_wiring", "bench", *argv, "--json", str(FOLDER / name)],
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
            for name, argv in RUNS.items() if name != "jax" or backend_installed("jax")}
    return {"tf": bench_run(), **runs}


def bench_of(name: str):
    """(the completed command, the rows it wrote) for `tf-loss-wiring bench RUNS[name]… --json`."""
    done = started()[name].result()
    assert done.returncode == 0, done.stderr
    return done, strict_json(BENCH_JSON if name == "tf" else FOLDER / name)


@pytest.fixture(scope="module")
def tf_bench():
    return bench_of("tf")


def row_line(stdout: str, row: dict) -> list[str]:
    """The cells of the table's line for `row` (its style and wiring)."""
    lines = [[cell.strip() for cell in line.split("│")[1:-1]] for line in stdout.splitlines() if "│" in line]
    return next(cells for cells in lines if cells[:2] == [row["style"], row["variant"]])


def ours(rows):
    return [row for row in rows if row["style"] != "numpy"]


@pytest.mark.parametrize("value", ["0", "x"])
def test_a_bad_repeat_is_one_line_and_status_2(value):
    done = python_m("tf_loss_wiring", "bench", "--repeat", value)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"tf-loss-wiring bench: error: argument --repeat: expected a positive integer, received {value!r}"]
    assert "Traceback" not in done.stderr + done.stdout


def test_the_table_has_the_watch_columns_and_the_spreads(tf_bench):
    done, rows = tf_bench
    header = next(line for line in done.stdout.splitlines() if "style" in line and "variant" in line)
    for column in (*bench.COLUMNS, *bench.WATCH_COLUMNS):
        assert column in header
    assert "median of 2 repeats" in done.stdout
    assert "retracing" not in done.stderr  # TF's advice, for a model the bench builds anew on purpose
    for row in ours(rows):
        for column in ("× floor", "× watch"):
            assert RATIO.fullmatch(row["cells"][column]), row["cells"]
        assert row_line(done.stdout, row)[7:12] == [row["cells"][column] for column in ("× floor", "peak MiB",
                                                                                     *bench.WATCH_COLUMNS)]


def test_the_rows_carry_the_numbers(tf_bench):
    _, rows = tf_bench
    assert [(row["style"], row["variant"]) for row in ours(rows)] == [
        (style, variant) for style in ("tf1_graph", "tf2_eager") for variant in ("buggy", "fixed")]
    for row in ours(rows):
        assert row["repeats"] == 2 and row["steps"] == 21
        for field in NUMBERS:
            assert isinstance(row[field], float) and row[field] > 0, (field, row)
        assert isinstance(row["warnings"], int) and row["watch_same_bits"] is True
        assert row["cells"]["seconds"] == f"{row['seconds']:.2f}"
        assert row["floor_us_per_step"] == pytest.approx(row["floor_seconds"] / 21 * 1e6)
    for row in rows:
        if row["style"] == "numpy":
            assert row["repeats"] == 2 and isinstance(row["seconds"], float) and row["cells"]["× watch"] == ""


def test_each_spread_holds_its_median(tf_bench):
    _, rows = tf_bench
    for row in ours(rows):
        for name in ("seconds", "overhead", "watch_overhead"):
            assert row[f"{name}_min"] <= row[name] <= row[f"{name}_max"], (name, row)
        assert row["seconds_min"] < row["seconds_max"]  # two repeats were taken, not one twice


def test_the_watched_buggy_wiring_warns_and_the_fixed_one_does_not(tf_bench):
    _, rows = tf_bench
    counted = {(row["style"], row["variant"]): row["warnings"] for row in ours(rows)}
    assert all(counted[style, "buggy"] > 0 for style in ("tf1_graph", "tf2_eager")), counted
    assert all(counted[style, "fixed"] == 0 for style in ("tf1_graph", "tf2_eager")), counted


def test_same_bits_means_bit_for_bit():
    def run(*weights, bias=0.0):
        return types.SimpleNamespace(weights=list(weights), bias=bias)

    assert bench.same_bits(run(1.0, math.nan), run(1.0, math.nan))
    assert not bench.same_bits(run(1.0, 2.0), run(1.0, 2.0 + 2**-51))
    assert not bench.same_bits(run(1.0), run(1.0, bias=-0.0))


def repeat(seconds, floor, watched, warnings=1, same=True):
    return bench.Repeat(seconds, 0.01, floor, 1.0, 1.0, watched, warnings, same)


def test_a_row_is_judged_on_its_medians_and_says_when_the_watch_changed_the_weights():
    case = next(case for case in cases.CASES if case.label == "tf1_graph")
    config = dataclasses.replace(QUESTION, steps=100)
    # overheads 1.0, 1.1, 2.0: median 1.1 ok though the worst is over; watch 1.0, 1.04, 1.5: ok
    repeats = [repeat(1.0, 1.0, 1.0), repeat(1.1, 1.0, 1.144), repeat(2.0, 1.0, 3.0, same=False)]
    row, reference = bench.rows_from(case, config, "fixed", repeats, watch=True)
    assert (row["overhead"], row["overhead_min"], row["overhead_max"]) == (1.1, 1.0, 2.0)
    assert row["overhead_ok"] is True and row["cells"]["× floor"] == "1.10 (1.00–2.00) ok"
    assert row["watch_overhead"] == pytest.approx(1.04) and row["watch_ok"] is True
    assert row["watch_same_bits"] is False and row["cells"]["× watch"] == "1.04 (1.00–1.50) ok, differs"
    assert row["seconds"] == 1.1 and row["numpy_ratio"] == pytest.approx(110)
    assert reference["seconds"] == 0.01 and reference["cells"]["warnings"] == ""
    slow = [repeat(1.0, 1.0, 1.1), repeat(1.0, 1.0, 1.06), repeat(1.0, 1.0, 1.0)]
    row, _ = bench.rows_from(case, config, "buggy", slow, watch=True)
    assert row["watch_ok"] is False and row["cells"]["× watch"] == "1.06 (1.00–1.10) over"
    assert row["overhead_ok"] is None and row["cells"]["× floor"] == "1.00 (1.00–1.00)"  # judged on fixed only
    row, _ = bench.rows_from(case, config, "fixed", [repeat(1.2, 1.0, 1.0)], watch=False)
    assert row["cells"]["× floor"] == "1.20 over" and "watch_overhead" not in row and "× watch" not in row["cells"]


@only_under("keras3")
@pytest.mark.skipif(not backend_installed("jax"), reason="JAX is not installed here (pip install -e '.[backends]')")
def test_a_case_in_its_own_process_carries_the_numbers_back():
    done, rows = bench_of("jax")
    row, reference = rows
    assert (row["style"], reference["style"]) == ("keras_impl[keras3-jax]", "numpy")
    assert row["repeats"] == 2 and row["warnings"] > 0 and row["watch_same_bits"] is True
    assert row["overhead_min"] <= row["overhead"] <= row["overhead_max"]
    assert row["watch_overhead_min"] <= row["watch_overhead"] <= row["watch_overhead_max"]
    assert RATIO.fullmatch(row["cells"]["× watch"])
    assert row_line(done.stdout, row) == [row["cells"][column] for column in (*bench.COLUMNS, *bench.WATCH_COLUMNS)]
