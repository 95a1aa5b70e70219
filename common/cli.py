"""The command line every style shares: `python -m <style> [--variant …] [--steps …] … [--json PATH]`.

Exit status: 0 done, 2 bad input (one line naming the flag and the value), 3 a run diverged (the runs asked
for after it still run), 130 interrupted. With `--json`, the runs that finished are written whatever the
exit status. The tools above the styles build their flags from the same pieces.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib.util
import math
import signal
import sys
import threading

import numpy as np

import common
from common import monitor, quiet, runner
from common.config import DTYPES, QUESTION, VARIANTS, Config, chosen_variants
from common.flags import EXIT_INTERRUPTED, EXIT_USAGE, Parser, add_verbose_argument, check_writable  # noqa: F401  (its exits)
from common.record import Run, write_json
from common.style import Case, Style

EXIT_DIVERGED = 3

WHAT_VERDICTS_MEAN = {
    "learned": "w ≈ e_1, b ≈ 0: the ideal solution",
    "broken": "w ≈ 0, b ≈ mean(Y): the broken optimum of the broadcast loss",
    "neither": "near neither the ideal nor the broken optimum",
    "diverged": "the loss stopped being finite",
}


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer, received {text!r}")
    return value


def seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value < 2**32:  # what numpy's RandomState accepts
        raise argparse.ArgumentTypeError(f"expected an integer from 0 to 2**32 - 1, received {text!r}")
    return value


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a positive finite number, received {text!r}")
    return value


def add_variant_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--variant", choices=(*VARIANTS, "both"), default="both", help="loss wiring (%(default)s)")


def add_config_arguments(parser: argparse.ArgumentParser, *, default_dtype: str | None,
                         json_help: str = "write every run's record to PATH") -> None:
    """The flags that make a `Config`; defaults are the question's experiment (dtype None: each style's own)."""
    flag = parser.add_argument
    flag("--steps", type=positive_int, default=QUESTION.steps, help="training steps (%(default)s)")
    flag("--batch-size", type=positive_int, default=QUESTION.batch_size, help="rows per step (%(default)s)")
    flag("--lr", type=positive_float, default=QUESTION.lr, help="SGD learning rate (%(default)s)")
    flag("--seed", type=seed, default=QUESTION.seed, help="RandomState seed of X (%(default)s)")
    flag("--data-size", type=positive_int, default=QUESTION.data_size, help="rows N (%(default)s)")
    flag("--dim", type=positive_int, default=QUESTION.dim, help="features (%(default)s)")
    flag("--log-every", type=positive_int, default=QUESTION.log_every, help="steps between log lines (%(default)s)")
    flag("--dtype", choices=DTYPES, default=default_dtype, help="(%(default)s)")
    parser.add_argument("--json", metavar="PATH", help=json_help)


def config_from_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Config:
    """Build the `Config`, refusing what is wrong across flags and a `--json` path that can't be written.

    A `dtype` of None (the tools' "each style's own") is left for `Case.config` to fill in.
    """
    if args.batch_size > args.data_size:
        parser.error(f"argument --batch-size: {args.batch_size} is larger than --data-size {args.data_size}")
    check_writable(parser, "--json", args.json)
    fields = {f.name for f in dataclasses.fields(Config)}
    return Config(**{name: value for name, value in vars(args).items() if name in fields})


def case_from_args(parser: argparse.ArgumentParser, style: Style, args: argparse.Namespace) -> Case:
    """The case the flags name, refusing a `--backend` under a Keras generation that has none."""
    keras, backend = getattr(args, "keras", None), getattr(args, "backend", None)
    chosen = common.USER_KERAS_BACKEND
    if backend is None and keras in style.backends_under and chosen in style.backends:
        if importlib.util.find_spec(chosen) is None:
            print(f"{parser.prog}: KERAS_BACKEND={chosen} is not installed here: Keras 3 runs on "
                  f"{style.backends[0]}", file=sys.stderr)
        else:
            backend = chosen  # the user's KERAS_BACKEND, honoured as the default
    if backend is not None and keras not in style.backends_under:
        parser.error(f"argument --backend: --keras {keras} runs on TensorFlow only; backends are for "
                     f"{', '.join(f'--keras {name}' for name in style.backends_under)} (received --backend {backend})")
    return Case(style, keras, backend)


def build_parser(style: Style) -> Parser:
    """The style's parser, from what it declares (reading the declaration does not load TensorFlow)."""
    parser = Parser(prog=f"python -m {style.name}", description=style.description, allow_abbrev=False)
    add_variant_argument(parser)
    if style.generations:
        parser.add_argument("--keras", choices=style.generations, default=style.generations[0],
                            help="Keras generation (%(default)s)")
    if style.backends:
        generations = ", ".join(f"--keras {name}" for name in style.backends_under)
        parser.add_argument("--backend", choices=style.backends,
                            help=f"Keras 3 backend, for {generations} only; process-wide ({style.backends[0]})")
    add_config_arguments(parser, default_dtype=style.default_dtype)
    parser.add_argument("--batch-losses", action="store_true",
                        help="also write every step's batch loss to --json (what compare's plot draws)")
    add_verbose_argument(parser)
    return parser


def print_log(step: int, loss: float) -> None:
    print("Epoch %d: loss=%g" % (step, loss), flush=True)  # noqa: UP031  (the question's own format)


def print_result(run: Run) -> None:
    print("Weights:", np.asarray(run.weights))
    print("biases:", np.asarray([run.bias]))
    print(f"verdict: {run.verdict} ({WHAT_VERDICTS_MEAN[run.verdict]}) in {run.seconds:.2f} s\n", flush=True)


@contextlib.contextmanager
def ctrl_c_remembered():
    """Ctrl-C raises KeyboardInterrupt as Python's own handler does, and is remembered (monitor.INTERRUPTED), so a
    run whose interrupt Python swallowed stops at its next step."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupted(signum, frame):
        monitor.INTERRUPTED.set()
        raise KeyboardInterrupt

    def unraisable(report):  # the swallowed one: no "Exception ignored" traceback, the next step raises it
        if not isinstance(report.exc_value, KeyboardInterrupt):
            previous_hook(report)

    previous, previous_hook = signal.signal(signal.SIGINT, interrupted), sys.unraisablehook
    sys.unraisablehook = unraisable
    try:
        yield
    except KeyboardInterrupt:
        raise
    except Exception as error:  # raised inside a library that wraps it: numpy's __array__ in a tf.function's
        if monitor.INTERRUPTED.is_set():  # binding gives "TypeError: Binding inputs to tf.function failed"
            raise KeyboardInterrupt from error
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
        sys.unraisablehook = previous_hook
        monitor.INTERRUPTED.clear()


def main(style: Style, argv: list[str] | None = None) -> int:
    """`python -m <style>`: run its buggy and/or fixed wiring as the flags say; return the exit status."""
    parser = build_parser(style)
    args = parser.parse_args(argv)
    config = config_from_args(parser, args)
    case = case_from_args(parser, style, args)
    runs, status = [], 0
    try:
        with ctrl_c_remembered():
            with quiet.startup(args.verbose):
                case.load()  # TensorFlow (or the Keras 3 backend's framework) loads here, once the flags are good
            for variant in chosen_variants(args.variant):
                setting = f" · {case.setting}" if case.setting else ""
                print(f"== {style.name}{setting} · {variant} wiring · {config.dtype} ==", flush=True)
                run = runner.run(case, config, variant, on_log=print_log)
                runs.append(run)
                if run.diverged_at:
                    at = run.diverged_at
                    print(f"{run.label}: diverged at step {at['step']}: loss={at['loss']:g}", file=sys.stderr)
                    status = EXIT_DIVERGED
                print_result(run)
    except KeyboardInterrupt:
        done = f", {len(runs)} finished run(s) kept" if runs else ""
        print(f"\n{parser.prog}: interrupted{done}", file=sys.stderr)
        status = EXIT_INTERRUPTED
    if args.json:
        write_json(args.json, runs, with_batch_losses=args.batch_losses)
    return status
