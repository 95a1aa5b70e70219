"""The probe engine under `check` and `hazards`: a loss called on labels and predictions in each shape, and judged.

No formula is assumed. A loss that pairs each label with its own prediction changes its value when the labels
alone are shuffled; a B x B broadcast mixes every label with every prediction, so shuffling the labels leaves
it unchanged. A loss is reached by a path — called directly, in a TF1 graph fed through placeholders, or
through Keras's `compile` + `train_on_batch` (learning rate 0) — and each pairing of shapes is judged so:

- `correct`: it pairs rows, and gives what the rows paired give;
- `broadcast`: shuffling the labels changes nothing — every label met every prediction;
- `differs`: it pairs rows but gives another value than the rows paired give;
- `refused`: it raised (the first line of the error is kept) — a refusal is safe;
- `non-finite`: it gave NaN or infinity on these numbers (values in (0, 1)), so it cannot be judged there.

"The rows paired" is the same loss on labels and predictions of one shape, or a value the caller knows.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import logging
import re
from collections.abc import Callable, Iterator

import numpy as np

# Five rows, not a multiple of anything, no two differences alike: shuffling the labels moves every common
# loss (MSE, MAE, Huber, log-cosh, crossentropy on these values in (0, 1)) by far more than RTOL.
LABELS = np.array([0.12, 0.47, 0.23, 0.91, 0.65], dtype="float32")
PREDICTIONS = np.array([0.31, 0.08, 0.54, 0.62, 0.77], dtype="float32")
SHUFFLE = np.roll(np.arange(len(LABELS)), 1)  # every label moves to another row
# Two evaluations of one loss agree to float32 rounding (~1e-7 relative, a few ulps over five rows); a
# broadcast or a shuffle moves these numbers by more than 1e-2.
RTOL = 1e-5

SHAPES = {"B": "(B,)", "B1": "(B, 1)"}
PAIRINGS = (("B", "B1"), ("B1", "B"), ("B", "B"), ("B1", "B1"))  # (labels, predictions)
MISMATCHED = PAIRINGS[:2]
SAME_SHAPE = PAIRINGS[2:]  # the rows paired: the first that pairs rows is a path's reference

PATH_DIRECT = "called directly"
PATH_GRAPH = "TF1 graph, placeholders of unknown rank"
PATH_COMPILE = "compile + train_on_batch"


class Outcome(str, enum.Enum):
    CORRECT = "correct"
    BROADCAST = "broadcast"
    DIFFERS = "differs"
    REFUSED = "refused"
    NON_FINITE = "non-finite"

    def __str__(self) -> str:
        return self.value


HAZARDS = (Outcome.BROADCAST, Outcome.DIFFERS)


@dataclasses.dataclass
class Probe:
    """One loss on one path and one pairing of shapes: what it gave, with the labels shuffled too, and the verdict."""

    path: str
    labels: str  # "B" or "B1"
    predictions: str
    value: float | None = None
    shuffled: float | None = None  # the value with the labels alone shuffled
    error: str | None = None
    outcome: str = ""
    computes_in: str | None = None  # the dtype of what it returned, when it says

    @property
    def pairing(self) -> str:
        return f"labels {SHAPES[self.labels]} · predictions {SHAPES[self.predictions]}"

    def as_record(self) -> dict:
        """The probe as JSON takes it: a non-finite number as null."""
        return {**dataclasses.asdict(self), "value": finite_or_none(self.value),
                "shuffled": finite_or_none(self.shuffled)}


def finite_or_none(value: float | None) -> float | None:
    return value if value is None or np.isfinite(value) else None


# --- numbers, in each shape -------------------------------------------------------------------------------
def arrays(labels: str, predictions: str, shuffled: bool = False) -> tuple[np.ndarray, np.ndarray]:
    y = LABELS[SHUFFLE] if shuffled else LABELS
    return (y if labels == "B" else y[:, None]), (PREDICTIONS if predictions == "B" else PREDICTIONS[:, None])


def rows_paired() -> float:
    """The mean squared error of each label against its own prediction."""
    return float(np.mean((PREDICTIONS.astype(np.float64) - LABELS) ** 2))


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
        result = evaluate(*arrays(*pairing))
        probe.value = float(np.mean(np.asarray(result)))
        probe.shuffled = float(np.mean(np.asarray(evaluate(*arrays(*pairing, shuffled=True)))))
    except Exception as error:  # noqa: BLE001  (any refusal is an outcome)
        probe.value = probe.shuffled = None
        probe.error = first_line(error)
        return probe
    if hasattr(result, "dtype"):  # a tensor or an array, not Keras's already-converted Python float
        probe.computes_in = getattr(result.dtype, "name", str(result.dtype))
    return probe


# --- judging ----------------------------------------------------------------------------------------------
def finite(probe: Probe) -> bool:
    """Both values are numbers, neither NaN nor infinite (None stands for a non-finite one read from JSON)."""
    return all(v is not None and np.isfinite(v) for v in (probe.value, probe.shuffled))


def pairs_rows(probe: Probe) -> bool:
    """Shuffling the labels alone changed the value: each label met its own prediction."""
    return probe.error is None and finite(probe) and not np.isclose(probe.value, probe.shuffled, rtol=RTOL, atol=0)


def judge(probes: list[Probe], expected: float | None = None) -> list[Probe]:
    """Classify every probe of one path against what the rows paired give: `expected`, or else the path's own
    same-shape probe that pairs rows (none: a pairing that pairs rows is `correct`)."""
    by_pairing = {(p.labels, p.predictions): p for p in probes}
    if expected is None:
        reference = next((by_pairing[r] for r in SAME_SHAPE if r in by_pairing and pairs_rows(by_pairing[r])), None)
        expected = None if reference is None else reference.value
    for probe in probes:
        if probe.error is not None:
            probe.outcome = Outcome.REFUSED
        elif not finite(probe):
            probe.outcome = Outcome.NON_FINITE
        elif not pairs_rows(probe):
            probe.outcome = Outcome.BROADCAST
        elif expected is not None and not np.isclose(probe.value, expected, rtol=RTOL, atol=0):
            probe.outcome = Outcome.DIFFERS
        else:
            probe.outcome = Outcome.CORRECT
    return probes


def probe_path(path: str, evaluate: Callable, pairings=PAIRINGS, expected: float | None = None) -> list[Probe]:
    """Every pairing on one path, judged."""
    return judge([measure(path, pairing, evaluate) for pairing in pairings], expected)


# --- the paths --------------------------------------------------------------------------------------------
def direct(loss: Callable, convert: Callable = np.asarray, predictions_first: bool = False) -> Callable:
    """`loss` called on the arrays as `convert` makes them (numpy, tensors), in either argument order."""
    if predictions_first:
        return lambda y, p: loss(convert(p), convert(y))
    return lambda y, p: loss(convert(y), convert(p))


@contextlib.contextmanager
def tf1_graph(loss: Callable, labels_shape=None, predictions_shape=None,
              predictions_first: bool = False) -> Iterator[Callable]:
    """`loss` built once in a TF1 graph on float32 placeholders of the declared shapes (None: unknown rank), and
    evaluated by feeding them in a Session; building it may raise, as TF1 refuses shapes it knows disagree."""
    import tensorflow as tf

    v1 = tf.compat.v1
    graph = tf.Graph()
    with graph.as_default():
        y = v1.placeholder(tf.float32, shape=labels_shape)
        p = v1.placeholder(tf.float32, shape=predictions_shape)
        out = loss(p, y) if predictions_first else loss(y, p)
    with v1.Session(graph=graph) as session:
        yield lambda labels, predictions: session.run(out, {y: labels, p: predictions})


def compiled(keras, loss) -> Callable:
    """`loss` through `compile` + `train_on_batch` at learning rate 0: the returned loss is the loss of
    predictions == PREDICTIONS (a Dense(1) with kernel 1 and bias 0, fed them), in `keras`'s generation."""
    models = {}

    def evaluate(y, p):
        # A model of its own per pairing: Keras 3 retraces a second label shape with unknown rank, and refuses.
        shapes = (y.ndim, p.ndim)
        if shapes not in models:
            layers = [keras.Input(shape=(1,)), keras.layers.Dense(1, kernel_initializer="ones")]
            if p.ndim == 1:
                layers.append(keras.layers.Reshape(()))
            models[shapes] = keras.Sequential(layers)
            models[shapes].compile(loss=loss, optimizer=keras.optimizers.SGD(learning_rate=0.0))
        # Keras 3.0-3.14 return the mean of every batch loss since compile; 3.15 and tf_keras reset it first.
        models[shapes].reset_metrics()
        return models[shapes].train_on_batch(PREDICTIONS[:, None], y)

    return evaluate


@contextlib.contextmanager
def quiet_tensorflow() -> Iterator[None]:
    """TensorFlow's Python logger at ERROR while the block runs: probing builds small models on purpose, and TF
    would advise against retracing. (The logger by name: a process on JAX or PyTorch loads no TensorFlow.)"""
    logger = logging.getLogger("tensorflow")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
