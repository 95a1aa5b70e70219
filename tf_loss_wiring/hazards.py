"""`tf-loss-wiring hazards`: which loss APIs silently broadcast labels (B,) against predictions (B, 1).

Every API a migrating user meets is run through the probe engine `check` uses (`tf_loss_wiring.probe`): in
both mismatched shapes, both argument orders, on numpy and tensor inputs, and judged by shuffling the labels:

- `correct`: it pairs each prediction with its own label and gives their mean squared error;
- `broadcast`: the mean of (p_i - y_j)**2 over the B x B matrix — the question's bug;
- `error`: it refused (the value column then holds the error's first line).

`--json PATH` writes the same table as records; `--markdown` prints the table docs/hazards.md carries
(tests/test_hazards.py fails when the two disagree). Keras 3 on each other installed backend is probed in a
process of its own; a backend that is not installed is named in one line, and the rest is probed.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import re
import sys

import numpy as np

from common import quiet
from common.flags import check_writable
from keras_impl import KERAS_MODULES
from keras_impl import STYLE as KERAS_IMPL
from tf_loss_wiring import cases, probe, processes
from tf_loss_wiring.probe import MISMATCHED, Outcome, Probe

HELP = "which loss APIs broadcast labels (B,) against predictions (B, 1), in the versions installed here"

ORDERS = ("labels, predictions", "predictions, labels")
KERAS_ORDER = "(Keras's)"  # compile hands the loss (y_true, y_pred)
OUTCOMES = ("correct", "broadcast", "error", "this batch", "mean since compile")
SHOWN = {Outcome.REFUSED: "error"}  # the table's word for a refusal
# train_on_batch after a first batch of loss 1: this batch's loss (9), or the mean of both batches (5).
FIRST_BATCH, SECOND_BATCH = (np.ones((2, 1)), np.array([1.0, 1.0])), (np.ones((2, 1)), np.array([3.0, 3.0]))
RETURNED = {"this batch": 9.0, "mean since compile": 5.0}


@dataclasses.dataclass
class Hazard:
    """One API, called one way, on one pairing: the probe and how the table names what was probed."""

    api: str
    inputs: str
    argument_order: str
    probe: Probe

    @property
    def outcome(self) -> str:
        return SHOWN.get(self.probe.outcome, str(self.probe.outcome))

    @property
    def labels_shape(self) -> str:
        return probe.SHAPES[self.probe.labels]

    @property
    def predictions_shape(self) -> str:
        return probe.SHAPES[self.probe.predictions]

    def as_record(self) -> dict:
        return {"api": self.api, "inputs": self.inputs, "argument_order": self.argument_order,
                **self.probe.as_record()}

    @classmethod
    def from_record(cls, record: dict) -> Hazard:
        fields = {name: record[name] for name in ("api", "inputs", "argument_order")}
        return cls(**fields, probe=Probe(**{k: v for k, v in record.items() if k not in fields}))


def hazards_of(api: str, inputs: str, order: str, path: str, evaluate, pairings=MISMATCHED) -> list[Hazard]:
    """The API on `pairings`, judged against the mean squared error of the rows paired."""
    return [Hazard(api, inputs, order, p) for p in probe.probe_path(path, evaluate, pairings, probe.rows_paired())]


def tf1_compat_hazards(tf) -> list[Hazard]:
    """tf.compat.v1.losses.mean_squared_error in a graph, labels placeholder declared three ways."""
    found = []
    for declared, labels in [(None, "B"), ((None,), "B"), ((None, 1), "B1")]:
        for order in ORDERS:
            api, inputs = "tf.compat.v1.losses.mean_squared_error", f"placeholder shape={declared}"
            try:
                with probe.tf1_graph(tf.compat.v1.losses.mean_squared_error, declared, (None, 1),
                                     predictions_first=order == ORDERS[1]) as evaluate:
                    found += hazards_of(api, inputs, order, inputs, evaluate, [(labels, "B1")])
            except ValueError as error:  # TF1 refuses to build what it knows cannot match
                found.append(Hazard(api, inputs, order, probe.judge([Probe(inputs, labels, "B1",
                                                                           error=probe.first_line(error))])[0]))
    return found


def raw_tf_hazards(tf) -> list[Hazard]:
    """The expression people write by hand: reduce_mean(square(y - y_pred))."""
    def by_hand(a, b):
        return tf.reduce_mean(tf.square(a - b))

    return [h for pairing in MISMATCHED for order in ORDERS for h in hazards_of(
        "tf.reduce_mean(tf.square(a - b))", "tensor", order, "tensor",
        probe.direct(by_hand, tf.constant, predictions_first=order == ORDERS[1]), [pairing])]


def keras_function_hazards(to_tensor, name: str, keras) -> list[Hazard]:
    """The `mean_squared_error` function and the `MeanSquaredError` class, called directly."""
    apis = {f"{name}.losses.mean_squared_error": keras.losses.mean_squared_error,
            f"{name}.losses.MeanSquaredError()": keras.losses.MeanSquaredError()}
    found = []
    for api, loss in apis.items():
        for pairing in MISMATCHED:
            for order in ORDERS:
                for inputs, convert in (("numpy", np.asarray), ("tensor", to_tensor)):
                    evaluate = probe.direct(loss, convert, predictions_first=order == ORDERS[1])
                    found += hazards_of(api, inputs, order, inputs, evaluate, [pairing])
    return found


def keras_compile_hazards(name: str, keras, plain_function, buggy_loss) -> list[Hazard]:
    """compile + train_on_batch: the built-in loss, a plain function, a `Loss` subclass."""
    losses = {"'mse'": lambda: "mse", "a plain function": lambda: plain_function, "a Loss subclass": buggy_loss}
    found = []
    for what, make_loss in losses.items():
        for pairing in MISMATCHED:
            found += hazards_of(f"{name}: compile(loss={what}) + train_on_batch", "numpy", KERAS_ORDER,
                                probe.PATH_COMPILE, probe.compiled(keras, make_loss()), [pairing])
    return found


def train_on_batch_returns(name: str, keras) -> list[Hazard]:
    """What `train_on_batch` returns for a second batch: its own loss, or the mean of every batch since compile."""
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(
        1, kernel_initializer="zeros", bias_initializer="zeros")])
    model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=0.0))  # predictions stay 0
    model.train_on_batch(*FIRST_BATCH)
    value = float(np.mean(model.train_on_batch(*SECOND_BATCH)))
    matching = [outcome for outcome, expected in RETURNED.items() if np.isclose(value, expected, rtol=probe.RTOL)]
    returned = Probe(probe.PATH_COMPILE, "B", "B1", value=value, outcome=matching[0] if matching else f"other "
                     f"({value:g})")
    return [Hazard(f"{name}: train_on_batch's returned loss", "numpy", KERAS_ORDER, returned)]


def ops_hazards(name: str, ops) -> list[Hazard]:
    """The expression a Keras 3 user writes by hand, on the backend's tensors: ops.mean(ops.square(a - b))."""
    def by_hand(a, b):
        return ops.mean(ops.square(a - b))

    return hazards_of(f"{name}: ops.mean(ops.square(a - b))", "tensor", ORDERS[0], "tensor",
                      probe.direct(by_hand, ops.convert_to_tensor))


def keras3_hazards(name: str, keras, keras_impl) -> list[Hazard]:
    """Keras 3's APIs on the backend this process's Keras runs on."""
    ops = keras.ops

    def plain_function(y_true, y_pred):
        return ops.mean(ops.square(y_true - y_pred))

    return (keras_function_hazards(ops.convert_to_tensor, name, keras)
            + keras_compile_hazards(name, keras, plain_function, lambda: keras_impl.buggy_loss(keras, "float32"))
            + ops_hazards(name, ops))


def probe_all(backends: bool = True) -> list[Hazard]:
    """Every API: TF1, TF2, Keras 3 on TensorFlow, tf_keras; then Keras 3 on each other installed backend,
    each in a process of its own (`backends=False` leaves those out)."""
    import tensorflow as tf

    keras_impl = KERAS_IMPL.load()
    with probe.quiet_tensorflow():
        found = tf1_compat_hazards(tf) + raw_tf_hazards(tf)
        for generation in KERAS_IMPL.generations:
            keras = keras_impl.keras_module(generation)
            name = KERAS_MODULES[generation]
            if generation == "keras3":
                found += keras3_hazards(name, keras, keras_impl)
            else:
                def plain_function(y_true, y_pred):
                    return tf.reduce_mean(tf.square(y_true - y_pred))

                found += keras_function_hazards(tf.constant, name, keras)
                found += keras_compile_hazards(name, keras, plain_function,
                                               lambda keras=keras: keras_impl.buggy_loss(keras, "float32"))
            found += train_on_batch_returns(name, keras)
    for backend in (cases.installed_backends()[1:] if backends else ()):
        found += probe_in_own_process(backend)
    return found


def backend_hazards(backend: str) -> list[Hazard]:
    """Keras 3 on `backend`, in this process (which must not have imported Keras on another one)."""
    keras_impl = KERAS_IMPL.load()
    keras = keras_impl.keras_module("keras3", backend)
    with probe.quiet_tensorflow():
        return keras3_hazards(f"keras[{backend}]", keras, keras_impl)


def probe_in_own_process(backend: str) -> list[Hazard]:
    """`backend_hazards` in a fresh process: a Keras 3 backend holds for the process that imported Keras."""
    data, _ = processes.hand_back(f"probing Keras 3 on {backend}", "tf_loss_wiring", "hazards", "--backend",
                                  backend, backend=backend, OMP_NUM_THREADS="1")
    return [Hazard.from_record(record) for record in data["probes"]]


def versions() -> dict[str, str]:
    return {name: importlib.import_module(name).__version__ for name in ("tensorflow", "keras", "tf_keras")}


COLUMNS = ("api", "labels", "predictions", "inputs", "argument order", "outcome")


def rows(found: list[Hazard]) -> list[tuple[str, ...]]:
    return [(h.api, h.labels_shape, h.predictions_shape, h.inputs, h.argument_order, h.outcome) for h in found]


def markdown(probes: list[Hazard]) -> str:
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
        columns[label] = {tuple(row[:-1]): row[-1] for row in rows([Hazard.from_record(p) for p in data["probes"]])}
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
    from tf_loss_wiring.terminal import console

    check_writable(parser, "--json", args.json)
    if args.versions:
        return write_versions(parser, args)
    if args.backend:
        with quiet.startup(args.verbose):
            probes = backend_hazards(args.backend)
    else:
        with quiet.startup(args.verbose):
            import tensorflow  # noqa: F401  (loaded here, its start-up lines held back)
        probes = probe_all()
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"versions": versions(), "probes": [h.as_record() for h in probes]}, f, indent=1,
                      allow_nan=False)
    if args.markdown:
        sys.stdout.write(markdown(probes))
        return 0
    from rich.markup import escape
    from rich.table import Table

    shown = ", ".join(f"{name} {version}" for name, version in versions().items())
    table = Table(title=f"labels vs predictions in each loss API ({shown})")
    for column in (*COLUMNS, "value or error"):
        table.add_column(column)
    for hazard, row in zip(probes, rows(probes), strict=True):
        found = hazard.probe
        computes_in = f" ({found.computes_in})" if found.computes_in else ""  # Keras's floats carry no dtype
        detail = found.error if found.error is not None else f"{found.value:.6g}{computes_in}"
        style = {"correct": "green", "broadcast": "bold red", "error": "yellow"}.get(hazard.outcome, "")
        table.add_row(*map(escape, row[:-1]), f"[{style}]{row[-1]}[/]" if style else escape(row[-1]), escape(detail))
    console().print(table)
    return 0


def read_probe(parser: argparse.ArgumentParser, path: str) -> dict:
    """A probe `--json` wrote, checked: its versions and its probes; anything else is refused in one line."""
    try:
        with open(path) as f:
            data = json.load(f)
        return {"versions": {name: data["versions"][name] for name in LIBRARIES},
                "probes": [Hazard.from_record(record).as_record() for record in data["probes"]]}
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
