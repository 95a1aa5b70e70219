"""`tf-loss-wiring compare`: every style x Keras generation (and backend) x wiring on one configuration, in one table.

    tf-loss-wiring compare                                   # the question's experiment, all twelve runs
    tf-loss-wiring compare --styles tf1_graph,keras_impl[tf_keras] --steps 2001
    tf-loss-wiring compare --code                            # the styles' code side by side, by section
    tf-loss-wiring compare --plot curves.png                 # loss curves (needs the `plot` extra)
    tf-loss-wiring compare --html report.html                # one page: the trap, table, curves and code

The common flags (`--steps`, `--lr`, …) set the one configuration every run shares; `--dtype` left unset
gives each style its own default (float64 for the TF styles, float32 for Keras). Each run is compared with
the numpy reference on what it really trained: its wiring — the fixed one for a masked run, whose framework
repaired the shapes — with the learning rate rounded as its optimizer rounds it, against the tolerance
`common/checks.py` names for its dtype. Keras 3 on JAX or PyTorch runs in a process of its own per run
(`python -m keras_impl --backend …`; its seconds are its training's, not the process's start-up); a backend
that is not installed is one line, and the rest runs.

Exit status: 0 done, 1 a case's own process failed, 2 bad input, 3 a run diverged, 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
from collections.abc import Iterator

import numpy as np

from common import quiet, runner
from common.cli import (
    EXIT_DIVERGED,
    EXIT_INTERRUPTED,
    add_config_arguments,
    add_variant_argument,
    check_writable,
    config_from_args,
    ctrl_c_remembered,
)
from common.config import chosen_variants
from common.data import make_dataset
from common.record import Run, write_json
from tf_loss_wiring import cases, processes
from tf_loss_wiring.compare import code, page, plot
from tf_loss_wiring.compare.table import COLUMNS, LEFT_ALIGNED, MASKED_NOTE, TABLE_TITLE, Compared, row
from tf_loss_wiring.terminal import console

EXIT_FAILED = 1  # a case's own process failed or hung (one line); every run that could run still shows

HELP = "every style x Keras generation x wiring in one table; --code, --plot, --html"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--styles", default=",".join(style.name for style in cases.STYLES),
                        help="comma-separated styles, e.g. tf1_graph,keras_impl[tf_keras] (all)")
    add_variant_argument(parser)
    parser.add_argument("--code", action="store_true",
                        help="show the styles' code side by side, section by section, and exit")
    parser.add_argument("--plot", metavar="FILE.png", help="draw the loss curves to FILE.png (needs matplotlib)")
    parser.add_argument("--html", metavar="FILE.html",
                        help="write one self-contained page: the trap, the table, the curves and the code")
    add_config_arguments(parser, default_dtype=None)  # None: each style's own default


# --- the table ----------------------------------------------------------------------------------------------
def print_table(out, compared: list[Compared]) -> None:
    from rich.markup import escape
    from rich.table import Table

    masked = any(c.run.masked for c in compared)
    table = Table(title=TABLE_TITLE, caption=MASKED_NOTE if masked else None)
    for column in COLUMNS:
        table.add_column(column, justify="left" if column in LEFT_ALIGNED else "right")
    for c in compared:
        table.add_row(*map(escape, row(c)))
    out.print(table)


# --- the command ---------------------------------------------------------------------------------------------
def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.code:
        width = shutil.get_terminal_size((100, 24)).columns  # COLUMNS when set, else the terminal's
        code.print_code(cases.STYLES, width)
        return 0
    try:
        chosen = cases.parse(args.styles)
    except ValueError as error:
        parser.error(f"argument --styles: {error}")
    if args.plot:
        if importlib.util.find_spec("matplotlib") is None:
            parser.error("argument --plot: matplotlib is not installed; install it with: pip install -e '.[plot]'")
        check_writable(parser, "--plot", args.plot)
    check_writable(parser, "--html", args.html)
    base = config_from_args(parser, args)

    out = console()
    runs, status = [], 0
    for why in filter(None, map(cases.why_not_here, chosen)):
        print(f"{parser.prog}: {why}", file=sys.stderr)
    chosen = [case for case in chosen if cases.why_not_here(case) is None]
    todo = [(case, variant) for case in chosen for variant in chosen_variants(args.variant)]
    try:
        with ctrl_c_remembered(), quiet.startup(args.verbose):
            for case in chosen:
                if not case.needs_own_process:
                    case.load()
        with ctrl_c_remembered(), progress_display(out, len(todo)) as progress:
            for case in chosen:
                try:
                    for done in runs_of(case, case.config(base, base.dtype), args.variant, progress):
                        runs.append(done)
                        progress.done(done)
                        status = EXIT_DIVERGED if done.diverged_at else status
                except processes.Failed as error:  # one line; the runs that could run still run and show
                    print(f"{parser.prog}: {error}", file=sys.stderr)
                    status = max(status, EXIT_FAILED)
    except KeyboardInterrupt:
        print(f"\n{parser.prog}: interrupted, {len(runs)} finished run(s) kept", file=sys.stderr)
        status = EXIT_INTERRUPTED
    compared = [Compared.of(run) for run in runs]
    if compared:
        print_table(out, compared)
    if args.json:
        references = list({id(c.reference): c.reference for c in compared}.values())
        write_json(args.json, runs, reference=[ref.as_dict() for ref in references])
    if args.plot and runs:
        plot.save(args.plot, runs, label_variance(runs))
        print(f"plot: {args.plot}")
    if args.html and runs:
        page.write(args.html, compared, label_variance(runs))
        print(f"page: {args.html}")
    return status


def runs_of(case, config, choice: str, progress) -> Iterator[Run]:
    """The runs of `case` with the wirings `choice` names: here, or for another Keras 3 backend in one process
    of its own (both wirings together: its start-up is paid once)."""
    if not case.needs_own_process:
        for variant in chosen_variants(choice):
            yield runner.run(case, config, variant, on_log=progress.start(case.run_label(variant), config.steps))
        return
    progress.start(f"{case.label} (a process of its own)", config.steps)
    yield from cases.run_in_own_process(case, config, choice)[0]


def label_variance(runs: list[Run]) -> float:
    """Var(Y) of the runs' dataset: the floor of the buggy wiring's loss, drawn on the curves."""
    return float(np.var(make_dataset(runs[0].config)[1], dtype=np.float64))


class progress_display:
    """A rich progress bar on a terminal; one plain line per finished run when piped."""

    def __init__(self, out, total: int):
        self.out, self.total, self.finished = out, total, 0
        self.bar = None
        if out.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=out)

    def __enter__(self):
        if self.bar:
            self.bar.start()
            self.overall = self.bar.add_task("all runs", total=self.total)
        return self

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()

    def start(self, label: str, steps: int):
        """Announce a run; returns the `on_log` callback that advances its bar."""
        if not self.bar:
            return None
        self.task = self.bar.add_task(label, total=steps)
        return lambda step, loss: self.bar.update(self.task, completed=step + 1)

    def done(self, run: Run) -> None:
        self.finished += 1
        if self.bar:
            self.bar.update(self.task, completed=run.config.steps)
            self.bar.update(self.overall, advance=1)
        else:
            print(f"[{self.finished}/{self.total}] {run.label}: {run.verdict} in {run.seconds:.2f} s", flush=True)
