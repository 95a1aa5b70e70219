"""The command line every style shares: `python -m <style> [--variant …] [--steps …] … [--json PATH]`.

Exit status: 0 done, 2 bad input (one line naming the flag and the value), 3 a run diverged,
130 interrupted. With `--json`, the runs that finished are written whatever the exit status.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import math
import os
import sys

import numpy as np

from common import runner
from common.config import DTYPES, QUESTION, VARIANTS, Config
from common.record import Run, write_json

EXIT_USAGE, EXIT_DIVERGED, EXIT_INTERRUPTED = 2, 3, 130

WHAT_VERDICTS_MEAN = {
    "learned": "w ≈ e_1, b ≈ 0: the ideal solution",
    "broken": "w ≈ 0, b ≈ mean(Y): the broken optimum of the broadcast loss",
    "neither": "near neither the ideal nor the broken optimum",
    "diverged": "the loss stopped being finite",
}


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit with status 2."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


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


def add_config_arguments(parser: argparse.ArgumentParser, *, default_dtype: str) -> None:
    """The flags that make a `Config`; defaults are the question's experiment."""
    flag = parser.add_argument
    flag("--steps", type=positive_int, default=QUESTION.steps, help="training steps (%(default)s)")
    flag("--batch-size", type=positive_int, default=QUESTION.batch_size, help="rows per step (%(default)s)")
    flag("--lr", type=positive_float, default=QUESTION.lr, help="SGD learning rate (%(default)s)")
    flag("--seed", type=seed, default=QUESTION.seed, help="RandomState seed of X (%(default)s)")
    flag("--data-size", type=positive_int, default=QUESTION.data_size, help="rows N (%(default)s)")
    flag("--dim", type=positive_int, default=QUESTION.dim, help="features (%(default)s)")
    flag("--log-every", type=positive_int, default=QUESTION.log_every, help="steps between log lines (%(default)s)")
    flag("--dtype", choices=DTYPES, default=default_dtype, help="(%(default)s)")
    parser.add_argument("--json", metavar="PATH", help="write every run's record to PATH")


def config_from_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Config:
    """Build the `Config`, refusing what is wrong across flags and a `--json` path that can't be written."""
    if args.batch_size > args.data_size:
        parser.error(f"argument --batch-size: {args.batch_size} is larger than --data-size {args.data_size}")
    if args.json is not None and not _writable(args.json):
        parser.error(f"argument --json: cannot write to {args.json!r}")
    fields = {f.name for f in dataclasses.fields(Config)}
    return Config(**{name: value for name, value in vars(args).items() if name in fields})


def _writable(path: str) -> bool:
    """Whether `path` can be written, checked before any training starts (nothing is created)."""
    if os.path.isdir(path):
        return False
    if os.path.exists(path):
        return os.access(path, os.W_OK)
    return os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)


def build_parser(name: str) -> Parser:
    """The style's parser, from what its package declares (importing it does not load TensorFlow)."""
    package = importlib.import_module(name)
    parser = Parser(prog=f"python -m {name}", description=package.__doc__.strip(), allow_abbrev=False)
    parser.add_argument("--variant", choices=(*VARIANTS, "both"), default="both", help="loss wiring (%(default)s)")
    if hasattr(package, "GENERATIONS"):
        generations = package.GENERATIONS
        parser.add_argument("--keras", choices=generations, default=generations[0], help="(%(default)s)")
    add_config_arguments(parser, default_dtype=package.DEFAULT_DTYPE)
    return parser


def console():
    """A rich Console for tables and progress; piped, it has no terminal to fit, so rows stay on one line."""
    from rich.console import Console

    terminal = Console()
    return terminal if terminal.is_terminal else Console(width=160)


def print_log(step: int, loss: float) -> None:
    print("Epoch %d: loss=%g" % (step, loss), flush=True)  # noqa: UP031  (the question's own format)


def print_result(run: Run) -> None:
    print("Weights:", np.asarray(run.weights))
    print("biases:", np.asarray([run.bias]))
    print(f"verdict: {run.verdict} ({WHAT_VERDICTS_MEAN[run.verdict]}) in {run.seconds:.2f} s\n", flush=True)


def main(name: str, argv: list[str] | None = None) -> int:
    """`python -m <name>`: run the style's buggy and/or fixed wiring as the flags say; return the exit status."""
    parser = build_parser(name)
    args = parser.parse_args(argv)
    config = config_from_args(parser, args)
    options = {"keras": args.keras} if "keras" in args else {}
    variants = VARIANTS if args.variant == "both" else (args.variant,)
    runs, status = [], 0
    try:
        style = runner.load_style(name)  # TensorFlow loads here, once the flags are known to be good
        for variant in variants:
            generation = f" · {options['keras']}" if options else ""
            print(f"== {style.STYLE}{generation} · {variant} wiring · {config.dtype} ==", flush=True)
            run = runner.run(style, config, variant, on_log=print_log, **options)
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
        write_json(args.json, runs)
    return status
