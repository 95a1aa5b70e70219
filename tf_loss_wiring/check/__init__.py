"""`tf-loss-wiring check TARGET…`: is the broadcast trap in your own code?

A loss, named `module:name` or `path/to/file.py:name` (a function, a TensorFlow function, a Keras 3 or a
tf_keras `Loss` subclass or instance), is probed the way `hazards` probes library APIs: on labels (B,) with
predictions (B, 1) and the reverse, and on the same-rank pairs (B,)/(B,) and (B, 1)/(B, 1); called directly,
and for a function also in a TF1 graph whose placeholders have unknown rank (the question's `shape=(None)`),
for a Keras loss also through `compile` + `train_on_batch` (learning rate 0) in its own Keras generation —
Keras 3 on each installed backend, each in its own process. No formula is assumed. A loss that pairs each
label with its own prediction changes its value when the labels alone are shuffled; a B x B broadcast mixes
every label with every prediction, so shuffling the labels leaves it unchanged. Each pairing is judged so,
and compared with what the loss gives when the shapes agree (the (B,)/(B,) call):

- `correct`: it pairs rows, and gives what the rows paired give;
- `broadcast`: shuffling the labels changes nothing — every label met every prediction;
- `differs`: it pairs rows but gives another value than the rows paired give;
- `refused`: it raised (the first line of the error is kept) — a refusal is safe;
- `non-finite`: it gave NaN or infinity on these numbers (values in (0, 1)), so it cannot be judged there.

A file or a folder is scanned without running it (`tf_loss_wiring.check.scan`): one line `path:line:col: CODE
message` per finding, and the fix under it.

Exit status: 0 nothing broadcasts, 1 something does (or differs), 2 a target that cannot be imported or read,
or is not a loss (one line naming it), or a loss that is `non-finite` on a pairing asked for and broadcasts on
none (it is not judged: not clean, not a broadcast). `--json PATH` (or `-` for standard output) writes every
result, a non-finite number as null.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import importlib.util
import inspect
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from common import quiet
from common.cli import check_writable
from tf_loss_wiring.check import scan
from tf_loss_wiring.hazards import RTOL  # float32 arithmetic; a broadcast or a shuffle moves these by > 1e-2

HELP = "is the broadcast trap in your own code? probe a loss (module:name, file.py:name), or scan files"

EXIT_CLEAN, EXIT_BROADCASTS, EXIT_TARGET = 0, 1, 2

# Five rows, not a multiple of anything, no two differences alike: shuffling the labels moves every common
# loss (MSE, MAE, Huber, log-cosh, crossentropy on these values in (0, 1)) by far more than RTOL.
LABELS = np.array([0.12, 0.47, 0.23, 0.91, 0.65], dtype="float32")
PREDICTIONS = np.array([0.31, 0.08, 0.54, 0.62, 0.77], dtype="float32")
SHUFFLE = np.roll(np.arange(len(LABELS)), 1)  # every label moves to another row
SHAPES = {"B": "(B,)", "B1": "(B, 1)"}
PAIRINGS = (("B", "B1"), ("B1", "B"), ("B", "B"), ("B1", "B1"))  # (labels, predictions)
REFERENCES = (("B", "B"), ("B1", "B1"))  # the rows paired: the first that pairs rows is the reference
HAZARDS = ("broadcast", "differs")
NOT_JUDGED = "non-finite"  # NaN or infinity on these numbers: neither safe nor a broadcast, so not judged
BACKENDS = ("tensorflow", "jax", "torch")  # Keras 3 backends that can train (compile + train_on_batch)
BACKEND_TIMEOUT = 600  # seconds for one backend's process; it takes about 4 s (README), a hang must not block
PREDICTION_NAMES = re.compile(r"pred|logit|output|y_hat|yhat", re.I)

PATH_DIRECT = "called directly"
PATH_GRAPH = "TF1 graph, placeholders of unknown rank"


class TargetError(Exception):
    """A target that cannot be imported, read or built, or is not a loss: one line naming it."""


@dataclasses.dataclass
class Probe:
    path: str
    labels: str  # "B" or "B1"
    predictions: str
    value: float | None = None
    shuffled: float | None = None  # the value with the labels alone shuffled
    error: str | None = None
    outcome: str = ""

    @property
    def pairing(self) -> str:
        return f"labels {SHAPES[self.labels]} · predictions {SHAPES[self.predictions]}"


@dataclasses.dataclass
class Report:
    target: str
    kind: str  # "function", "Keras 3 loss", "tf_keras loss"
    called_as: str  # "(labels, predictions)" or "(predictions, labels)"
    probes: list[Probe]
    asked: tuple[tuple[str, str], ...] = PAIRINGS
    not_run: dict[str, str] = dataclasses.field(default_factory=dict)  # path → why it could not run
    notes: list[str] = dataclasses.field(default_factory=list)

    @property
    def counted(self) -> list[Probe]:
        return [p for p in self.probes if (p.labels, p.predictions) in self.asked]

    @property
    def broadcasts(self) -> bool:
        return any(p.outcome in HAZARDS for p in self.counted)

    @property
    def not_judged(self) -> bool:
        return not self.broadcasts and any(p.outcome == NOT_JUDGED for p in self.counted)

    @property
    def status(self) -> str:
        return "broadcasts" if self.broadcasts else "not judged" if self.not_judged else "clean"

    @property
    def exit_status(self) -> int:
        return EXIT_BROADCASTS if self.broadcasts else EXIT_TARGET if self.not_judged else EXIT_CLEAN

    @property
    def fix(self) -> str:
        return fix_for(self)


# --- numbers, in each shape -------------------------------------------------------------------------------
def arrays(labels: str, predictions: str, shuffled: bool) -> tuple[np.ndarray, np.ndarray]:
    y = LABELS[SHUFFLE] if shuffled else LABELS
    return (y if labels == "B" else y[:, None]), (PREDICTIONS if predictions == "B" else PREDICTIONS[:, None])


# What TensorFlow wraps around an error's own words: the graph's "where", the eager op's device and name.
_TF_FRAMING = re.compile(r"^(Graph execution error:|Detected at node|Node: |\s)")
_TF_OP_NOISE = re.compile(r"^\{\{function_node [^}]*\}\}\s*|\s*\[Op:\w+\].*$")


def first_line(error: BaseException) -> str:
    """The line of an error that says what went wrong, without TensorFlow's framing."""
    lines = [line for line in str(error).strip().splitlines() if line.strip() and not _TF_FRAMING.match(line)]
    return _TF_OP_NOISE.sub("", (lines or [type(error).__name__])[0])[:200]


def measure(path: str, pairing: tuple[str, str], evaluate: Callable[[np.ndarray, np.ndarray], object]) -> Probe:
    """Evaluate on the pairing, and again with the labels shuffled; the mean of what it returns."""
    probe = Probe(path, *pairing)
    try:
        probe.value = float(np.mean(np.asarray(evaluate(*arrays(*pairing, shuffled=False)))))
        probe.shuffled = float(np.mean(np.asarray(evaluate(*arrays(*pairing, shuffled=True)))))
    except Exception as error:  # noqa: BLE001  (any refusal is an outcome)
        probe.value = probe.shuffled = None
        probe.error = first_line(error)
    return probe


# --- judging ----------------------------------------------------------------------------------------------
def finite(probe: Probe) -> bool:
    """Both values are numbers, neither NaN nor infinite (None stands for a non-finite one read from JSON)."""
    return all(v is not None and np.isfinite(v) for v in (probe.value, probe.shuffled))


def pairs_rows(probe: Probe) -> bool:
    """Shuffling the labels alone changed the value: each label met its own prediction."""
    return probe.error is None and finite(probe) and not np.isclose(probe.value, probe.shuffled, rtol=RTOL, atol=0)


def judge(probes: list[Probe]) -> None:
    """Classify every probe of one path against that path's reference (the rows paired)."""
    by_pairing = {(p.labels, p.predictions): p for p in probes}
    reference = next((by_pairing[r] for r in REFERENCES if r in by_pairing and pairs_rows(by_pairing[r])), None)
    for probe in probes:
        if probe.error is not None:
            probe.outcome = "refused"
        elif not finite(probe):
            probe.outcome = NOT_JUDGED
        elif not pairs_rows(probe):
            probe.outcome = "broadcast"
        elif reference is not None and not np.isclose(probe.value, reference.value, rtol=RTOL, atol=0):
            probe.outcome = "differs"
        else:
            probe.outcome = "correct"


def probe_path(path: str, evaluate: Callable) -> list[Probe]:
    probes = [measure(path, pairing, evaluate) for pairing in PAIRINGS]
    judge(probes)
    return probes


def finish(report: Report) -> Report:
    """Drop the paths the loss cannot run on at all; refuse a target no path could judge.

    A path on which shuffling the labels never changes the value is a broadcast on every pairing when another
    path of the same loss pairs rows; only when no path does is the loss no loss of labels and predictions.
    """
    paths = {path: [p for p in report.probes if p.path == path] for path in dict.fromkeys(p.path for p in
                                                                                          report.probes)}
    rows_paired = any(pairs_rows(p) for p in report.probes)
    for path, on_path in paths.items():
        if all(p.error is not None for p in on_path):
            report.not_run[path] = on_path[0].error
        elif not rows_paired and all(p.error is not None or not finite(p) for p in on_path):
            report.not_run[path] = "it gives no finite value on any pairing"
        elif not rows_paired:
            report.not_run[path] = "shuffling the labels never changes its value, whatever the shapes"
    report.probes = [p for p in report.probes if p.path not in report.not_run]
    if not report.probes:
        why = "; ".join(f"{path}: {error}" for path, error in report.not_run.items())
        raise TargetError(f"{report.target}: not a loss of labels and predictions ({why})")
    return report


# --- the paths a loss is probed on ------------------------------------------------------------------------
def argument_order(fn) -> bool:
    """True when the function names its predictions first (`loss(y_predict, y)`, as TF1 code often does)."""
    try:
        names = [p.name for p in inspect.signature(fn).parameters.values()][:2]
    except (TypeError, ValueError):
        return False
    return len(names) == 2 and bool(PREDICTION_NAMES.search(names[0])) and not PREDICTION_NAMES.search(names[1])


def function_probes(fn, predictions_first: bool) -> list[Probe]:
    """A function: on eager tensors, and in a TF1 graph fed through placeholders of unknown rank."""
    import tensorflow as tf

    def call(y, p):
        return fn(p, y) if predictions_first else fn(y, p)

    probes = probe_path(PATH_DIRECT, lambda y, p: call(tf.constant(y), tf.constant(p)))
    v1 = tf.compat.v1
    graph = tf.Graph()
    with graph.as_default():
        y_in, p_in = v1.placeholder(tf.float32, shape=None), v1.placeholder(tf.float32, shape=None)
        try:
            out, built = call(y_in, p_in), None
        except Exception as error:  # noqa: BLE001  (a loss that cannot be built in a graph is not run there)
            out, built = None, error
    if built is not None:
        return probes + [Probe(PATH_GRAPH, *pairing, error=first_line(built), outcome="refused")
                         for pairing in PAIRINGS]
    with v1.Session(graph=graph) as sess:
        probes += probe_path(PATH_GRAPH, lambda y, p: sess.run(out, {y_in: y, p_in: p}))
    return probes


def keras_probes(loss, keras, label: str) -> list[Probe]:
    """A Keras loss: called directly, and through compile + train_on_batch with learning rate 0."""
    convert = keras.ops.convert_to_tensor if hasattr(keras, "ops") else __import__("tensorflow").constant
    probes = probe_path(PATH_DIRECT + f" ({label})", lambda y, p: loss(convert(y), convert(p)))
    models = {}

    def train(y, p):
        # A model of its own per pairing: Keras 3 retraces a second label shape with unknown rank, and refuses.
        shapes = (y.ndim, p.ndim)
        if shapes not in models:  # predictions == PREDICTIONS: Dense(1) with kernel 1, bias 0, fed them
            layers = [keras.Input(shape=(1,)), keras.layers.Dense(1, kernel_initializer="ones")]
            if p.ndim == 1:
                layers.append(keras.layers.Reshape(()))
            models[shapes] = keras.Sequential(layers)
            models[shapes].compile(loss=loss, optimizer=keras.optimizers.SGD(learning_rate=0.0))
        # Keras 3.0-3.14 return the mean of every batch loss since compile; 3.15 and tf_keras reset it first.
        models[shapes].reset_metrics()
        return models[shapes].train_on_batch(PREDICTIONS[:, None], y)

    return probes + probe_path(f"compile + train_on_batch ({label})", train)


# --- what a target is -------------------------------------------------------------------------------------
def split_target(text: str) -> tuple[str, str] | None:
    """`module:name` or `path/to/file.py:name` → (where, name); None when it names no object."""
    where, colon, name = text.rpartition(":")
    if not colon or not where or not all(part.isidentifier() for part in name.split(".")):
        return None
    return where, name


def load(text: str):
    """The object a loss target names, importing its module (which runs that module's top-level code)."""
    where, name = split_target(text)
    try:
        if where.endswith(".py") or os.sep in where or "/" in where:
            module = load_file(Path(where))
        else:
            if os.getcwd() not in sys.path:  # as `python -m` would: modules in the current folder import
                sys.path.insert(0, os.getcwd())
            module = importlib.import_module(where)
    except (TargetError, KeyboardInterrupt):
        raise
    except BaseException as error:  # noqa: BLE001  (even sys.exit() at import: the user gets one line, status 2)
        raise TargetError(f"{text}: cannot import {where!r}: {type(error).__name__}: {first_line(error)}") from None
    found = module
    for part in name.split("."):
        if not hasattr(found, part):
            raise TargetError(f"{text}: {where!r} has no attribute {part!r}")
        found = getattr(found, part)
    return found


def load_file(path: Path):
    if not path.is_file():
        raise TargetError(f"{path}: no such file")
    module_name = "_tf_loss_wiring_target_" + re.sub(r"\W", "_", str(path.resolve()))
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    sys.path.insert(0, str(path.resolve().parent))  # so that the file's own sibling imports work
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    finally:
        sys.path.remove(str(path.resolve().parent))
    return module


def generation_of(obj) -> str | None:
    """'keras3' or 'tf_keras' for a Keras `Loss` subclass or instance (by its classes' modules), else None."""
    cls = obj if inspect.isclass(obj) else type(obj)
    for base in inspect.getmro(cls):
        if base.__name__ != "Loss":
            continue
        root = base.__module__.split(".")[0]
        if root == "tf_keras":
            return "tf_keras"
        if root == "keras" and sys.modules["keras"].__version__.startswith("3."):
            return "keras3"
        if root == "keras":
            return "tf_keras"  # a Keras 2 installed as `keras`: it behaves as tf_keras does
    return None


def as_loss(text: str, obj):
    """The callable to probe: an instance for a Loss class (built without arguments), the object otherwise."""
    generation = generation_of(obj)
    if inspect.isclass(obj):
        if generation is None:
            raise TargetError(f"{text}: the class {obj.__name__} is not a keras.losses.Loss subclass")
        try:
            return obj(), generation
        except Exception as error:  # noqa: BLE001
            raise TargetError(f"{text}: cannot build {obj.__name__}() without arguments: "
                              f"{type(error).__name__}: {first_line(error)}") from None
    if inspect.ismodule(obj) or not callable(obj):
        raise TargetError(f"{text}: not a loss: a value of type {type(obj).__name__}, not a function or a Loss")
    return obj, generation


# --- checking one loss ------------------------------------------------------------------------------------
def valid_pairings(pairings) -> tuple[tuple[str, str], ...]:
    """The pairings asked for, each a known (labels, predictions) pair (a tuple or a list); ValueError if not."""
    try:
        asked = tuple(dict.fromkeys(tuple(pair) for pair in pairings))
    except TypeError:
        asked = ()
    if not asked or any(pair not in PAIRINGS for pair in asked):
        raise ValueError(f"Invalid value for argument `pairings`. Expected a non-empty sequence of (labels, "
                         f"predictions) pairs from {PAIRINGS}. Received: pairings={pairings!r}")
    return asked


def check_loss(loss, target: str = "", pairings=PAIRINGS) -> Report:
    """Probe a loss object in this process (Keras 3 on this process's backend only); see the module's doc."""
    return quietly(probe_loss, loss, target, valid_pairings(pairings))


def probe_loss(loss, target: str, pairings: tuple) -> Report:
    loss, generation = as_loss(target or repr(loss), loss)
    if generation is None:
        predictions_first = argument_order(loss)
        report = Report(target, "function", "(predictions, labels)" if predictions_first else "(labels, predictions)",
                        function_probes(loss, predictions_first), pairings)
    else:
        keras = importlib.import_module({"keras3": "keras", "tf_keras": "tf_keras"}[generation])
        label = f"keras {keras.__version__}, {keras.backend.backend()} backend" if generation == "keras3" \
            else f"tf_keras {keras.__version__}"
        kind = "Keras 3 loss" if generation == "keras3" else "tf_keras loss"
        report = Report(target, kind, "(y_true, y_pred)", keras_probes(loss, keras, label), pairings)
    return finish(report)


def installed_backends() -> list[str]:
    return [name for name in BACKENDS if importlib.util.find_spec(name) is not None]


def backend_probes(target: str, backend: str) -> tuple[list[Probe], dict[str, str]]:
    """A Keras 3 loss on another backend: the backend is process-wide, so in a process of its own.

    The probes, and the paths that did not run (all of them, in one line, when the process fails or hangs).
    """
    env = {**os.environ, "KERAS_BACKEND": backend,
           "PYTHONPATH": os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")]))}
    where = f"{backend} backend"
    try:
        done = subprocess.run([sys.executable, "-m", "tf_loss_wiring.check", target], capture_output=True,
                              text=True, env=env, timeout=BACKEND_TIMEOUT)
    except subprocess.TimeoutExpired:
        return [], {where: f"the probe process did not finish within {BACKEND_TIMEOUT:g} s"}
    try:
        data = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [], {where: f"the probe process failed: {tail}"}
    if "error" in data:
        return [], {where: data["error"]}
    return [Probe(**probe) for probe in data["probes"]], data.get("not_run", {})


def check_target(text: str, pairings: tuple = PAIRINGS) -> Report:
    """Load a `module:name` / `file.py:name` target and probe it; Keras 3 on every installed backend."""
    report = check_loss(load(text), text, pairings)
    if report.kind == "Keras 3 loss":
        import keras

        here = keras.backend.backend()
        installed = installed_backends()
        for backend in installed:
            if backend != here:
                probes, not_run = backend_probes(text, backend)
                report.probes += probes
                report.not_run.update(not_run)
        missing = [name for name in BACKENDS if name not in installed]
        if missing:
            report.notes.append(f"Keras 3 backends not installed, not probed: {', '.join(missing)}")
    return report


def quietly(work: Callable, *args):
    """Run `work` with TensorFlow's Python logger at ERROR: probing builds small models on purpose."""
    import tensorflow as tf

    logger, level = tf.get_logger(), tf.get_logger().level
    logger.setLevel("ERROR")
    try:
        return work(*args)
    finally:
        logger.setLevel(level)


def fix_for(report: Report) -> str:
    hazards = [p for p in report.counted if p.outcome in HAZARDS]
    if not hazards:
        return ""
    if any(p.labels == p.predictions for p in hazards):
        return ("it changes a shape whatever comes (a squeeze?): reshape only the side that has the extra axis, "
                "or make the caller feed one shape and guard it with tf_loss_wiring.guard.same_shape")
    if report.kind == "function":
        return ("bring labels and predictions to one shape before they meet: tf.squeeze(predictions, axis=-1) "
                "against (B,) labels, or y, p = tf_loss_wiring.guard.same_shape(y, p)")
    guard = "in call(): y_true, y_pred = tf_loss_wiring.guard.same_shape(y_true, y_pred)"
    if report.kind == "Keras 3 loss":
        return guard + ", or return Keras 3's built-in keras.losses function (mean_squared_error & co.), " \
                       "which repairs the ranks"
    return guard + ", or tf.squeeze(y_pred, axis=-1) against (B,) labels (tf_keras's built-in functions " \
                   "broadcast too: they do not repair the ranks)"


# --- the command ------------------------------------------------------------------------------------------
def pairing(text: str) -> tuple[str, str]:
    """`B:B1` → labels (B,), predictions (B, 1)."""
    labels, _, predictions = text.partition(":")
    if labels not in SHAPES or predictions not in SHAPES:
        raise argparse.ArgumentTypeError(f"expected LABELS:PREDICTIONS, each B or B1 (e.g. B:B1), received {text!r}")
    return labels, predictions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="+", metavar="TARGET",
                        help="a loss (module:name or path/to/file.py:name), or a .py file or folder to scan")
    parser.add_argument("--pairing", type=pairing, action="append", metavar="LABELS:PREDICTIONS",
                        help="judge only the shapes your model really gives, e.g. B:B1 for labels (B,) and "
                             "predictions (B, 1); repeatable (default: all four pairings)")
    parser.add_argument("--json", metavar="PATH", help="write every result to PATH ('-': standard output only)")


def finite_or_none(value: float | None) -> float | None:
    """JSON has no NaN or infinity: a non-finite number is written as null (as common/record.py does)."""
    return value if value is None or np.isfinite(value) else None


def probe_record(probe: Probe) -> dict:
    return {**dataclasses.asdict(probe), "value": finite_or_none(probe.value),
            "shuffled": finite_or_none(probe.shuffled)}


def to_record(report: Report) -> dict:
    return {"target": report.target, "kind": report.kind, "called_as": report.called_as, "status": report.status,
            "pairings": [f"{a}:{b}" for a, b in report.asked], "probes": [probe_record(p) for p in report.probes],
            "not_run": report.not_run, "notes": report.notes, "fix": report.fix}


def scan_record(target: str, findings: list[scan.Finding], problems: list[str]) -> dict:
    return {"target": target, "kind": "source", "status": "broadcasts" if findings else "clean",
            "findings": [{**dataclasses.asdict(f), "fix": f.fix} for f in findings], "problems": problems}


def show_report(console, report: Report) -> None:
    """One table per loss: a row per path, a column per pairing, the outcome and value in each cell."""
    from rich.markup import escape
    from rich.table import Table

    colours = {"correct": "green", "broadcast": "bold red", "differs": "bold red", "refused": "yellow",
               NOT_JUDGED: "yellow"}
    table = Table(title=f"{escape(report.target)}: a {report.kind}, called as {report.called_as}",
                  title_justify="left")
    table.add_column("path")
    asked = [pairing for pairing in PAIRINGS if pairing in report.asked]
    for labels, predictions in asked:
        table.add_column(f"labels {SHAPES[labels]}\npredictions {SHAPES[predictions]}")
    for path in dict.fromkeys(p.path for p in report.probes):
        cells = {(p.labels, p.predictions): p for p in report.probes if p.path == path}
        row = []
        for key in asked:
            probe = cells[key]
            detail = escape(probe.error[:60]) if probe.error else \
                f"{probe.value:.6g}" if probe.value is not None else "null"
            row.append(f"[{colours[probe.outcome]}]{probe.outcome}[/] {detail}")
        table.add_row(escape(path), *row)
    console.print(table)
    for path, why in report.not_run.items():
        console.print(f"  not run {escape(path)}: {escape(why)}")
    for note in report.notes:
        console.print(f"  {escape(note)}")
    if report.broadcasts:
        bad = sorted({p.pairing for p in report.counted if p.outcome in HAZARDS})
        console.print(f"[bold red]broadcasts[/] on {escape('; '.join(bad))}")
        console.print(f"  fix: {escape(report.fix)}")
    elif report.not_judged:
        odd = sorted({p.pairing for p in report.counted if p.outcome == NOT_JUDGED})
        console.print(f"[yellow]not judged[/]: NaN or infinity on {escape('; '.join(odd))} (status 2)")
    else:
        console.print("[green]clean[/]: every pairing asked for pairs each label with its own prediction, or refuses")


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tf_loss_wiring.cli import console

    if args.json != "-":
        check_writable(parser, "--json", args.json)
    records, status = [], EXIT_CLEAN
    losses = [t for t in args.targets if split_target(t) is not None and not Path(t).exists()]
    for target in args.targets:
        if target not in losses and not Path(target).exists():
            parser.error(f"argument TARGET: {target!r} is neither a file or folder nor module:name / file.py:name")
    out = console()
    pairings = tuple(dict.fromkeys(args.pairing)) if args.pairing else PAIRINGS
    scanned = [t for t in args.targets if t not in losses]
    if args.pairing and scanned:
        print(f"{parser.prog}: warning: --pairing applies to losses only; ignored for {', '.join(scanned)}",
              file=sys.stderr)
    for target in args.targets:
        try:
            if target in losses:
                with quiet.startup(args.verbose):  # TensorFlow loads here, and the user's module with it
                    report = check_target(target, pairings)
                records.append(to_record(report))
                status = max(status, report.exit_status)
                if args.json != "-":
                    show_report(out, report)
            else:
                done = scan.scan_path(Path(target))
                records.append(scan_record(target, done.findings, done.problems))
                status = max(status, EXIT_BROADCASTS if done.findings else EXIT_CLEAN,
                             EXIT_TARGET if done.problems else EXIT_CLEAN)
                for line in done.problems:
                    print(f"{parser.prog}: error: {line}", file=sys.stderr)
                if args.json != "-":
                    for finding in done.findings:
                        print(f"{finding}\n    fix: {finding.fix}")
                    print(f"{target}: {done.summary}")
        except TargetError as error:
            print(f"{parser.prog}: error: {error}", file=sys.stderr)
            records.append({"target": target, "status": "error", "error": str(error)})
            status = EXIT_TARGET
    if args.json:
        text = json.dumps({"targets": records}, indent=1, allow_nan=False)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n")
    return status


def probe_here(target: str) -> dict:
    """What `backend_probes` asks a process of its own: a Keras 3 loss on this process's backend, as JSON."""
    try:
        with quiet.startup():
            report = check_loss(load(target), target)
    except TargetError as error:
        return {"error": str(error)}
    return {"probes": [probe_record(p) for p in report.probes], "not_run": report.not_run}

