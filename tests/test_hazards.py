"""The hazard table in docs/hazards.md is what a fresh probe of the installed TensorFlow and Keras finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import strict_json

from tf_loss_wiring import cli, hazards

TABLE = Path(__file__).resolve().parent.parent / "docs" / "hazards.md"
BEGIN, END = "<!-- hazards:begin -->\n", "<!-- hazards:end -->"


@pytest.fixture(scope="module")
def probes():
    return hazards.probe_all()


def test_the_documented_table_matches_a_fresh_probe(probes):
    text = TABLE.read_text()
    in_readme = text[text.index(BEGIN) + len(BEGIN):text.index(END)]
    assert in_readme == hazards.markdown(probes), "regenerate it with: tf-loss-wiring hazards --markdown"


def test_every_probe_has_one_of_the_three_outcomes(probes):
    assert {p.outcome for p in probes} <= set(hazards.OUTCOMES)
    assert all((p.error is not None) == (p.outcome == "error") for p in probes)


def test_the_questions_own_calls_are_classified_as_the_math_says(probes):
    def outcome(api, labels, inputs, order="labels, predictions"):
        (probe,) = [p for p in probes if (p.api, p.labels_shape, p.inputs, p.argument_order) ==
                    (api, labels, inputs, order)]
        return probe

    compat = "tf.compat.v1.losses.mean_squared_error"
    broadcast = outcome(compat, "(B,)", "placeholder shape=None", "predictions, labels")  # the question's call
    assert (broadcast.outcome, broadcast.computes_in) == ("broadcast", "float32")
    assert broadcast.value == pytest.approx(hazards.BROADCAST, rel=1e-6)
    assert outcome(compat, "(B,)", "placeholder shape=(None,)").outcome == "error"
    assert outcome(compat, "(B, 1)", "placeholder shape=(None, 1)").outcome == "correct"


def test_json_records_hold_the_fields(tmp_path, probes, monkeypatch):
    monkeypatch.setattr(hazards, "probe_all", lambda: probes)
    path = tmp_path / "hazards.json"
    assert cli.main(["hazards", "--json", str(path)]) == 0
    data = strict_json(path)
    assert set(data["versions"]) == {"tensorflow", "keras", "tf_keras"}
    assert len(data["probes"]) == len(probes)
    assert {"api", "labels_shape", "predictions_shape", "inputs", "argument_order", "outcome", "value", "error"} \
        <= set(data["probes"][0])
