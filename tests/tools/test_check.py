"""`tf-loss-wiring check`: the right verdict and exit status on a corpus modelled on public reports, on the
project's own wirings, and on losses it was not tuned to; the scan's findings line by line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import keras
import pytest
import tf_keras
from conftest import ROOT, only_under

from keras_impl import experiment as keras_impl
from tf_loss_wiring import cases, check, cli, probe, processes
from tf_loss_wiring.check import losses, scan
from tf_loss_wiring.testing import assert_no_broadcast

CORPUS = Path(__file__).resolve().parents[1] / "check_corpus"
MISMATCHED = [("B", "B1"), ("B1", "B")]
FINDING_LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>TLW\d{3}) \S")


def corpus(name: str) -> str:
    return str(CORPUS / name)


@pytest.fixture(scope="module", autouse=True)
def keras_3_on_this_process_backend_only():
    """Each other installed backend costs a process of its own (~4 s) for every Keras 3 loss checked: here they
    are left out, and test_another_backend_is_probed_in_a_process_of_its_own and the backends' own test sessions
    (tests/styles/test_backends.py) cover them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cases, "installed_backends", lambda: [keras.backend.backend()])
        yield


@pytest.fixture(scope="module")
def reports():
    """Each corpus loss checked once (in this process) for the whole module."""
    cache = {}

    def report(target: str, pairings=probe.PAIRINGS) -> losses.Report:
        if (target, pairings) not in cache:
            cache[target, pairings] = losses.check_target(corpus(target) if ".py:" in target else target, pairings)
        return cache[target, pairings]

    return report


def outcomes(report: losses.Report, path_start: str) -> dict[tuple[str, str], str]:
    return {(p.labels, p.predictions): p.outcome for p in report.probes if p.path.startswith(path_start)}


# --- the corpus: each trap next to its safe counterpart ---------------------------------------------------
TRAPS = [
    pytest.param("issue_37770.py:mse_by_hand", id="37770-by-hand"),
    pytest.param("issue_37770.py:mse_tf_keras", id="37770-tf_keras-function"),
    pytest.param("issue_14627.py:my_mse", id="14627-numpy"),
    pytest.param("issue_16836.py:per_sample_tf_keras", id="16836-per-sample"),
    pytest.param("issue_19601.py:MeanAbsoluteError", id="19601-keras3-mae-subclass"),
    pytest.param("issue_19601.py:SumOfSquares", id="19601-keras3-sum-reduced"),
    pytest.param("issue_19601.py:HuberKeras2", id="19601-tf_keras-huber"),
]
SAFE = [
    pytest.param("issue_37770.py:mse_keras3", id="37770-keras3-function"),
    pytest.param("issue_37770.py:mse_guarded", id="37770-guarded"),
    pytest.param("issue_14627.py:my_mse_flat", id="14627-flattened"),
    pytest.param("issue_16836.py:per_sample_keras3", id="16836-keras3"),
    pytest.param("issue_19601.py:MeanAbsoluteErrorReshaped", id="19601-reshaped"),
    pytest.param("issue_19601.py:BUILT_IN", id="19601-built-in"),
    pytest.param("squeezing.py:reshaping_mse", id="reshaping"),
]


@pytest.mark.parametrize("target", TRAPS)
def test_a_trap_broadcasts_where_the_shapes_differ_and_not_where_they_agree(reports, target):
    report = reports(target)
    assert report.broadcasts
    direct = outcomes(report, probe.PATH_DIRECT)
    assert [direct[p] for p in MISMATCHED] == ["broadcast", "broadcast"]
    assert direct["B", "B"] == direct["B1", "B1"] == "correct"


@pytest.mark.parametrize("target", SAFE)
def test_its_safe_counterpart_is_clean(reports, target):
    report = reports(target)
    assert not report.broadcasts
    assert {p.outcome for p in report.probes} <= {"correct", "refused"}
    assert any(p.outcome == "correct" for p in report.probes if (p.labels, p.predictions) in MISMATCHED) or \
        all(p.outcome == "refused" for p in report.probes if (p.labels, p.predictions) in MISMATCHED)


def test_a_loss_that_squeezes_whatever_comes_broadcasts_when_the_shapes_agree(reports):
    report = reports("squeezing.py:squeezing_mse")
    direct = outcomes(report, probe.PATH_DIRECT)
    assert direct["B1", "B1"] == "broadcast" and direct["B", "B1"] == "correct"
    assert "whatever comes" in report.fix


def test_the_guard_refuses_instead_of_broadcasting(reports):
    direct = outcomes(reports("issue_37770.py:mse_guarded"), probe.PATH_DIRECT)
    assert [direct[p] for p in MISMATCHED] == ["refused", "refused"]


def test_keras3_subclasses_broadcast_through_compile_too(reports):
    for target in ("issue_19601.py:MeanAbsoluteError", "issue_19601.py:SumOfSquares"):
        report = reports(target)
        assert report.kind == "Keras 3 loss"
        compiled = outcomes(report, "compile")
        assert [compiled[p] for p in MISMATCHED] == ["broadcast", "broadcast"], target


def test_built_in_keras3_loss_is_correct_on_every_path_and_pairing(reports):
    report = reports("issue_19601.py:BUILT_IN")
    assert {p.path.split(" (")[0] for p in report.probes} == {probe.PATH_DIRECT, "compile + train_on_batch"}
    assert {p.outcome for p in report.probes} == {"correct"}


def test_only_a_keras3_loss_is_told_to_return_the_built_in_function(reports):
    """Keras 3's built-in functions repair the ranks; tf_keras's broadcast (docs/hazards.md)."""
    assert "Keras 3's built-in keras.losses function" in reports("issue_19601.py:MeanAbsoluteError").fix
    tf_keras_fix = reports("issue_19601.py:HuberKeras2").fix
    assert "repairs the ranks" not in tf_keras_fix and "tf_keras's built-in functions broadcast" in tf_keras_fix
    assert "under Keras 3 only" in scan.FIXES["TLW004"] and "tf_keras's do not" in scan.FIXES["TLW004"]


def test_tf_keras_compile_expands_rank_1_labels_only(reports):
    compiled = outcomes(reports("issue_19601.py:HuberKeras2"), "compile + train_on_batch (tf_keras")
    assert compiled["B", "B1"] == "correct" and compiled["B1", "B"] == "broadcast"


def test_a_path_that_never_pairs_rows_is_a_broadcast_when_another_path_pairs_them(reports):
    """Not dropped as "not run": the graph path broadcasts on every pairing, the direct one pairs rows."""
    report = reports("one_path.py:broadcasts_in_a_graph")
    assert report.broadcasts and probe.PATH_GRAPH not in report.not_run
    assert set(outcomes(report, probe.PATH_GRAPH).values()) == {"broadcast"}
    assert set(outcomes(report, probe.PATH_DIRECT).values()) == {"correct"}


# --- a value that is no number: neither clean nor a broadcast ---------------------------------------------
def test_a_non_finite_value_is_not_judged_and_exits_2(reports):
    report = reports("non_finite.py:log_margin")
    direct = outcomes(report, probe.PATH_DIRECT)
    assert [direct[p] for p in MISMATCHED] == [probe.Outcome.NON_FINITE] * 2 and direct["B", "B"] == "correct"
    assert not report.broadcasts and report.status == "not judged" and report.exit_status == check.EXIT_TARGET


def test_json_writes_a_non_finite_value_as_null(tmp_path, capsys):
    path = tmp_path / "check.json"
    assert cli.main(["check", corpus("non_finite.py:log_margin"), "--json", str(path)]) == check.EXIT_TARGET
    assert "NaN" not in path.read_text() and "not judged" in capsys.readouterr().out
    record = json.loads(path.read_text())["targets"][0]
    assert record["status"] == "not judged"
    assert {p["value"] for p in record["probes"] if p["outcome"] == probe.Outcome.NON_FINITE} == {None}


def test_a_function_that_breaks_in_a_graph_is_judged_on_the_paths_it_runs_on(reports):
    report = reports("issue_14627.py:my_mse")  # numpy cannot take a graph tensor
    assert probe.PATH_GRAPH in report.not_run and {p.path for p in report.probes} == {probe.PATH_DIRECT}


# --- targets that are not losses: exit 2, one line --------------------------------------------------------
@pytest.mark.parametrize("target, words", [
    ("not_a_loss.py:BATCH_SIZE", "not a loss: a value of type int"),
    ("not_a_loss.py:Model", "is not a keras.losses.Loss subclass"),
    ("not_a_loss.py:NeedsArguments", "cannot build NeedsArguments() without arguments"),
    ("not_a_loss.py:labels_only", "shuffling the labels never changes its value"),
    ("not_a_loss.py:missing", "has no attribute 'missing'"),
    ("broken_import.py:anything", "RuntimeError: this module cannot be imported"),
    ("exits_at_import.py:loss", "cannot import 'SRC': SystemExit: 3"),
    ("nowhere.py:loss", "no such file"),
])
def test_a_target_that_is_not_a_loss_is_one_line_and_status_2(capsys, target, words):
    assert cli.main(["check", corpus(target)]) == check.EXIT_TARGET
    err = capsys.readouterr().err
    words = words.replace("SRC", corpus(target.split(":")[0]))
    assert err.count("\n") == 1 and words in err and target.split(":")[0] in err and "Traceback" not in err


def test_a_module_that_does_not_import_is_status_2(capsys):
    assert cli.main(["check", "no_such_module_here:loss"]) == check.EXIT_TARGET
    assert "cannot import 'no_such_module_here': ModuleNotFoundError" in capsys.readouterr().err


def test_neither_a_path_nor_a_loss_is_refused_before_anything_loads(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["check", "no/such/folder"])
    assert stop.value.code == 2 and "'no/such/folder'" in capsys.readouterr().err


# --- the project's own wirings ----------------------------------------------------------------------------
def test_tf1_and_tf2_buggy_wirings_broadcast_and_fixed_ones_do_not_on_their_models_shapes(capsys):
    """Their models give predictions (B, 1) and labels (B,): `--pairing B:B1`; TF1's buggy one only in a graph."""
    for style in ("tf1_graph", "tf2_eager"):
        assert cli.main(["check", f"{style}.experiment:buggy_loss", "--pairing", "B:B1"]) == check.EXIT_BROADCASTS
        assert cli.main(["check", f"{style}.experiment:fixed_loss", "--pairing", "B:B1"]) == check.EXIT_CLEAN
    buggy = losses.check_target("tf1_graph.experiment:buggy_loss")
    assert buggy.called_as == "(predictions, labels)"
    assert outcomes(buggy, probe.PATH_DIRECT)["B", "B1"] == "refused"  # eager shapes are known: TF refuses
    assert outcomes(buggy, probe.PATH_GRAPH)["B", "B1"] == "broadcast"  # the question's unknown-rank labels


@pytest.mark.parametrize("style, path", [("tf1_graph", probe.PATH_GRAPH), ("tf2_eager", probe.PATH_DIRECT)])
def test_the_fixed_tf_wirings_squeeze_whatever_comes(capsys, style, path):
    """Judged on all four pairings, the fixed wiring's squeeze(axis=1) broadcasts labels (B, 1) fed with (B, 1)."""
    assert cli.main(["check", f"{style}.experiment:fixed_loss"]) == check.EXIT_BROADCASTS
    report = losses.check_target(f"{style}.experiment:fixed_loss")
    assert report.broadcasts and outcomes(report, path)["B1", "B1"] == "broadcast"


@pytest.mark.parametrize("target, status", [
    pytest.param("keras.losses:BinaryCrossentropy", check.EXIT_CLEAN, id="binary-crossentropy"),
    pytest.param("keras.losses:Huber", check.EXIT_CLEAN, id="huber"),
    pytest.param("keras.losses:LogCosh", check.EXIT_CLEAN, id="log-cosh"),
    pytest.param("keras.losses:SparseCategoricalCrossentropy", check.EXIT_TARGET, id="sparse-categorical"),
])
def test_keras3_built_in_losses_it_was_not_tuned_to(capsys, monkeypatch, target, status):
    """What the README says: clean, except a sparse crossentropy (float labels become class 0), not a loss here.

    On this process's backend only (the other backends' processes are tested above): the file stays fast.
    """
    monkeypatch.setattr(cases, "installed_backends", lambda: [keras.backend.backend()])
    assert cli.main(["check", target]) == status


@pytest.mark.parametrize("generation", [pytest.param("keras3", marks=only_under("keras3")),
                                        pytest.param("tf_keras", marks=only_under("tf_keras"))])
def test_keras_impl_wirings_in_each_generation(generation):
    k = keras if generation == "keras3" else tf_keras
    assert not losses.check_loss(keras_impl.fixed_loss(k, "float32"), "fixed").broadcasts
    buggy = losses.check_loss(keras_impl.buggy_loss(k, "float32"), "buggy")
    compiled = outcomes(buggy, "compile")
    assert buggy.broadcasts and outcomes(buggy, probe.PATH_DIRECT)["B", "B1"] == "broadcast"
    # the question's shapes through compile: broken under Keras 3, masked by tf_keras's rank repair
    assert compiled["B", "B1"] == {"keras3": "broadcast", "tf_keras": "correct"}[generation]


def test_train_on_batch_returns_this_batchs_loss_in_every_keras_3(monkeypatch):
    """Keras 3.0-3.14 return the mean since compile: check resets the metrics before each train_on_batch."""
    calls, reset, train = [], keras.Model.reset_metrics, keras.Model.train_on_batch

    def reset_metrics(self):  # Keras 3.15's own train_on_batch resets too: only the calls from outside count
        if not calls or calls[-1] != "inside":
            calls.append("reset_metrics")
        return reset(self)

    def train_on_batch(self, *args, **kwargs):
        calls.append("inside")
        result = train(self, *args, **kwargs)
        calls[-1] = "train_on_batch"
        return result

    monkeypatch.setattr(keras.Model, "reset_metrics", reset_metrics)
    monkeypatch.setattr(keras.Model, "train_on_batch", train_on_batch)
    losses.check_loss(keras.losses.MeanSquaredError(), "mse", pairings=[("B", "B1")])
    assert calls and calls == ["reset_metrics", "train_on_batch"] * (len(calls) // 2)


# --- Keras 3 backends: each in a process of its own -------------------------------------------------------
def test_another_backend_is_probed_in_a_process_of_its_own():
    probes, not_run = losses.backend_probes(corpus("issue_19601.py:MeanAbsoluteError"), "tensorflow")
    assert not_run == {}
    by = {(p.labels, p.predictions, p.path.split(" (")[0]): p.outcome for p in probes}
    assert by["B", "B1", "compile + train_on_batch"] == "broadcast" and by["B", "B", probe.PATH_DIRECT] == "correct"


def test_backends_not_installed_are_named_and_installed_ones_probed(monkeypatch):
    asked = []
    monkeypatch.setattr(cases, "installed_backends", lambda: ["tensorflow", "jax"])
    monkeypatch.setattr(losses, "backend_probes", lambda target, backend: asked.append(backend) or ([], {}))
    report = losses.check_target(corpus("issue_19601.py:BUILT_IN"))
    assert asked == ["jax"] and report.notes == ["Keras 3 backends not installed, not probed: torch"]


def test_a_backend_process_that_hangs_is_not_run_in_one_line(monkeypatch, capsys):
    monkeypatch.setattr(processes, "TIMEOUT", 0.01)
    monkeypatch.setattr(cases, "installed_backends", lambda: ["tensorflow", "jax"])
    assert cli.main(["check", corpus("issue_19601.py:BUILT_IN")]) == check.EXIT_CLEAN
    out = capsys.readouterr().out
    assert "not run jax backend: the probe in a process of its own did not finish within 0.01 s" in out
    assert "Traceback" not in out


# --- the scan ---------------------------------------------------------------------------------------------
def test_scan_output_is_one_clickable_line_and_its_fix_then_a_closing_line(capsys):
    """The lines of a scan's output; which findings a file has is tests/tools/test_scan.py's to say."""
    trap, safe = corpus("tf1_question.py"), corpus("tf1_question_safe.py")
    expected = scan.scan_path(Path(trap)).findings
    assert expected and not scan.scan_path(Path(safe)).findings
    assert cli.main(["check", trap, safe]) == check.EXIT_BROADCASTS
    lines = capsys.readouterr().out.splitlines()
    shown = 2 * len(expected)
    assert [FINDING_LINE.match(line)["code"] for line in lines[:shown:2]] == [f.code for f in expected]
    assert lines[:shown:2] == [str(f) for f in expected]
    assert all(line.startswith("    fix: ") for line in lines[1:shown:2])
    assert lines[shown:] == [f"{trap}: 1 file scanned, {len(expected)} finding{'s' * (len(expected) > 1)}",
                             f"{safe}: 1 file scanned, no findings"]
    assert cli.main(["check", safe]) == check.EXIT_CLEAN


def test_a_folder_with_no_python_says_so(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("no code here\n")
    assert cli.main(["check", str(tmp_path)]) == check.EXIT_CLEAN
    assert capsys.readouterr().out == f"{tmp_path}: no Python files found, nothing scanned\n"


def test_a_target_that_is_neither_a_file_nor_a_folder_is_status_2(capsys):
    assert cli.main(["check", "/dev/null"]) == check.EXIT_TARGET
    err = capsys.readouterr().err
    assert err == "tf-loss-wiring check: error: /dev/null: cannot be scanned: neither a file nor a folder\n"


def test_pairing_with_a_scanned_file_is_said_to_be_ignored(capsys):
    assert cli.main(["check", corpus("tf1_question_safe.py"), "--pairing", "B:B1"]) == check.EXIT_CLEAN
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--pairing" in err and "ignored" in err and "tf1_question_safe.py" in err


def test_a_file_python_3_10_cannot_parse_for_a_nul_byte_is_one_line_and_status_2(tmp_path, monkeypatch, capsys):
    """Python 3.10 raises ValueError for a NUL byte (3.11.4+ a SyntaxError): either is one line, status 2."""
    path = tmp_path / "nul.py"
    path.write_bytes(b"x = 1\x00\n")

    def parse_as_3_10(path, source):
        raise ValueError("source code string cannot contain null bytes")

    assert cli.main(["check", str(path)]) == check.EXIT_TARGET
    monkeypatch.setattr(scan, "scan_source", parse_as_3_10)
    assert cli.main(["check", str(path)]) == check.EXIT_TARGET
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "ValueError: source code string cannot contain null bytes" in err


# A plain install has no framework (pyproject's `dependencies` is empty): here numpy, TensorFlow, Keras, JAX and
# PyTorch are made impossible to import, as they are in the pre-commit hook's environment.
WITHOUT_FRAMEWORKS = ("import importlib.abc, sys\n"
                      "class NoFramework(importlib.abc.MetaPathFinder):\n"
                      "    def find_spec(self, name, path=None, target=None):\n"
                      "        if name.split('.')[0] in ('numpy', 'tensorflow', 'keras', 'tf_keras', 'jax', 'torch'):\n"
                      "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
                      "sys.meta_path.insert(0, NoFramework())\n"
                      "from tf_loss_wiring import cli\n"
                      "raise SystemExit(cli.main(sys.argv[1:]))\n")


def test_a_scan_needs_no_framework_and_the_rest_says_what_to_install():
    def without_frameworks(*argv):
        return subprocess.run([sys.executable, "-c", WITHOUT_FRAMEWORKS, *argv], capture_output=True, text=True,
                              timeout=60, cwd=ROOT)

    scanned = without_frameworks("check", corpus("tf1_question.py"))
    assert scanned.returncode == check.EXIT_BROADCASTS and "TLW" in scanned.stdout and scanned.stderr == ""
    for tool in ("compare", "bench", "hazards"):
        refused = without_frameworks(tool)
        assert refused.returncode == 2 and refused.stderr == (
            f"tf-loss-wiring {tool}: error: needs numpy, which is not installed: pip install 'tf-loss-wiring[run]'\n")
    probed = without_frameworks("check", corpus("issue_37770.py:mse_keras3"))
    assert probed.returncode == 2 and probed.stderr.count("\n") == 1 and "tf-loss-wiring[run]" in probed.stderr
    assert "\ndependencies = []\n" in (ROOT / "pyproject.toml").read_text()


def test_json_holds_every_target(tmp_path):
    path = tmp_path / "check.json"
    status = cli.main(["check", corpus("issue_37770.py:mse_keras3"), corpus("tf1_question.py"),
                       corpus("not_a_loss.py:Model"), "--json", str(path)])
    records = json.loads(path.read_text())["targets"]
    assert status == check.EXIT_TARGET
    assert [r["status"] for r in records] == ["clean", "broadcasts", "error"]
    assert {"path", "line", "col", "code", "message", "fix"} <= set(records[1]["findings"][0])
    assert {"labels", "predictions", "outcome", "value", "shuffled", "path"} <= set(records[0]["probes"][0])


def test_a_bad_pairing_names_the_flag_and_the_value(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["check", "x:y", "--pairing", "B:B2"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.count("\n") == 1 and "--pairing" in err and "'B:B2'" in err


# --- the pytest helper ------------------------------------------------------------------------------------
def test_assert_no_broadcast_passes_a_safe_loss_and_names_the_pairings_of_a_trap():
    assert_no_broadcast(keras.losses.MeanSquaredError())
    with pytest.raises(AssertionError) as failure:
        assert_no_broadcast(keras_impl.buggy_loss(keras, "float32"))
    message = str(failure.value)
    assert "labels (B,) · predictions (B, 1), compile + train_on_batch" in message and "fix: " in message


def test_assert_no_broadcast_takes_pairings_as_lists_too():
    with pytest.raises(AssertionError, match="labels \\(B,\\) · predictions \\(B, 1\\)"):
        assert_no_broadcast(keras_impl.buggy_loss(keras, "float32"), pairings=[["B", "B1"]])


@pytest.mark.parametrize("pairings", [[("B", "B2")], [("B1",)], [], "B:B1", 3],
                         ids=["typo", "one-shape", "empty", "a-string", "a-number"])
def test_assert_no_broadcast_refuses_pairings_it_does_not_know(pairings):
    """Nothing would be probed, and any loss would pass: refused, naming the argument and the value."""
    with pytest.raises(ValueError, match=r"^Invalid value for argument `pairings`\. Expected .* Received: "
                                         r"pairings=" + re.escape(repr(pairings)) + "$"):
        assert_no_broadcast(keras_impl.buggy_loss(keras, "float32"), pairings=pairings)


def test_assert_no_broadcast_does_not_pass_a_loss_it_cannot_judge():
    sys.path.insert(0, str(CORPUS))
    try:
        from non_finite import log_margin
    finally:
        sys.path.remove(str(CORPUS))
    with pytest.raises(AssertionError, match="log_margin is not judged: NaN or infinity on\n  labels \\(B,\\)"):
        assert_no_broadcast(log_margin)


def test_assert_no_broadcast_points_at_the_callers_line():
    with pytest.raises(AssertionError) as failure:
        assert_no_broadcast(keras_impl.buggy_loss(keras, "float32"), pairings=[("B", "B1")])
    shown = failure.traceback.filter(failure)  # what pytest prints: frames with __tracebackhide__ are left out
    assert [Path(entry.path).name for entry in shown] == ["test_check.py"]


def test_tensorflow_error_framing_is_cut_to_the_words_that_matter():
    error = ValueError("{{function_node __wrapped__Squeeze_device_/job:localhost/replica:0}} Can not squeeze "
                       "dim[1] [Op:Squeeze] name: ")
    assert probe.first_line(error) == "Can not squeeze dim[1]"
    graph = ValueError("Graph execution error:\n\nDetected at node 'S' defined at:\n  File 'x'\nNode: 'S'\n"
                       "Tried to squeeze dim index 1.\n\t [[{{node S}}]]")
    assert probe.first_line(graph) == "Tried to squeeze dim index 1."
