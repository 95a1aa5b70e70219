"""`tf-loss-wiring bench`: every style on the question's protocol, next to the numpy floor and its framework's own.

For each style (Keras generation and backend) and wiring, one row, and one for the numpy reference doing the
same steps in the same process. Every time is taken `--repeat` times (3), interleaved — the reference, our run,
the bare floor, then again — so that a change in the machine's load hits them alike; a row shows medians.

- seconds: our run's training seconds (the median).
- × numpy: the median of the per-repeat ratios of our run to the reference; target: the ratio the project
  holds itself to, judged on that median.
- floor µs/step: the framework's bare floor a step (the median). The floor is the same model, loss and SGD
  stepped by the one call the style makes per step with nothing of ours around it — `Session.run` on the train
  op (TF1), the compiled TF2 loop over every step in one call, `train_on_batch` on the same Keras model.
- × floor: the median of the per-repeat ratios of our run to the floor, their min–max beside it, so the
  overhead our loop adds (the monitor, the logged losses) shows; ok/over against OVERHEAD_GOAL on the median.
- peak MiB: the highest peak memory of the repeats above what was resident before the run (Linux: the peak is
  reset before each run through /proc/self/clear_refs).

`--watch` runs the case once more each repeat under the run-time watch (`tf_loss_wiring.watch.watching()`,
not strict), alternately before and after the unwatched run, and adds:

- watched s: the watched run's seconds (the median).
- × watch: the median of the per-repeat ratios watched / unwatched, its min–max beside it, ok/over against
  WATCH_GOAL on the median (both wirings: the two runs do the same work); "differs" when a watched run's final
  weights and bias are not the unwatched run's bit for bit (the watch must change nothing).
- warnings: the BroadcastWarnings the watched run raised (counted, not printed): the buggy wiring's > 0, except
  where compile repairs its shapes (tf_keras), the fixed wiring's 0.

The targets are the ones the project holds itself to, judged on the fixed wiring, where every style and the
reference do the same O(N) work; the buggy wiring's full-data evaluations are O(N^2) in the TF styles (and in
no floor) and closed-form in the reference. Keras 3 on JAX or PyTorch is benched in a process of its own
(`tf-loss-wiring bench --styles keras_impl[keras3-jax]`, with the same --repeat and --watch), whose rows this
one reads back. `--json PATH` writes the rows: the numbers (`seconds`, `floor_seconds`, `overhead`,
`overhead_min`, `overhead_max`, `repeats`, with --watch `watched_seconds`, `watch_overhead`, `warnings`,
`watch_same_bits`, …) and the table's cells as printed (`cells`).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np

from common import quiet, runner
from common.cli import add_config_arguments, add_variant_argument, config_from_args, positive_int
from common.config import Config, chosen_variants
from common.data import batches, make_dataset
from common.reference import REFERENCE
from common.style import Case
from tf_loss_wiring import cases, processes
from tf_loss_wiring.probe import quiet_tensorflow
from tf_loss_wiring.terminal import console
from tf_loss_wiring.watch import BroadcastWarning, watching

HELP = "every style on the question's protocol next to the numpy floor and its framework's bare floor"
KERAS3_TARGET = 20  # × numpy, fixed wiring: the same for every backend (one train_on_batch per step)
TARGETS = {"tf1_graph": 6, "tf2_eager": 4, "keras_impl[keras3]": KERAS3_TARGET,
           "keras_impl[keras3-jax]": KERAS3_TARGET, "keras_impl[keras3-torch]": KERAS3_TARGET,
           "keras_impl[tf_keras]": 100}
OVERHEAD_GOAL = 1.15  # our run against the bare floor, fixed wiring
WATCH_GOAL = 1.05  # the watched run against the unwatched one, either wiring (issue 17: within 5 %)
REPEATS = 3  # each time taken this often by default, the table showing medians
COLUMNS = ("style", "variant", "dtype", "seconds", "× numpy", "target", "floor µs/step", "× floor", "peak MiB")
WATCH_COLUMNS = ("watched s", "× watch", "warnings")  # with --watch


def _status_kib(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", open("/proc/self/status").read(), re.M)
    return int(match.group(1)) if match else 0


def measured(case: Case, config, variant: str):
    """(run, peak MiB above the resident size before it)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # reset VmHWM to the current resident size
    except OSError:
        pass
    before = _status_kib("VmRSS")
    run = runner.run(case, config, variant)
    return run, max(0, _status_kib("VmHWM") - before) / 1024


# --- the bare floors: the style's own model and loss, its per-step call, nothing else -------------------------
def tf1_floor(experiment, config: Config, variant: str, X, Y) -> None:
    """`Session.run(train_op)` once per batch: no loss fetched, nothing logged."""
    import tensorflow as tf

    v1 = tf.compat.v1
    graph = tf.Graph()
    with graph.as_default():
        x, y, _, _, y_predict = experiment.linear_model(tf.as_dtype(config.dtype), config.dim)
        train_op = v1.train.GradientDescentOptimizer(config.lr).minimize(experiment.WIRINGS[variant](y_predict, y))
        init = v1.global_variables_initializer()
    with v1.Session(graph=graph) as sess:
        sess.run(init)
        for _, start, end in batches(config):
            sess.run(train_op, feed_dict={x: X[start:end], y: Y[start:end]})


def tf2_floor(experiment, config: Config, variant: str, X, Y) -> None:
    """Every step in one compiled call: the SGD step alone, no losses kept, no finiteness check, nothing logged."""
    import numpy as np
    import tensorflow as tf

    dtype = tf.as_dtype(config.dtype)
    W, b, predict = experiment.linear_model(dtype, config.dim)
    loss_fn, lr = experiment.WIRINGS[variant], tf.constant(config.lr, dtype)
    X_all, Y_all = tf.constant(X), tf.constant(Y)

    @tf.function(input_signature=[tf.TensorSpec([None], tf.int64)] * 2)
    def train_steps(starts, ends):
        for i in tf.range(tf.size(starts)):
            with tf.GradientTape() as tape:
                loss = loss_fn(predict(X_all[starts[i]:ends[i]]), Y_all[starts[i]:ends[i]])
            dW, db = tape.gradient(loss, [W, b])
            W.assign_sub(lr * dW)
            b.assign_sub(lr * db)

    _, starts, ends = zip(*batches(config), strict=True)
    train_steps(np.asarray(starts), np.asarray(ends))


def keras_floor(experiment, config: Config, variant: str, X, Y, keras: str = "keras3",
                backend: str | None = None) -> None:
    """`train_on_batch` once per batch on the same model and loss: no metric reset, no loss read back."""
    k = experiment.keras_module(keras, backend)
    with experiment.in_dtype(k, config.dtype):
        model = experiment.linear_model(k, config.dtype, config.dim)
        model.compile(loss=experiment.WIRINGS[variant](k, config.dtype),
                      optimizer=k.optimizers.SGD(learning_rate=config.lr))
        for _, start, end in batches(config):
            model.train_on_batch(X[start:end], Y[start:end])


FLOORS = {"tf1_graph": tf1_floor, "tf2_eager": tf2_floor, "keras_impl": keras_floor}


def floor_seconds(case: Case, config: Config, variant: str) -> float:
    """Wall seconds of the case's bare floor on `config`, building included as in our run."""
    X, Y = make_dataset(config)
    experiment = case.load()
    started = time.perf_counter()
    FLOORS[case.style.name](experiment, config, variant, X, Y, **case.options)
    return time.perf_counter() - started


# --- the repeats: every time taken N times, interleaved ------------------------------------------------------
@dataclasses.dataclass
class Repeat:
    """One repeat's measurements of a case and wiring, and of the reference beside it."""

    seconds: float
    reference_seconds: float
    floor_seconds: float
    peak_mib: float
    reference_peak_mib: float
    watched_seconds: float | None = None  # with --watch
    warnings: int | None = None  # BroadcastWarnings the watched run raised
    same_bits: bool | None = None  # the watched run's final weights and bias are the unwatched run's


@contextlib.contextmanager
def counted_broadcast_warnings():
    """Count the BroadcastWarnings raised in the block instead of printing them (`[count]`); others as usual."""
    counted = [0]
    with warnings.catch_warnings():
        warnings.simplefilter("always", BroadcastWarning)  # every one counted, whatever -W says
        show = warnings.showwarning

        def counting(message, category, *args, **kwargs):
            if issubclass(category, BroadcastWarning):
                counted[0] += 1
            else:
                show(message, category, *args, **kwargs)

        warnings.showwarning = counting
        yield counted


def watched_run(case: Case, config: Config, variant: str):
    """(run, BroadcastWarnings raised): the case trained under `watching()`, not strict."""
    with counted_broadcast_warnings() as counted, watching():
        run = runner.run(case, config, variant)
    return run, counted[0]


def same_bits(a, b) -> bool:
    """Whether two runs ended on the same final weights and bias, bit for bit."""
    def bits(run):
        return np.asarray([*run.weights, run.bias], dtype=np.float64).tobytes()

    return bits(a) == bits(b)


def measure(case: Case, config: Config, variant: str, repeats: int, watch: bool) -> list[Repeat]:
    """`repeats` rounds of: the reference, our run (and, watching, the watched one: before it in every other
    round, so neither always runs first), the bare floor."""
    done = []
    for i in range(repeats):
        reference, reference_mib = measured(Case(REFERENCE), config, variant)
        watched, count = None, None
        if watch and i % 2:
            watched, count = watched_run(case, config, variant)
        ours, mib = measured(case, config, variant)
        if watch and not i % 2:
            watched, count = watched_run(case, config, variant)
        bare = floor_seconds(case, config, variant)
        done.append(Repeat(ours.seconds, reference.seconds, bare, mib, reference_mib,
                           *((watched.seconds, count, same_bits(watched, ours)) if watched else ())))
    return done


def spread(values) -> tuple[float, float, float]:
    """(median, min, max)."""
    values = list(values)
    return statistics.median(values), min(values), max(values)


def ratio_cell(median: float, low: float, high: float, repeats: int, verdict: str = "") -> str:
    """`1.08 (1.04–1.12) ok`: the median, its min–max over more than one repeat, the verdict."""
    cell = f"{median:.2f}" + (f" ({low:.2f}–{high:.2f})" if repeats > 1 else "")
    return f"{cell} {verdict}".strip()


def rows_from(case: Case, config: Config, variant: str, repeats: list[Repeat], watch: bool) -> list[dict]:
    """The case's row and the reference's from the repeats: the numbers, and `cells` as the table prints them."""
    n, fixed = len(repeats), variant == "fixed"
    seconds = spread(r.seconds for r in repeats)
    reference_seconds = spread(r.reference_seconds for r in repeats)
    numpy_ratio = statistics.median(r.seconds / r.reference_seconds for r in repeats)
    floor = statistics.median(r.floor_seconds for r in repeats)
    overhead = spread(r.seconds / r.floor_seconds for r in repeats)
    target = TARGETS[case.label]
    met = numpy_ratio <= target if fixed else None
    overhead_ok = overhead[0] <= OVERHEAD_GOAL if fixed else None
    row = dict(style=case.label, variant=variant, dtype=config.dtype, repeats=n, steps=config.steps,
               seconds=seconds[0], seconds_min=seconds[1], seconds_max=seconds[2], numpy_ratio=numpy_ratio,
               target=target, target_met=met, floor_seconds=floor, floor_us_per_step=floor / config.steps * 1e6,
               overhead=overhead[0], overhead_min=overhead[1], overhead_max=overhead[2], overhead_ok=overhead_ok,
               peak_mib=max(r.peak_mib for r in repeats))
    reference = dict(style="numpy", variant=variant, dtype=config.dtype, repeats=n, steps=config.steps,
                     seconds=reference_seconds[0], seconds_min=reference_seconds[1],
                     seconds_max=reference_seconds[2], peak_mib=max(r.reference_peak_mib for r in repeats))
    row["cells"] = dict(zip(COLUMNS, [
        case.label, variant, config.dtype, f"{row['seconds']:.2f}", f"{numpy_ratio:.1f}",
        f"≤ {target} " + ({True: "met", False: "missed"}[met] if fixed else "(fixed only)"),
        f"{row['floor_us_per_step']:.0f}",
        ratio_cell(*overhead, n, {True: "ok", False: "over"}[overhead_ok] if fixed else ""),
        f"{row['peak_mib']:.0f}"], strict=True))
    reference["cells"] = dict(zip(COLUMNS, ["numpy", variant, config.dtype, f"{reference['seconds']:.2f}", "1.0",
                                            "", "", "", f"{reference['peak_mib']:.0f}"], strict=True))
    if watch:
        watch_overhead = spread(r.watched_seconds / r.seconds for r in repeats)
        identical = all(r.same_bits for r in repeats)
        row.update(watched_seconds=statistics.median(r.watched_seconds for r in repeats),
                   watch_overhead=watch_overhead[0], watch_overhead_min=watch_overhead[1],
                   watch_overhead_max=watch_overhead[2], watch_ok=watch_overhead[0] <= WATCH_GOAL,
                   warnings=max(r.warnings for r in repeats), warnings_min=min(r.warnings for r in repeats),
                   watch_same_bits=identical)
        verdict = ("ok" if row["watch_ok"] else "over") + ("" if identical else ", differs")
        shown = str(row["warnings"]) if row["warnings"] == row["warnings_min"] else \
            f"{row['warnings_min']}–{row['warnings']}"
        row["cells"].update(zip(WATCH_COLUMNS, [f"{row['watched_seconds']:.2f}",
                                                ratio_cell(*watch_overhead, n, verdict), shown], strict=True))
        reference["cells"].update(dict.fromkeys(WATCH_COLUMNS, ""))
    return [row, reference]


def rows_of(case: Case, config: Config, variant: str, repeats: int = REPEATS, watch: bool = False) -> list[dict]:
    """The case's row and the numpy reference's, measured in this process."""
    return rows_from(case, config, variant, measure(case, config, variant, repeats, watch), watch)


def rows_in_own_process(case: Case, config: Config, choice: str, args: argparse.Namespace) -> list[dict]:
    """`tf-loss-wiring bench --styles <case>` in a fresh process (another Keras 3 backend), its rows read back."""
    rows, _ = processes.hand_back(f"bench of {case.label}", "tf_loss_wiring", "bench", f"--styles={case.label}",
                                  *cases.config_flags(config), f"--variant={choice}", f"--repeat={args.repeat}",
                                  *(["--watch"] if args.watch else []), "--here",
                                  *(["--verbose"] if args.verbose else []), backend=case.backend)
    return rows


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--styles", default=",".join(style.name for style in cases.STYLES),
                        help="comma-separated styles, e.g. tf1_graph,keras_impl[keras3-jax] (all)")
    add_config_arguments(parser, default_dtype=None,  # None: each style's own default
                         json_help="also write the table's rows to PATH")
    add_variant_argument(parser)
    parser.add_argument("--repeat", type=positive_int, default=REPEATS, metavar="N",
                        help="take every time N times, interleaved; the table shows medians (%(default)s)")
    parser.add_argument("--watch", action="store_true",
                        help="also time each run under the broadcast watch, count its warnings, compare its weights")
    # In a process of its own (another Keras 3 backend): bench every case named here, hand the rows back.
    parser.add_argument("--here", action="store_true", help=argparse.SUPPRESS)


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from rich.markup import escape
    from rich.table import Table

    try:
        chosen = cases.parse(args.styles)
    except ValueError as error:
        parser.error(f"argument --styles: {error}")
    base = config_from_args(parser, args)
    for why in filter(None, map(cases.why_not_here, chosen)):
        print(f"{parser.prog}: {why}", file=sys.stderr)
    chosen = [case for case in chosen if cases.why_not_here(case) is None]
    here = [case for case in chosen if not case.needs_own_process or args.here]
    with quiet.startup(args.verbose):
        for case in here:
            case.load()
    out = console()
    rows = []
    for case in chosen:
        config = case.config(base, base.dtype)
        if case in here:
            for variant in chosen_variants(args.variant):
                with quiet_tensorflow():  # a model built anew for every run: TF's advice against retracing
                    rows += rows_of(case, config, variant, args.repeat, args.watch)
        else:
            try:
                rows += rows_in_own_process(case, config, args.variant, args)
            except processes.Failed as error:
                print(f"{parser.prog}: {error}", file=sys.stderr)
                continue
        out.print(f"done: {case.label}", style="dim", markup=False)
    if args.json:
        Path(args.json).write_text(json.dumps(rows))
    if args.here:
        return 0
    columns = COLUMNS + (WATCH_COLUMNS if args.watch else ())
    repeats = f", median of {args.repeat} repeats" if args.repeat > 1 else ""
    table = Table(title=f"{base.steps} steps, batch {base.batch_size}, N = {base.data_size}{repeats}")
    for column in columns:
        table.add_column(column, justify="left" if column in ("style", "variant", "dtype") else "right")
    for row in rows:
        table.add_row(*(escape(row["cells"][column]) for column in columns))
    if not out.is_terminal:  # piped: rows on one line, the watch's columns too
        out.width = max(out.width, 210)
    out.print(table)
    return 0
