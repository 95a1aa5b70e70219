"""The hazard map (docs/hazards.md) and docs/versions.md (what changes between versions) are what a fresh
probe of the installed TensorFlow and Keras finds, in every version cell."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from conftest import HAZARDS_JSON, hazards_run, strict_json

from keras_impl import STYLE as KERAS_IMPL
from tf_loss_wiring import cases, cli, hazards, probe

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "docs" / "hazards.md"
BEGIN, END = "<!-- hazards:begin -->\n", "<!-- hazards:end -->"


def between(path: Path, begin: str, end: str) -> str:
    text = path.read_text()
    return text[text.index(begin) + len(begin):text.index(end)]


def cells(line: str) -> list[str]:
    return [cell.strip().strip("`").replace("**", "") for cell in line.strip().strip("|").split("|")]


def release(label: str, library: str) -> tuple[int, ...]:
    """The release of `library` (`Keras`) in a column label `TensorFlow 2.21.0, Keras 3.15.1, tf-keras 2.21.0`."""
    return hazards._release(re.search(rf"(?:^|, ){re.escape(library)} (\S+?)(?:,|$)", label).group(1))


def documented_outcomes(installed: dict[str, str]) -> tuple[dict[tuple, str], set[tuple]]:
    """The hazard map's outcomes, with the versions table on top for `installed`: its column where it has one;
    else, for a version between two columns, what both sides agree on. The rows on which they disagree cannot
    be known for a version between them: they come back apart, to be left out, not failed."""
    outcomes = {tuple(row[:-1]): row[-1] for row in map(cells, between(TABLE, BEGIN, END).splitlines()[2:])}
    lines = between(ROOT / "docs" / "versions.md", hazards.VERSIONS_BEGIN, hazards.VERSIONS_END).splitlines()
    if not lines:
        return outcomes, set()
    key_width = len(hazards.COLUMNS) - 1
    labels = [column.split(": ", 1)[1] for column in cells(lines[0])[key_width:]]
    rows = {tuple(row[:key_width]): row[key_width:] for row in map(cells, lines[2:])}
    here = hazards.versions_label(installed)
    if here in labels:
        return {**outcomes, **{key: row[labels.index(here)] for key, row in rows.items()}}, set()
    keras = hazards._release(installed["keras"])
    below = [i for i, label in enumerate(labels) if release(label, "Keras") < keras]
    above = [i for i, label in enumerate(labels) if release(label, "Keras") > keras]
    if not below or not above:  # older or newer than every cell: the nearest cell's outcome stands
        nearest = (below or above)[-1 if below else 0]
        return {**outcomes, **{key: row[nearest] for key, row in rows.items()}}, set()
    lower = max(below, key=lambda i: release(labels[i], "Keras"))
    upper = min(above, key=lambda i: release(labels[i], "Keras"))
    agreed = {key: row[lower] for key, row in rows.items() if row[lower] == row[upper]}
    return {**outcomes, **agreed}, set(rows) - set(agreed)


def in_background():
    hazards_run()  # started beside the session as soon as these tests are collected


@pytest.fixture(scope="module")
def probes() -> list[hazards.Hazard]:
    """A fresh probe of the installed versions: `tf-loss-wiring hazards --json`, read back."""
    done = hazards_run().result()
    assert done.returncode == 0, done.stderr[-2000:]
    data = strict_json(HAZARDS_JSON)
    assert data["versions"] == hazards.versions()
    return [hazards.Hazard.from_record(record) for record in data["probes"]]


def test_the_documented_tables_match_a_fresh_probe_of_these_versions(probes):
    documented, unknowable = documented_outcomes(hazards.versions())
    if unknowable:  # a version between two cells that disagree on these rows: nothing to hold them to
        print(f"not held (the cells on either side of these versions disagree): {sorted(unknowable)}")
    fresh = {tuple(row[:-1]): row[-1] for row in hazards.rows(probes) if tuple(row[:-1]) not in unknowable}
    assert set(fresh) <= set(documented), f"probes the tables lack: {sorted(set(fresh) - set(documented))[:3]}"
    # A backend not installed here (JAX on Python 3.10) leaves its rows unprobed: the rest must agree.
    assert fresh == {key: documented[key] for key in fresh}, (
        "regenerate: tf-loss-wiring hazards --markdown (newest versions), nox -s cells versions (every cell)")


def test_the_hazard_map_is_the_probes_markdown_where_it_was_made(probes):
    """At the versions it names (the newest cell), docs/hazards.md is `--markdown` to the letter."""
    made_at = hazards.versions_label(hazards.versions())
    if made_at not in TABLE.read_text():
        pytest.skip(f"docs/hazards.md was made at other versions than {made_at}; the test above holds it here")
    missing = sorted(set(cases.BACKENDS) - set(cases.installed_backends()))
    if missing:  # the map has their rows; the test above holds the rest
        pytest.skip(f"docs/hazards.md was made with every Keras 3 backend; not installed here: {', '.join(missing)}")
    assert between(TABLE, BEGIN, END) == hazards.markdown(probes), "regenerate it: tf-loss-wiring hazards --markdown"


@pytest.mark.parametrize("keras, expected, unknowable", [
    ("3.7.0", "mean since compile", False),  # a cell's own column
    ("3.10.0", "mean since compile", False),  # between 3.7.0 and 3.12.4, which agree
    ("3.13.0", None, True),  # between 3.12.4 and 3.15.1, which disagree: not held
    ("3.16.0", "this batch", False),  # newer than every cell: the newest cell's
])
def test_a_version_between_the_cells_is_held_to_what_both_sides_agree_on(keras, expected, unknowable):
    key = ("keras: train_on_batch's returned loss", "(B,)", "(B, 1)", "numpy", "(Keras's)")
    tf = "2.18.1" if keras == "3.7.0" else "2.21.0"
    outcomes, left_out = documented_outcomes({"tensorflow": tf, "keras": keras,
                                              "tf_keras": "2.18.0" if keras == "3.7.0" else "2.21.0"})
    assert (key in left_out) is unknowable
    if expected is not None:
        assert outcomes[key] == expected


def test_the_versions_table_keeps_the_rows_that_differ_and_a_column_per_set_of_versions():
    def cell(keras: str, returned: str) -> dict:
        probe = {"api": "keras: train_on_batch's returned loss", "inputs": "numpy", "argument_order": "(Keras's)",
                 "path": "compile + train_on_batch", "labels": "B", "predictions": "B1", "outcome": returned}
        same = {**probe, "api": "tf.reduce_mean(tf.square(a - b))", "outcome": "broadcast"}
        return {"versions": {"tensorflow": "2.21.0", "keras": keras, "tf_keras": "2.21.0"}, "probes": [same, probe]}

    unprobed = cell("3.16.0", "this batch")
    unprobed["probes"] = unprobed["probes"][:1]  # a cell that did not run the train_on_batch probe
    table = hazards.versions_markdown({"py3.11": cell("3.15.1", "this batch"), "py3.10": cell("3.12.4",
                                       "mean since compile"), "py3.12": cell("3.15.1", "this batch"),
                                       "future": unprobed})
    header, _, *body = table.splitlines()
    assert cells(header)[5:] == ["py3.10: TensorFlow 2.21.0, Keras 3.12.4, tf-keras 2.21.0",
                                 "py3.11 · py3.12: TensorFlow 2.21.0, Keras 3.15.1, tf-keras 2.21.0",
                                 "future: TensorFlow 2.21.0, Keras 3.16.0, tf-keras 2.21.0"]
    assert [cells(row) for row in body] == [["keras: train_on_batch's returned loss", "(B,)", "(B, 1)", "numpy",
                                             "(Keras's)", "mean since compile", "this batch", "(not probed)"]]


def test_versions_are_written_between_the_markers(tmp_path, probes, capsys):
    probe_file, page = tmp_path / "cell.json", tmp_path / "page.md"
    probe_file.write_text(json.dumps({"versions": hazards.versions(),
                                                      "probes": [h.as_record() for h in probes]}))
    page.write_text(f"before\n{hazards.VERSIONS_BEGIN}old\n{hazards.VERSIONS_END}\nafter\n")
    assert cli.main(["hazards", "--versions", str(probe_file), "--write", str(page)]) == 0
    text = page.read_text()
    assert text.startswith("before\n") and text.endswith("after\n") and "old" not in text
    (tmp_path / "other.json").write_text('{"runs": []}')  # JSON, but not a probe
    for wrong in ("missing.json", "other.json"):
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["hazards", "--versions", str(tmp_path / wrong)])
        err = capsys.readouterr().err
        assert exit_info.value.code == 2 and err.count("\n") == 1 and "argument --versions: " in err and wrong in err


def test_train_on_batch_returns_this_batchs_loss_where_keras_resets_its_metrics(probes):
    """Keras 3.0-3.14 return the mean since compile (keras_impl resets the metrics itself); 3.15 and tf_keras not."""
    import keras

    (keras3,) = [p for p in probes if p.api == "keras: train_on_batch's returned loss"]
    (keras2,) = [p for p in probes if p.api == "tf_keras: train_on_batch's returned loss"]
    release = tuple(int(part) for part in keras.__version__.split(".")[:2])
    assert keras3.outcome == ("this batch" if release >= (3, 15) else "mean since compile")
    assert keras2.outcome == "this batch"
    # keras_impl leaves out its own reset_metrics() only where train_on_batch resets the loss itself
    experiment = KERAS_IMPL.load()
    import tf_keras

    for module, returned in ((keras, keras3), (tf_keras, keras2)):
        assert not experiment.resets_metrics_in_train_on_batch(module) or returned.outcome == "this batch"


def test_keras_3_on_every_installed_backend_is_probed_and_a_loss_subclass_broadcasts_on_each(probes):
    """The trap travels with the migration: on JAX and PyTorch as on TensorFlow (each probed in its own process)."""
    for name in ["keras", *(f"keras[{backend}]" for backend in cases.installed_backends()[1:])]:
        mine = {(p.labels_shape, p.outcome) for p in probes if p.api == f"{name}: compile(loss=a Loss subclass) + "
                "train_on_batch"}
        built_in = {p.outcome for p in probes if p.api == f"{name}: compile(loss='mse') + train_on_batch"}
        assert mine == {("(B,)", "broadcast"), ("(B, 1)", "broadcast")} and built_in == {"correct"}, name


def test_every_probe_has_one_of_the_named_outcomes(probes):
    assert {p.outcome for p in probes} <= set(hazards.OUTCOMES)
    assert all((p.probe.error is not None) == (p.outcome == "error") for p in probes)


def test_the_questions_own_calls_are_classified_as_the_math_says(probes):
    def outcome(api, labels, inputs, order="labels, predictions"):
        (probe,) = [p for p in probes if (p.api, p.labels_shape, p.inputs, p.argument_order) ==
                    (api, labels, inputs, order)]
        return probe

    compat = "tf.compat.v1.losses.mean_squared_error"
    broadcast = outcome(compat, "(B,)", "placeholder shape=None", "predictions, labels")  # the question's call
    assert (broadcast.outcome, broadcast.probe.computes_in) == ("broadcast", "float32")
    every_pair = np.mean((probe.PREDICTIONS[:, None].astype(float) - probe.LABELS[None, :]) ** 2)
    assert broadcast.probe.value == pytest.approx(every_pair, rel=1e-6)  # the B x B mean, computed in float32
    assert outcome(compat, "(B,)", "placeholder shape=(None,)").outcome == "error"
    assert outcome(compat, "(B, 1)", "placeholder shape=(None, 1)").outcome == "correct"


def test_json_records_hold_the_fields(tmp_path, probes, monkeypatch):
    monkeypatch.setattr(hazards, "probe_all", lambda: probes)
    path = tmp_path / "hazards.json"
    assert cli.main(["hazards", "--json", str(path)]) == 0
    data = strict_json(path)
    assert set(data["versions"]) == {"tensorflow", "keras", "tf_keras"}
    assert len(data["probes"]) == len(probes)
    assert {"api", "inputs", "argument_order", "path", "labels", "predictions", "outcome", "value", "shuffled",
            "error", "computes_in"} == set(data["probes"][0])
