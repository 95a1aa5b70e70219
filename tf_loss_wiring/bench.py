"""`tf-loss-wiring bench`: every style on the question's protocol, next to the numpy floor and its framework's own.

For each style (Keras generation and backend) and wiring: training seconds, the ratio to the numpy reference
doing the same steps in the same process, and peak memory above what was resident before the run (Linux: the
peak is reset before each run through /proc/self/clear_refs). Beside them, the framework's bare floor: the
same model, loss and SGD stepped by the one call the style makes per step with nothing of ours around it —
`Session.run` on the train op (TF1), the compiled TF2 loop over every step in one call, `train_on_batch` on
the same Keras model — so the overhead our loop adds (the monitor, the logged losses) shows as a ratio.

The targets are the ones the project holds itself to, judged on the fixed wiring, where every style and the
reference do the same O(N) work; the buggy wiring's full-data evaluations are O(N^2) in the TF styles (and in
no floor) and closed-form in the reference. Keras 3 on JAX or PyTorch is benched in a process of its own
(`tf-loss-wiring bench --styles keras_impl[keras3-jax]`), whose rows this one reads back.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from common import quiet, runner
from common.cli import add_config_arguments, add_variant_argument, config_from_args
from common.config import Config, chosen_variants
from common.data import batches, make_dataset
from common.reference import REFERENCE
from common.style import Case
from tf_loss_wiring import cases, processes
from tf_loss_wiring.terminal import console

HELP = "every style on the question's protocol next to the numpy floor and its framework's bare floor"
KERAS3_TARGET = 20  # × numpy, fixed wiring: the same for every backend (one train_on_batch per step)
TARGETS = {"tf1_graph": 6, "tf2_eager": 4, "keras_impl[keras3]": KERAS3_TARGET,
           "keras_impl[keras3-jax]": KERAS3_TARGET, "keras_impl[keras3-torch]": KERAS3_TARGET,
           "keras_impl[tf_keras]": 100}
OVERHEAD_GOAL = 1.15  # our run against the bare floor, fixed wiring
COLUMNS = ("style", "variant", "dtype", "seconds", "× numpy", "target", "floor µs/step", "× floor", "peak MiB")


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


def rows_of(case: Case, config: Config, variant: str) -> list[dict]:
    """The case's row and the numpy reference's, measured in this process."""
    floor, floor_mib = measured(Case(REFERENCE), config, variant)
    done, mib = measured(case, config, variant)
    bare = floor_seconds(case, config, variant)
    ratio = done.seconds / floor.seconds
    target = TARGETS[case.label]
    met = ("met" if ratio <= target else "missed") if variant == "fixed" else "(fixed only)"
    overhead = done.seconds / bare
    goal = (" ok" if overhead <= OVERHEAD_GOAL else " over") if variant == "fixed" else ""
    return [
        dict(zip(COLUMNS, [case.label, variant, config.dtype, f"{done.seconds:.2f}", f"{ratio:.1f}",
                           f"≤ {target} {met}", f"{bare / config.steps * 1e6:.0f}", f"{overhead:.2f}{goal}",
                           f"{mib:.0f}"], strict=True)),
        dict(zip(COLUMNS, ["numpy", variant, config.dtype, f"{floor.seconds:.2f}", "1.0", "", "", "",
                           f"{floor_mib:.0f}"], strict=True)),
    ]


def rows_in_own_process(case: Case, config: Config, choice: str, verbose: bool) -> list[dict]:
    """`tf-loss-wiring bench --styles <case>` in a fresh process (another Keras 3 backend), its rows read back."""
    rows, _ = processes.hand_back(f"bench of {case.label}", "tf_loss_wiring", "bench", f"--styles={case.label}",
                                  *cases.config_flags(config), f"--variant={choice}", "--here",
                                  *(["--verbose"] if verbose else []), backend=case.backend)
    return rows


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--styles", default=",".join(style.name for style in cases.STYLES),
                        help="comma-separated styles, e.g. tf1_graph,keras_impl[keras3-jax] (all)")
    add_config_arguments(parser, default_dtype=None,  # None: each style's own default
                         json_help="also write the table's rows to PATH")
    add_variant_argument(parser)
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
                rows += rows_of(case, config, variant)
        else:
            try:
                rows += rows_in_own_process(case, config, args.variant, args.verbose)
            except processes.Failed as error:
                print(f"{parser.prog}: {error}", file=sys.stderr)
                continue
        out.print(f"done: {case.label}", style="dim", markup=False)
    if args.json:
        Path(args.json).write_text(json.dumps(rows))
    if args.here:
        return 0
    table = Table(title=f"{base.steps} steps, batch {base.batch_size}, N = {base.data_size}")
    for column in COLUMNS:
        table.add_column(column, justify="left" if column in ("style", "variant", "dtype") else "right")
    for row in rows:
        table.add_row(*(escape(row[column]) for column in COLUMNS))
    out.print(table)
    return 0
