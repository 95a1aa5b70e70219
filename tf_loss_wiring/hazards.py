"""`tf-loss-wiring hazards`: which loss APIs silently broadcast labels (B,) against predictions (B, 1).

Every API a migrating user meets is called on the same four labels and predictions, in both shapes, both
argument orders, numpy and tensor inputs, and the result is classified:

- `correct`: the mean of (p_i - y_i)**2, each prediction paired with its own label;
- `broadcast`: the mean of (p_i - y_j)**2 over the B x B matrix — the question's bug;
- `error`: it refused (the value column then holds the error's first line).

`--json PATH` writes the same table as records; `--markdown` prints the table docs/hazards.md carries
(tests/test_hazards.py fails when the two disagree).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable

import numpy as np

from common import quiet
from common.cli import check_writable
from keras_impl import STYLE as KERAS_IMPL

HELP = "which loss APIs broadcast labels (B,) against predictions (B, 1), in the versions installed here"

LABELS = np.array([0.1, 0.4, 0.2, 0.9])
PREDICTIONS = np.array([0.3, 0.1, 0.5, 0.6])
CORRECT = float(np.mean((PREDICTIONS - LABELS) ** 2))
BROADCAST = float(np.mean((PREDICTIONS[:, None] - LABELS[None, :]) ** 2))
SHAPES = {"(B,)": lambda v: v, "(B, 1)": lambda v: v[:, None]}
PAIRS = [("(B,)", "(B, 1)"), ("(B, 1)", "(B,)")]  # (labels, predictions)
ORDERS = ("labels, predictions", "predictions, labels")
OUTCOMES = ("correct", "broadcast", "error", "this batch", "mean since compile")
# train_on_batch after a first batch of loss 1: this batch's loss (9), or the mean of both batches (5).
FIRST_BATCH, SECOND_BATCH = (np.ones((2, 1)), np.array([1.0, 1.0])), (np.ones((2, 1)), np.array([3.0, 3.0]))
RETURNED = {"this batch": 9.0, "mean since compile": 5.0}
RTOL = 1e-5  # float32 arithmetic in some APIs; CORRECT and BROADCAST differ by far more


@dataclasses.dataclass
class Probe:
    api: str
    labels_shape: str
    predictions_shape: str
    inputs: str
    argument_order: str
    outcome: str = ""
    value: float | None = None
    error: str | None = None
    computes_in: str | None = None


def observe(probe: Probe, call: Callable[[], object], expected: dict[str, float] | None = None) -> Probe:
    """Run `call`, and classify what it returned (its mean, for per-sample losses) or raised.

    `expected` maps each outcome to the value that means it: by default `correct` and `broadcast`.
    """
    try:
        result = call()
    except Exception as error:  # noqa: BLE001  (any refusal is an outcome)
        probe.outcome, probe.error = "error", (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        return probe
    if hasattr(result, "dtype"):  # a tensor or an array, not Keras's already-converted Python float
        probe.computes_in = getattr(result.dtype, "name", str(result.dtype))
    probe.value = float(np.mean(np.asarray(result)))
    matching = [outcome for outcome, value in (expected or {"correct": CORRECT, "broadcast": BROADCAST}).items()
                if np.isclose(probe.value, value, rtol=RTOL, atol=0)]
    probe.outcome = matching[0] if matching else f"other ({probe.value:g})"
    return probe


def ordered(order: str, labels, predictions) -> tuple:
    return (labels, predictions) if order == ORDERS[0] else (predictions, labels)


def tf1_compat_probes(tf) -> list[Probe]:
    """tf.compat.v1.losses.mean_squared_error in a graph, labels placeholder declared three ways."""
    v1, probes = tf.compat.v1, []
    for declared, shape in [(None, "(B,)"), ((None,), "(B,)"), ((None, 1), "(B, 1)")]:
        for order in ORDERS:
            probe = Probe("tf.compat.v1.losses.mean_squared_error", shape, "(B, 1)",
                          f"placeholder shape={declared}", order)

            def call(declared=declared, shape=shape, order=order):
                with tf.Graph().as_default(), v1.Session() as sess:
                    y = v1.placeholder(tf.float64, shape=declared)
                    p = v1.placeholder(tf.float64, shape=(None, 1))
                    loss = v1.losses.mean_squared_error(*ordered(order, y, p))
                    return sess.run(loss, {y: SHAPES[shape](LABELS), p: SHAPES["(B, 1)"](PREDICTIONS)})

            probes.append(observe(probe, call))
    return probes


def raw_tf_probes(tf) -> list[Probe]:
    """The expression people write by hand: reduce_mean(square(y - y_pred))."""
    probes = []
    for labels_shape, predictions_shape in PAIRS:
        for order in ORDERS:
            y = tf.constant(SHAPES[labels_shape](LABELS))
            p = tf.constant(SHAPES[predictions_shape](PREDICTIONS))
            a, b = ordered(order, y, p)
            probe = Probe("tf.reduce_mean(tf.square(a - b))", labels_shape, predictions_shape, "tensor", order)
            probes.append(observe(probe, lambda a=a, b=b: tf.reduce_mean(tf.square(a - b))))
    return probes


def keras_function_probes(to_tensor, name: str, keras) -> list[Probe]:
    """The `mean_squared_error` function and the `MeanSquaredError` class, called directly."""
    probes = []
    apis = {f"{name}.losses.mean_squared_error": keras.losses.mean_squared_error,
            f"{name}.losses.MeanSquaredError()": keras.losses.MeanSquaredError()}
    for api, loss in apis.items():
        for labels_shape, predictions_shape in PAIRS:
            for order in ORDERS:
                for inputs, convert in (("numpy", np.asarray), ("tensor", to_tensor)):
                    y, p = convert(SHAPES[labels_shape](LABELS)), convert(SHAPES[predictions_shape](PREDICTIONS))
                    probe = Probe(api, labels_shape, predictions_shape, inputs, order)
                    arguments = ordered(order, y, p)
                    probes.append(observe(probe, lambda loss=loss, arguments=arguments: loss(*arguments)))
    return probes


def keras_compile_probes(name: str, keras, plain_function, buggy_loss) -> list[Probe]:
    """compile + train_on_batch: the built-in loss, a plain function, a `Loss` subclass."""
    losses = {"'mse'": lambda: "mse", "a plain function": lambda: plain_function, "a Loss subclass": buggy_loss}
    probes = []
    for what, make_loss in losses.items():
        for labels_shape, predictions_shape in PAIRS:
            probe = Probe(f"{name}: compile(loss={what}) + train_on_batch", labels_shape, predictions_shape,
                          "numpy", "(Keras's)")

            def call(make_loss=make_loss, labels_shape=labels_shape, predictions_shape=predictions_shape):
                layers = [keras.Input(shape=(1,)), keras.layers.Dense(1, kernel_initializer="ones")]
                if predictions_shape == "(B,)":
                    layers.append(keras.layers.Reshape(()))
                model = keras.Sequential(layers)
                model.compile(loss=make_loss(), optimizer=keras.optimizers.SGD(learning_rate=0.0))
                # learning rate 0: the returned loss is the loss of predictions == PREDICTIONS
                x, y = PREDICTIONS[:, None].astype("float32"), SHAPES[labels_shape](LABELS).astype("float32")
                return model.train_on_batch(x, y)

            probes.append(observe(probe, call))
    return probes


def train_on_batch_probes(name: str, keras) -> list[Probe]:
    """What `train_on_batch` returns for a second batch: its own loss, or the mean of every batch since compile."""
    probe = Probe(f"{name}: train_on_batch's returned loss", "(B,)", "(B, 1)", "numpy", "(Keras's)")

    def call():
        model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(
            1, kernel_initializer="zeros", bias_initializer="zeros")])
        model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=0.0))  # predictions stay 0
        model.train_on_batch(*FIRST_BATCH)
        return model.train_on_batch(*SECOND_BATCH)

    return [observe(probe, call, RETURNED)]


def ops_probes(name: str, ops) -> list[Probe]:
    """The expression a Keras 3 user writes by hand, on the backend's tensors: ops.mean(ops.square(a - b))."""
    probes = []
    for labels_shape, predictions_shape in PAIRS:
        y = ops.convert_to_tensor(SHAPES[labels_shape](LABELS))
        p = ops.convert_to_tensor(SHAPES[predictions_shape](PREDICTIONS))
        probe = Probe(f"{name}: ops.mean(ops.square(a - b))", labels_shape, predictions_shape, "tensor",
                      ORDERS[0])
        probes.append(observe(probe, lambda y=y, p=p: ops.mean(ops.square(y - p))))
    return probes


def keras3_probes(name: str, keras, keras_impl) -> list[Probe]:
    """Keras 3's APIs on the backend this process's Keras runs on."""
    ops = keras.ops

    def plain_function(y_true, y_pred):
        return ops.mean(ops.square(y_true - y_pred))

    return (keras_function_probes(ops.convert_to_tensor, name, keras)
            + keras_compile_probes(name, keras, plain_function, lambda: keras_impl.buggy_loss(keras, "float32"))
            + ops_probes(name, ops))


def probe_all(backends: bool = True) -> list[Probe]:
    """Every probe: TF1, TF2, Keras 3 on TensorFlow, tf_keras; then Keras 3 on each other installed backend,
    each in a process of its own (`backends=False` leaves those out)."""
    import tensorflow as tf

    keras_impl = KERAS_IMPL.load()
    probes = tf1_compat_probes(tf) + raw_tf_probes(tf)
    for generation, name in (("keras3", "keras"), ("tf_keras", "tf_keras")):
        keras = keras_impl.keras_module(generation)
        if generation == "keras3":
            probes += keras3_probes(name, keras, keras_impl)
        else:
            def plain_function(y_true, y_pred):
                return tf.reduce_mean(tf.square(y_true - y_pred))

            probes += keras_function_probes(tf.constant, name, keras)
            probes += keras_compile_probes(name, keras, plain_function, lambda keras=keras: keras_impl.buggy_loss(
                keras, "float32"))
        probes += train_on_batch_probes(name, keras)
    for backend in (OTHER_BACKENDS if backends else ()):
        probes += probe_in_own_process(backend)
    return probes


OTHER_BACKENDS = [b for b in KERAS_IMPL.backends[1:] if importlib.util.find_spec(b) is not None]


def backend_probes(backend: str) -> list[Probe]:
    """Keras 3 on `backend`, in this process (which must not have imported Keras on another one)."""
    keras_impl = KERAS_IMPL.load()
    keras = keras_impl.keras_module("keras3", backend)
    return keras3_probes(f"keras[{backend}]", keras, keras_impl)


def probe_in_own_process(backend: str) -> list[Probe]:
    """`backend_probes` in a fresh process: a Keras 3 backend holds for the process that imported Keras."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "probes.json")
        done = subprocess.run([sys.executable, "-m", "tf_loss_wiring", "hazards", "--backend", backend, "--json",
                               path], capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
        if done.returncode != 0:
            raise RuntimeError(f"probing Keras 3 on {backend} failed: {done.stderr.strip().splitlines()[-1:]}")
        with open(path) as f:
            return [Probe(**probe) for probe in json.load(f)["probes"]]


def versions() -> dict[str, str]:
    return {name: importlib.import_module(name).__version__ for name in ("tensorflow", "keras", "tf_keras")}


COLUMNS = ("api", "labels", "predictions", "inputs", "argument order", "outcome")


def rows(probes: list[Probe]) -> list[tuple[str, ...]]:
    return [(p.api, p.labels_shape, p.predictions_shape, p.inputs, p.argument_order, p.outcome) for p in probes]


def markdown(probes: list[Probe]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    for api, *middle, outcome in rows(probes):
        shown = "**broadcast**" if outcome == "broadcast" else outcome
        lines.append("| " + " | ".join([f"`{api}`", *middle, shown]) + " |")
    return "\n".join(lines) + "\n"


# --- what changes between versions ------------------------------------------------------------------------
VERSIONS_BEGIN, VERSIONS_END = "<!-- versions:begin -->\n", "<!-- versions:end -->"
LIBRARIES = {"tensorflow": "TensorFlow", "keras": "Keras", "tf_keras": "tf-keras"}


def versions_label(found: dict[str, str]) -> str:
    """`TensorFlow 2.21.0, Keras 3.15.1, tf-keras 2.21.0`."""
    return ", ".join(f"{shown} {found[name]}" for name, shown in LIBRARIES.items())


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")[:3] if part.isdigit())


def versions_markdown(cells: dict[str, dict]) -> str:
    """The probes whose outcome differs between the cells that ran them (each as `--json` writes it).

    Cells with the same TensorFlow, Keras and tf-keras share a column; columns run from the oldest versions on.
    """
    columns: dict[str, dict] = {}
    names: dict[str, list[str]] = {}
    for name, data in cells.items():
        label = versions_label(data["versions"])
        names.setdefault(label, []).append(name)
        columns[label] = {tuple(row[:-1]): row[-1] for row in rows([Probe(**p) for p in data["probes"]])}
    ordered_labels = sorted(columns, key=lambda label: [_release(v) for v in re.findall(r" (\S+?)(?:,|$)", label)])
    keys = list(dict.fromkeys(key for label in ordered_labels for key in columns[label]))
    # A probe some cells lack (a backend not installed there, a probe added later) differs only where it ran.
    differing = [key for key in keys if len({columns[label][key] for label in columns if key in columns[label]}) > 1]
    header = [*COLUMNS[:-1], *(f"{' · '.join(names[label])}: {label}" for label in ordered_labels)]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for api, *middle in differing:
        outcomes = [columns[label].get((api, *middle), "(not probed)") for label in ordered_labels]
        lines.append("| " + " | ".join([f"`{api}`", *middle, *outcomes]) + " |")
    return "\n".join(lines) + "\n"


def write_between_markers(path: str, table: str) -> None:
    """Replace what stands between the versions markers in `path` with `table`."""
    text = open(path).read()
    begin, end = text.index(VERSIONS_BEGIN) + len(VERSIONS_BEGIN), text.index(VERSIONS_END)
    with open(path, "w") as f:
        f.write(text[:begin] + table + text[end:])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", metavar="PATH", help="write the table as records to PATH")
    parser.add_argument("--backend", choices=KERAS_IMPL.backends[1:],
                        help="probe only Keras 3 on this backend, in this process (how the full probe runs them)")
    parser.add_argument("--markdown", action="store_true", help="print the hazard map's Markdown table")
    parser.add_argument("--versions", nargs="+", metavar="PROBE.json",
                        help="instead of probing: the rows that differ between these probes (one per version cell)")
    parser.add_argument("--write", metavar="FILE.md", help="with --versions: put the table between the "
                        "versions markers of FILE.md instead of printing it")


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tf_loss_wiring.cli import console

    check_writable(parser, "--json", args.json)
    if args.versions:
        return write_versions(parser, args)
    if args.backend:
        with quiet.startup(args.verbose):
            probes = backend_probes(args.backend)
    else:
        with quiet.startup(args.verbose):
            import tensorflow as tf

        logger, level = tf.get_logger(), tf.get_logger().level
        logger.setLevel("ERROR")  # it builds many small models on purpose: no retracing advice, please
        try:
            probes = probe_all()
        finally:
            logger.setLevel(level)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"versions": versions(), "probes": [dataclasses.asdict(p) for p in probes]}, f, indent=1)
    if args.markdown:
        sys.stdout.write(markdown(probes))
        return 0
    from rich.markup import escape
    from rich.table import Table

    shown = ", ".join(f"{name} {version}" for name, version in versions().items())
    table = Table(title=f"labels vs predictions in each loss API ({shown})")
    for column in (*COLUMNS, "value or error"):
        table.add_column(column)
    for probe, row in zip(probes, rows(probes), strict=True):
        computes_in = f" ({probe.computes_in})" if probe.computes_in else ""  # Keras's floats carry no dtype
        detail = probe.error if probe.outcome == "error" else f"{probe.value:.6g}{computes_in}"
        style = {"correct": "green", "broadcast": "bold red", "error": "yellow"}.get(probe.outcome, "")
        table.add_row(*map(escape, row[:-1]), f"[{style}]{row[-1]}[/]" if style else escape(row[-1]), escape(detail))
    console().print(table)
    return 0


def read_probe(parser: argparse.ArgumentParser, path: str) -> dict:
    """A probe `--json` wrote, checked: its versions and its probes; anything else is refused in one line."""
    try:
        with open(path) as f:
            data = json.load(f)
        return {"versions": {name: data["versions"][name] for name in LIBRARIES},
                "probes": [dataclasses.asdict(Probe(**probe)) for probe in data["probes"]]}
    except OSError as error:
        parser.error(f"argument --versions: cannot read {path!r}: {error.strerror}")
    except (ValueError, KeyError, TypeError) as error:
        parser.error(f"argument --versions: {path!r} is not a probe that --json wrote ({type(error).__name__})")


def write_versions(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    cells = {os.path.splitext(os.path.basename(path))[0]: read_probe(parser, path) for path in args.versions}
    table = versions_markdown(cells)
    if not args.write:
        sys.stdout.write(table)
        return 0
    try:
        write_between_markers(args.write, table)
    except (OSError, ValueError):
        parser.error(f"argument --write: {args.write!r} cannot be written or has no versions markers")
    print(f"versions: {args.write}")
    return 0
