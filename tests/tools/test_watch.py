"""The run-time watch: `tf-loss-wiring run` and `tf_loss_wiring.watch.watching()`.

Each script under tests/tools/watch_scripts marks the lines that must warn with `# WATCH: warn`; a script with no
such line must run silent. Every style runs with and without the watch: the buggy wiring warns at its loss
line (tf_keras's compile repairs the ranks, so nothing broadcasts there), the fixed one is silent, and the
records (weights, bias, log) are the same bits. Scripts run in processes of their own, beside the session.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import re
import runpy
import subprocess
import sys
import tempfile
import warnings
from concurrent.futures import Future
from pathlib import Path

import pytest
from conftest import backend_installed, beside

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "tests" / "tools" / "watch_scripts"
TIMEOUT = 300  # seconds a script may take: TensorFlow's import is ~4 s, each script trains a few steps
WARNING = re.compile(r"^(.+?):(\d+): BroadcastWarning: shapes \(.*?\) and \(.*?\) broadcast to ", re.M)
SILENT = "tf-loss-wiring watch: no broadcast of labels against predictions into a loss seen"
TOOL = [sys.executable, "-c", "import sys; from tf_loss_wiring.cli import main; sys.exit(main())", "run"]
STEPS = ["--steps", "6", "--log-every", "3"]  # a style's shrunk protocol: only the first steps matter here

# (script, KERAS_BACKEND) for each script run under the watch
SCRIPT_RUNS = [
    ("tf1_question.py", None), ("tf1_fixed.py", None),
    ("tf2_function.py", None), ("tf2_function_fixed.py", None), ("tf2_eager_tape.py", None),
    *[("keras3_loss_fit.py", backend) for backend in ("tensorflow", "jax", "torch")],
    ("keras3_loss_fit_fixed.py", "tensorflow"),  # fixed on JAX and PyTorch: the styles' fixed wirings
    ("tf_keras_train_step.py", None), ("intended.py", None),
]
# Scripts that switch nothing process-wide (TF1's disable_eager_execution does; a Keras 3 backend holds for its
# process) also run in this process, `watching()` around `runpy`, as `tf-loss-wiring run` runs them; the others
# run under `tf-loss-wiring run` in processes of their own.
IN_THIS_PROCESS = [("tf2_function.py", None), ("tf2_function_fixed.py", None), ("tf2_eager_tape.py", None),
                   ("keras3_loss_fit.py", "tensorflow"), ("keras3_loss_fit_fixed.py", "tensorflow"),
                   ("tf_keras_train_step.py", None), ("intended.py", None)]
# each case of the styles: its module and flags, and the line of its buggy wiring that must warn (None: silent)
STYLE_CASES = {
    "tf1_graph": (["tf1_graph"], "return v1.losses.mean_squared_error(y_predict, y)"),
    "tf2_eager": (["tf2_eager"], "return tf.reduce_mean(tf.math.squared_difference(y_predict, y))"),
    "keras_impl[keras3]": (["keras_impl"], "return ops.mean(ops.square(y_true - y_pred))"),
    "keras_impl[keras3-jax]": (["keras_impl", "--backend", "jax"], "return ops.mean(ops.square(y_true - y_pred))"),
    "keras_impl[keras3-torch]": (["keras_impl", "--backend", "torch"],
                                 "return ops.mean(ops.square(y_true - y_pred))"),
    "keras_impl[tf_keras]": (["keras_impl", "--keras", "tf_keras"], None),  # compile expands the labels first
}
OWN_PROCESS = ("keras_impl[keras3-jax]", "keras_impl[keras3-torch]")  # a Keras 3 backend holds for its process


def environment(backend: str | None = None) -> dict[str, str]:
    """An explicit environment: whatever TF_CPP_MIN_LOG_LEVEL, KERAS_BACKEND or -W the user set is not passed."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("TF_CPP_MIN_LOG_LEVEL", "KERAS_BACKEND", "PYTHONWARNINGS", "PYTHONPATH")}
    env.update(TF_CPP_MIN_LOG_LEVEL="2", PYTHONPATH=str(ROOT))
    if backend is not None:
        env["KERAS_BACKEND"] = backend
    return env


def execute(command: list[str], backend: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, cwd=ROOT,
                          env=environment(backend), stdin=subprocess.DEVNULL)


def warned_at(stderr: str) -> set[tuple[str, int]]:
    return {(Path(path).name, int(line)) for path, line in WARNING.findall(stderr)}


def marked(path: Path) -> set[tuple[str, int]]:
    lines = path.read_text().splitlines()
    return {(path.name, number) for number, text in enumerate(lines, 1) if "# WATCH: warn" in text}


def in_background() -> None:
    """Every script, and the styles that need a process of their own, started beside the session (conftest's
    `beside`) as soon as a test of this file is collected; the first test that needs them waits."""
    started()


@functools.cache
def started() -> tuple[dict[tuple[str, str | None], Future], dict[str, tuple[Future, Future]], Path]:
    scripts = {run: beside([*TOOL, str(SCRIPTS / run[0])], **popen(run[1]))
               for run in SCRIPT_RUNS if run not in IN_THIS_PROCESS and not_here(run[1], "fit" in run[0]) is None}
    scripts["--strict"] = beside([*TOOL, "--strict", str(SCRIPTS / "tf2_eager_tape.py")], **popen())
    # -W error for the watch's category: the broader error::UserWarning also stops at other libraries' warnings
    # (pyparsing's deprecations while Keras 3.7 imports matplotlib) before any broadcast
    scripts["-W error"] = beside([sys.executable, "-W", "error::tf_loss_wiring.watch.BroadcastWarning", *TOOL[1:],
                                  str(SCRIPTS / "keras3_loss_fit.py")], **popen("tensorflow"))
    folder = Path(tempfile.mkdtemp(prefix="tlw-watch-"))
    styles = {}
    for name in (name for name in OWN_PROCESS if not_here(backend_of(name)) is None):
        module, *flags = STYLE_CASES[name][0]
        tail = [*flags, "--variant", "both", *STEPS, "--json"]
        styles[name] = (beside([*TOOL, "-m", module, *tail, str(folder / f"{name}-watched.json")], **popen()),
                        beside([sys.executable, "-m", module, *tail, str(folder / f"{name}-plain.json")], **popen()))
    return scripts, styles, folder


def popen(backend: str | None = None) -> dict:
    return dict(timeout=TIMEOUT, cwd=ROOT, env=environment(backend))


def script_results() -> dict[tuple[str, str | None], subprocess.CompletedProcess]:
    return {run: future.result() for run, future in started()[0].items()}


def watched_script(run: tuple[str, str | None]) -> tuple[int, set[tuple[str, int]], int]:
    """A script under the watch: (its exit status, the lines warned at, the losses seen)."""
    if run not in IN_THIS_PROCESS:
        done = script_results()[run]
        assert done.returncode == 0, done.stderr[-2000:]
        seen = re.search(r"tf-loss-wiring watch: (\d+) broadcast loss(es)? seen at 1 line", done.stderr)
        assert seen or SILENT in done.stderr, done.stderr[-2000:]
        return done.returncode, warned_at(done.stderr), int(seen.group(1)) if seen else 0
    from tf_loss_wiring.watch import BroadcastWarning, watching

    with warnings.catch_warnings(record=True) as caught, watching() as watch:
        warnings.simplefilter("default", BroadcastWarning)
        runpy.run_path(str(SCRIPTS / run[0]), run_name="__main__")
    warned = {(Path(w.filename).name, w.lineno) for w in caught if issubclass(w.category, BroadcastWarning)}
    return 0, warned, watch.count


@functools.cache
def style_result(name: str) -> tuple[set[tuple[str, int]], int, dict, dict]:
    """A case's buggy and fixed wirings watched and not: (the lines warned at, the losses seen, the --json
    record watched, the record unwatched). A Keras 3 backend other than TensorFlow's runs in processes of its
    own (`tf-loss-wiring run -m keras_impl`); every other case in this one, `watching()` around the style's
    own command line."""
    module, *flags = STYLE_CASES[name][0]
    tail = [*flags, "--variant", "both", *STEPS, "--json"]
    if name in OWN_PROCESS:
        futures, folder = started()[1][name], started()[2]
        watched, plain = (future.result() for future in futures)
        assert watched.returncode == 0, watched.stderr[-2000:]
        assert plain.returncode == 0, plain.stderr[-2000:]
        count = 0 if SILENT in watched.stderr else int(re.search(r"watch: (\d+) broadcast", watched.stderr).group(1))
        records = [json.loads((folder / f"{name}-{how}.json").read_text()) for how in ("watched", "plain")]
        return warned_at(watched.stderr), count, *records
    from common.cli import main
    from tf_loss_wiring.watch import BroadcastWarning, watching

    style = importlib.import_module(module).STYLE
    folder = Path(tempfile.mkdtemp(prefix="tlw-watch-"))
    if "--backend" not in flags and "--keras" not in flags:
        tail = ["--backend", "tensorflow", *tail] if style.backends else tail  # not a KERAS_BACKEND of the user's
    with warnings.catch_warnings(record=True) as caught, watching() as watch:
        warnings.simplefilter("default", BroadcastWarning)
        assert main(style, [*tail, str(folder / "watched.json")]) == 0
    assert main(style, [*tail, str(folder / "plain.json")]) == 0
    warned = {(Path(w.filename).name, w.lineno) for w in caught if issubclass(w.category, BroadcastWarning)}
    return warned, watch.count, *(json.loads((folder / f"{how}.json").read_text()) for how in ("watched", "plain"))


def not_here(backend: str | None, fits: bool = False) -> str | None:
    """Why a Keras 3 backend cannot run here (its framework is not installed), or None. `fits`: the script calls
    `model.fit`, which Keras 3.7-3.9 run on JAX through `jax.spmd_mode`, gone from the JAX versions the
    backends extra allows (removed from Keras 3.10 by keras-team/keras#21164)."""
    if backend in ("jax", "torch") and not backend_installed(backend):
        return f"{backend} is not installed here (pip install -e '.[backends]')"
    if fits and backend == "jax":
        import keras

        if tuple(int(part) for part in keras.__version__.split(".")[:2]) < (3, 10):
            return f"Keras {keras.__version__}'s fit calls jax.spmd_mode, which this JAX no longer has"
    return None


def backend_of(case: str) -> str | None:
    argv = STYLE_CASES[case][0]
    return argv[argv.index("--backend") + 1] if "--backend" in argv else None


@pytest.mark.parametrize(("script", "backend"), [
    pytest.param(name, backend, id=f"{name[:-3]}-{backend}" if backend else name[:-3],
                 marks=pytest.mark.skipif(not_here(backend, "fit" in name) is not None,
                                          reason=str(not_here(backend, "fit" in name))))
    for name, backend in SCRIPT_RUNS])
def test_script_warns_at_its_marked_lines_or_stays_silent(script, backend):
    status, warned, seen = watched_script((script, backend))
    expected = marked(SCRIPTS / script)
    assert (status, warned) == (0, expected)
    assert (seen > 0) == bool(expected)


def test_the_question_warns_at_the_first_step():
    """The warning comes before the second step's line is printed: at the first Session.run."""
    done = script_results()[("tf1_question.py", None)]
    assert warned_at(done.stderr) == {("tf1_question.py", 19)}
    assert "shapes (100,) and (100, 1) broadcast to (100, 100)" in done.stderr
    assert "step 2: loss=" in done.stdout


@pytest.mark.parametrize("case", [
    pytest.param(case, marks=pytest.mark.skipif(not_here(backend_of(case)) is not None,
                                                 reason=str(not_here(backend_of(case)))))
    for case in STYLE_CASES])
def test_style_buggy_wiring_warns_fixed_is_silent_and_results_are_the_same_bits(case):
    warned, count, with_watch, without = style_result(case)
    argv, line_text = STYLE_CASES[case]
    source = ROOT / argv[0] / "experiment.py"
    if line_text is None:
        assert (warned, count) == (set(), 0)
    else:
        number = next(n for n, text in enumerate(source.read_text().splitlines(), 1) if line_text in text)
        assert warned == {("experiment.py", number)} and count > 0
    for run in (*with_watch["runs"], *without["runs"]):
        run.pop("seconds")
    assert with_watch == without  # weights, bias and log to the last bit (JSON floats round-trip exactly)


def test_strict_stops_the_script_at_the_first_broadcast():
    done = script_results()["--strict"]
    assert done.returncode == 1
    assert "BroadcastWarning: " in done.stderr and "tf2_eager_tape.py:14:" in done.stderr
    assert done.stdout == ""  # the first step's loss is never printed


def test_python_W_error_makes_it_an_error_too():
    done = script_results()["-W error"]
    assert done.returncode == 1
    assert "BroadcastWarning" in done.stderr and "keras3_loss_fit.py" in done.stderr


def test_exit_status_and_argv_are_the_scripts(tmp_path):
    script = tmp_path / "exits.py"
    script.write_text(f"import sys\nprint(sys.argv[1:], sys.path[0] == {str(tmp_path)!r})\n"
                      "sys.exit(int(sys.argv[1]))\n")
    done = execute([*TOOL, str(script), "7", "--strict"])
    assert (done.returncode, done.stdout.strip()) == (7, "['7', '--strict'] True")
    assert SILENT in done.stderr
    missing = execute([*TOOL, str(tmp_path / "nowhere.py")])
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_in_process_api_warns_once_per_line_and_restores_everything():
    tf = pytest.importorskip("tensorflow")
    from tensorflow.python.client import session
    from tensorflow.python.eager import context
    from tensorflow.python.eager import execute as tf_execute

    from tf_loss_wiring.watch import BroadcastWarning, watching

    before = (session.BaseSession.run, tf_execute.execute, list(context.context().op_callbacks), list(sys.meta_path))
    column, labels = tf.zeros([4, 1]), tf.ones([4])
    with pytest.warns(BroadcastWarning, match=r"\(4, 1\) and \(4,\) broadcast to \(4, 4\)") as caught:
        with watching() as watch:
            for _ in range(3):
                tf.reduce_mean(tf.square(column - labels))
            tf.reduce_mean(tf.square(column - tf.transpose(column)))  # pairwise: intended
            tf.reduce_sum(column + tf.ones([1]))  # a bias
    assert len(caught) == 1 and caught[0].filename == __file__
    assert watch.count == 3 and len(watch.seen) == 1
    after = (session.BaseSession.run, tf_execute.execute, list(context.context().op_callbacks), list(sys.meta_path))
    assert after == before


def test_the_fixture_fails_a_broadcast_at_its_line(pytester):
    """A user's suite with the plugin, run by pytest in this process (pytester; TensorFlow is loaded already)."""
    pytester.makeconftest('pytest_plugins = ["tf_loss_wiring.testing"]\n')
    pytester.makepyfile(test_user=(
        "import tensorflow as tf\n"
        "\n"
        "def test_broadcast(broadcast_watch):\n"
        "    tf.reduce_mean(tf.square(tf.zeros([4, 1]) - tf.ones([4])))\n"
        "\n"
        "def test_paired(broadcast_watch):\n"
        "    tf.reduce_mean(tf.square(tf.zeros([4, 1]) - tf.ones([4, 1])))\n"
        "    assert broadcast_watch.count == 0\n"))
    done = pytester.runpytest_inprocess("-q", "-p", "no:cacheprovider")
    done.assert_outcomes(failed=1, passed=1)
    assert re.search(r"BroadcastWarning: .*test_user.py:4: shapes \(4, 1\) and \(4,\)", done.stdout.str())


def test_a_tf1_check_waits_for_the_first_run_that_computes_its_op_however_many_runs_come_before():
    """Runs that compute none of the pending ops are walked once per fetches, not at every step: a loss whose
    shapes only the data decides is still checked at its first run, after a hundred runs of something else."""
    tf = pytest.importorskip("tensorflow")
    from tf_loss_wiring.watch import BroadcastWarning, watching

    v1 = tf.compat.v1
    with tf.Graph().as_default(), v1.Session() as session, watching() as watch:
        labels = v1.placeholder(tf.float32, shape=None)  # unknown rank, as the question's shape=(None)
        predictions = tf.zeros([4, 1])
        other = tf.reduce_sum(tf.ones([3]))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default", BroadcastWarning)
            for _ in range(100):
                session.run(other)
            loss = tf.reduce_mean(tf.square(labels - predictions))  # added to the graph after those runs
            for _ in range(3):
                session.run([other], feed_dict={labels: [1.0, 2.0, 3.0, 4.0]})  # the loss is not fetched
            assert watch.count == 0
            session.run(loss, feed_dict={labels: [1.0, 2.0, 3.0, 4.0]})
    assert [w.lineno for w in caught if issubclass(w.category, BroadcastWarning)] == [
        test_a_tf1_check_waits_for_the_first_run_that_computes_its_op_however_many_runs_come_before.__code__
        .co_firstlineno + 15]
    assert watch.count == 1
