"""The run-time watch: `tf-loss-wiring run` and `tf_loss_wiring.watch.watching()`.

Each script under tests/tools/watch_scripts marks the lines that must warn with `# WATCH: warn`; a script with no
such line must run silent. Every style runs with and without the watch: the buggy wiring warns at its loss
line (tf_keras's compile repairs the ranks, so nothing broadcasts there), the fixed one is silent, and the
records (weights, bias, log) are the same bits. Scripts run in processes of their own, two at a time.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

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


def side_by_side(commands: list[tuple[list[str], str | None]]) -> list[subprocess.CompletedProcess]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda job: execute(*job), commands))


def warned_at(stderr: str) -> set[tuple[str, int]]:
    return {(Path(path).name, int(line)) for path, line in WARNING.findall(stderr)}


def marked(path: Path) -> set[tuple[str, int]]:
    lines = path.read_text().splitlines()
    return {(path.name, number) for number, text in enumerate(lines, 1) if "# WATCH: warn" in text}


def script_results() -> dict[tuple[str, str | None], subprocess.CompletedProcess]:
    return in_background().result()[0]


def style_results() -> dict[str, tuple[subprocess.CompletedProcess, dict, dict]]:
    return in_background().result()[1]


@functools.cache
def in_background() -> Future:
    """Every script and style run, started once — by conftest as soon as a test of this file is collected, so
    that they run beside the rest of the session — and waited for by the first test that needs them."""
    return ThreadPoolExecutor(max_workers=1).submit(lambda: (run_scripts(), run_styles()))


def run_scripts() -> dict[tuple[str, str | None], subprocess.CompletedProcess]:
    done = side_by_side([([*TOOL, str(SCRIPTS / name)], backend) for name, backend in SCRIPT_RUNS])
    return dict(zip(SCRIPT_RUNS, done, strict=True))


def run_styles() -> dict[str, tuple[subprocess.CompletedProcess, dict, dict]]:
    """Each case watched and not, with their --json records: (the watched run, its record, the plain record)."""
    folder = Path(tempfile.mkdtemp(prefix="tlw-watch-"))
    commands = []
    for name, (argv, _) in STYLE_CASES.items():
        module, *flags = argv
        tail = [*flags, "--variant", "both", *STEPS, "--json"]
        commands.append(([*TOOL, "-m", module, *tail, str(folder / f"{name}-watched.json")], None))
        commands.append(([sys.executable, "-m", module, *tail, str(folder / f"{name}-plain.json")], None))
    done = side_by_side(commands)
    results = {}
    for index, name in enumerate(STYLE_CASES):
        watched, plain = done[2 * index], done[2 * index + 1]
        assert watched.returncode == 0, watched.stderr[-2000:]
        assert plain.returncode == 0, plain.stderr[-2000:]
        records = [json.loads((folder / f"{name}-{how}.json").read_text()) for how in ("watched", "plain")]
        results[name] = (watched, *records)
    return results


@pytest.mark.parametrize(("script", "backend"), [
    pytest.param(name, backend, id=f"{name[:-3]}-{backend}" if backend else name[:-3])
    for name, backend in SCRIPT_RUNS])
def test_script_warns_at_its_marked_lines_or_stays_silent(script, backend):
    done = script_results()[(script, backend)]
    assert done.returncode == 0, done.stderr[-2000:]
    expected = marked(SCRIPTS / script)
    assert warned_at(done.stderr) == expected, done.stderr[-2000:]
    if not expected:
        assert SILENT in done.stderr
    else:
        assert re.search(r"tf-loss-wiring watch: \d+ broadcast loss(es)? seen at 1 line", done.stderr)


def test_the_question_warns_at_the_first_step():
    """The warning comes before the second step's line is printed: at the first Session.run."""
    done = script_results()[("tf1_question.py", None)]
    assert warned_at(done.stderr) == {("tf1_question.py", 19)}
    assert "shapes (100,) and (100, 1) broadcast to (100, 100)" in done.stderr
    assert "step 2: loss=" in done.stdout


@pytest.mark.parametrize("case", list(STYLE_CASES))
def test_style_buggy_wiring_warns_fixed_is_silent_and_results_are_the_same_bits(case):
    watched, with_watch, without = style_results()[case]
    argv, line_text = STYLE_CASES[case]
    source = ROOT / argv[0] / "experiment.py"
    if line_text is None:
        assert warned_at(watched.stderr) == set(), watched.stderr[-2000:]
        assert SILENT in watched.stderr
    else:
        number = next(n for n, text in enumerate(source.read_text().splitlines(), 1) if line_text in text)
        assert warned_at(watched.stderr) == {("experiment.py", number)}, watched.stderr[-2000:]
    for run in (*with_watch["runs"], *without["runs"]):
        run.pop("seconds")
    assert with_watch == without  # weights, bias and log to the last bit (JSON floats round-trip exactly)


def test_strict_stops_the_script_at_the_first_broadcast():
    done = execute([*TOOL, "--strict", str(SCRIPTS / "tf2_eager_tape.py")])
    assert done.returncode == 1
    assert "BroadcastWarning: " in done.stderr and "tf2_eager_tape.py:14:" in done.stderr
    assert done.stdout == ""  # the first step's loss is never printed


def test_python_W_error_makes_it_an_error_too():
    command = [sys.executable, "-W", "error::UserWarning", *TOOL[1:], str(SCRIPTS / "keras3_loss_fit.py")]
    done = execute(command, "tensorflow")
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


def test_the_fixture_fails_a_broadcast_at_its_line(tmp_path):
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["tf_loss_wiring.testing"]\n')
    (tmp_path / "test_user.py").write_text(
        "import tensorflow as tf\n"
        "\n"
        "def test_broadcast(broadcast_watch):\n"
        "    tf.reduce_mean(tf.square(tf.zeros([4, 1]) - tf.ones([4])))\n"
        "\n"
        "def test_paired(broadcast_watch):\n"
        "    tf.reduce_mean(tf.square(tf.zeros([4, 1]) - tf.ones([4, 1])))\n"
        "    assert broadcast_watch.count == 0\n")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          capture_output=True, text=True, timeout=TIMEOUT, cwd=tmp_path, env=environment())
    assert "1 failed, 1 passed" in done.stdout, done.stdout[-2000:]
    assert re.search(r"BroadcastWarning: .*test_user.py:4: shapes \(4, 1\) and \(4,\)", done.stdout)
