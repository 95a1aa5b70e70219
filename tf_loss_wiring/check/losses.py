"""A loss of the user's, found by name and probed on the engine `hazards` uses (`tf_loss_wiring.probe`).

A target is `module:name` or `path/to/file.py:name`: a function (probed called directly on tensors, and in
a TF1 graph whose placeholders have unknown rank, the question's `shape=(None)`), or a Keras 3 or tf_keras
`Loss` subclass or instance (called directly, and through `compile` + `train_on_batch` in its own Keras
generation — Keras 3 on each installed backend, each other backend in a process of its own).
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import importlib.util
import inspect
import os
import re
import sys
from pathlib import Path

from keras_impl import KERAS_MODULES
from tf_loss_wiring import cases, probe, processes
from tf_loss_wiring.check.targets import TargetError, split_target
from tf_loss_wiring.probe import HAZARDS, PAIRINGS, PATH_COMPILE, PATH_DIRECT, PATH_GRAPH, Outcome, Probe

PREDICTION_NAMES = re.compile(r"pred|logit|output|y_hat|yhat", re.I)


class Kind(str, enum.Enum):
    """What a target is, and so which paths it is probed on."""

    FUNCTION = "function"
    KERAS3 = "Keras 3 loss"
    TF_KERAS = "tf_keras loss"

    def __str__(self) -> str:
        return self.value


class Status(str, enum.Enum):
    CLEAN = "clean"
    BROADCASTS = "broadcasts"
    NOT_JUDGED = "not judged"  # NaN or infinity on a pairing asked for, and no broadcast: neither safe nor not

    def __str__(self) -> str:
        return self.value


EXIT_STATUS = {Status.CLEAN: 0, Status.BROADCASTS: 1, Status.NOT_JUDGED: 2}


@dataclasses.dataclass
class Report:
    target: str
    kind: Kind
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
        return not self.broadcasts and any(p.outcome == Outcome.NON_FINITE for p in self.counted)

    @property
    def status(self) -> Status:
        return Status.BROADCASTS if self.broadcasts else Status.NOT_JUDGED if self.not_judged else Status.CLEAN

    @property
    def exit_status(self) -> int:
        return EXIT_STATUS[self.status]

    @property
    def fix(self) -> str:
        return fix_for(self)


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

    probes = probe.probe_path(PATH_DIRECT, probe.direct(fn, tf.constant, predictions_first))
    try:
        with probe.tf1_graph(fn, predictions_first=predictions_first) as evaluate:
            return probes + probe.probe_path(PATH_GRAPH, evaluate)
    except Exception as error:  # noqa: BLE001  (a loss that cannot be built in a graph is not run there)
        return probes + [Probe(PATH_GRAPH, *pairing, error=probe.first_line(error), outcome=Outcome.REFUSED)
                         for pairing in PAIRINGS]


def keras_probes(loss, keras, label: str) -> list[Probe]:
    """A Keras loss: called directly, and through compile + train_on_batch with learning rate 0."""
    convert = keras.ops.convert_to_tensor if hasattr(keras, "ops") else __import__("tensorflow").constant
    return (probe.probe_path(f"{PATH_DIRECT} ({label})", probe.direct(loss, convert))
            + probe.probe_path(f"{PATH_COMPILE} ({label})", probe.compiled(keras, loss)))


def finish(report: Report) -> Report:
    """Drop the paths the loss cannot run on at all; refuse a target no path could judge.

    A path on which shuffling the labels never changes the value is a broadcast on every pairing when another
    path of the same loss pairs rows; only when no path does is the loss no loss of labels and predictions.
    """
    paths = {path: [p for p in report.probes if p.path == path] for path in dict.fromkeys(p.path for p in
                                                                                          report.probes)}
    rows_paired = any(probe.pairs_rows(p) for p in report.probes)
    for path, on_path in paths.items():
        if all(p.error is not None for p in on_path):
            report.not_run[path] = on_path[0].error
        elif not rows_paired and all(p.error is not None or not probe.finite(p) for p in on_path):
            report.not_run[path] = "it gives no finite value on any pairing"
        elif not rows_paired:
            report.not_run[path] = "shuffling the labels never changes its value, whatever the shapes"
    report.probes = [p for p in report.probes if p.path not in report.not_run]
    if not report.probes:
        why = "; ".join(f"{path}: {error}" for path, error in report.not_run.items())
        raise TargetError(f"{report.target}: not a loss of labels and predictions ({why})")
    return report


# --- what a target is -------------------------------------------------------------------------------------
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
        why = f"{type(error).__name__}: {probe.first_line(error)}"
        raise TargetError(f"{text}: cannot import {where!r}: {why}") from None
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
                              f"{type(error).__name__}: {probe.first_line(error)}") from None
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
    """Probe a loss object in this process (Keras 3 on this process's backend only)."""
    pairings = valid_pairings(pairings)
    loss, generation = as_loss(target or repr(loss), loss)
    with probe.quiet_tensorflow():
        if generation is None:
            predictions_first = argument_order(loss)
            report = Report(target, Kind.FUNCTION, "(predictions, labels)" if predictions_first else
                            "(labels, predictions)", function_probes(loss, predictions_first), pairings)
        else:
            keras = importlib.import_module(KERAS_MODULES[generation])
            if generation == "keras3":
                label, kind = f"keras {keras.__version__}, {keras.backend.backend()} backend", Kind.KERAS3
            else:
                label, kind = f"tf_keras {keras.__version__}", Kind.TF_KERAS
            report = Report(target, kind, "(y_true, y_pred)", keras_probes(loss, keras, label), pairings)
    return finish(report)


def check_target(text: str, pairings: tuple = PAIRINGS) -> Report:
    """Load a `module:name` / `file.py:name` target and probe it; Keras 3 on every installed backend."""
    report = check_loss(load(text), text, pairings)
    if report.kind == Kind.KERAS3:
        import keras

        installed = cases.installed_backends()
        for backend in installed:
            if backend != keras.backend.backend():
                probes, not_run = backend_probes(text, backend)
                report.probes += probes
                report.not_run.update(not_run)
        missing = [name for name in cases.BACKENDS if name not in installed]
        if missing:
            report.notes.append(f"Keras 3 backends not installed, not probed: {', '.join(missing)}")
    return report


def backend_probes(target: str, backend: str) -> tuple[list[Probe], dict[str, str]]:
    """A Keras 3 loss on another backend: the backend is process-wide, so in a process of its own.

    The probes, and the paths that did not run (all of them, in one line, when the process fails or hangs).
    """
    try:
        data, _ = processes.hand_back("the probe", "tf_loss_wiring", "check", target,
                                      "--backend", backend, backend=backend)
    except processes.Failed as error:
        return [], {f"{backend} backend": str(error)}
    (record,) = data["targets"]
    if record["status"] == "error":
        return [], {f"{backend} backend": record["error"]}
    return [Probe(**p) for p in record["probes"]], record["not_run"]


def fix_for(report: Report) -> str:
    hazards = [p for p in report.counted if p.outcome in HAZARDS]
    if not hazards:
        return ""
    if any(p.labels == p.predictions for p in hazards):
        return ("it changes a shape whatever comes (a squeeze?): reshape only the side that has the extra axis, "
                "or make the caller feed one shape and guard it with tf_loss_wiring.guard.same_shape")
    if report.kind == Kind.FUNCTION:
        return ("bring labels and predictions to one shape before they meet: tf.squeeze(predictions, axis=-1) "
                "against (B,) labels, or y, p = tf_loss_wiring.guard.same_shape(y, p)")
    guard = "in call(): y_true, y_pred = tf_loss_wiring.guard.same_shape(y_true, y_pred)"
    if report.kind == Kind.KERAS3:
        return guard + ", or return Keras 3's built-in keras.losses function (mean_squared_error & co.), " \
                       "which repairs the ranks"
    return guard + ", or tf.squeeze(y_pred, axis=-1) against (B,) labels (tf_keras's built-in functions " \
                   "broadcast too: they do not repair the ranks)"


