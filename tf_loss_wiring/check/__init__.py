"""`tf-loss-wiring check TARGET…`: is the broadcast trap in your own code?

A loss, named `module:name` or `path/to/file.py:name` (a function, a TensorFlow function, a Keras 3 or a
tf_keras `Loss` subclass or instance), is probed the way `hazards` probes library APIs (`tf_loss_wiring.probe`):
on labels (B,) with predictions (B, 1) and the reverse, and on the same-rank pairs (B,)/(B,) and (B, 1)/(B, 1);
called directly, and for a function also in a TF1 graph whose placeholders have unknown rank (the question's
`shape=(None)`), for a Keras loss also through `compile` + `train_on_batch` (learning rate 0) in its own Keras
generation — Keras 3 on each installed backend, each other one in a process of its own. Shuffling the labels
alone tells a loss that pairs rows from a broadcast: each pairing is `correct`, `broadcast`, `differs` (it
pairs rows but gives another value than the rows paired), `refused` (it raised: safe) or `non-finite`.

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
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from common.flags import not_installed
from tf_loss_wiring.check.targets import TargetError, is_loss

if TYPE_CHECKING:  # imported where used, so that `python -m tf_loss_wiring.check.scan` runs it fresh
    from tf_loss_wiring.check import scan

HELP = "is the broadcast trap in your own code? probe a loss (module:name, file.py:name), or scan files"

EXIT_CLEAN, EXIT_BROADCASTS, EXIT_TARGET = 0, 1, 2
SHAPE_NAMES = {"B": "(B,)", "B1": "(B, 1)"}  # as --pairing spells them (tf_loss_wiring.probe.SHAPES)


def pairing(text: str) -> tuple[str, str]:
    """`B:B1` → labels (B,), predictions (B, 1)."""
    labels, _, predictions = text.partition(":")
    if labels not in SHAPE_NAMES or predictions not in SHAPE_NAMES:
        raise argparse.ArgumentTypeError(f"expected LABELS:PREDICTIONS, each B or B1 (e.g. B:B1), received {text!r}")
    return labels, predictions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="+", metavar="TARGET",
                        help="a loss (module:name or path/to/file.py:name), or a .py file, a notebook or a folder to "
                             "scan")
    parser.add_argument("--pairing", type=pairing, action="append", metavar="LABELS:PREDICTIONS",
                        help="judge only the shapes your model really gives, e.g. B:B1 for labels (B,) and "
                             "predictions (B, 1); repeatable (default: all four pairings)")
    parser.add_argument("--json", metavar="PATH", help="write every result to PATH ('-': standard output only)")
    parser.add_argument("--select", type=codes, metavar="CODES", help="scan: only these codes or prefixes, "
                        "comma-separated (e.g. TLW003,TLW004); default: every rule")
    parser.add_argument("--ignore", type=codes, metavar="CODES", help="scan: leave out these codes or prefixes")
    parser.add_argument("-j", "--jobs", type=jobs, default="auto", metavar="N",
                        help="scan: processes a folder of many files is scanned in (default: auto, one per CPU)")
    parser.add_argument("--output-format", choices=("text", "sarif"), default="text",
                        help="scan: `sarif` prints one SARIF 2.1.0 log (GitHub code scanning) instead of lines")
    # How a process of its own probes a Keras 3 loss on its backend alone (tf_loss_wiring.processes).
    parser.add_argument("--backend", help=argparse.SUPPRESS)


def jobs(text: str) -> int:
    """`auto` → one process per CPU; `4` → 4."""
    from tf_loss_wiring.check import scan

    return scan.jobs_argument(text)


def codes(text: str) -> tuple[str, ...]:
    """`TLW003,TLW004` → the codes or prefixes, each one `scan.RULES` knows (or a prefix of one)."""
    from tf_loss_wiring.check import scan

    chosen = tuple(part.strip().upper() for part in text.split(",") if part.strip())
    unknown = [code for code in chosen if not any(rule.startswith(code) for rule in scan.RULES)]
    if not chosen or unknown:
        raise argparse.ArgumentTypeError(f"expected codes among {', '.join(scan.RULES)} (or a prefix such as TLW), "
                                         f"received {text!r}")
    return chosen


# --- what the command shows -------------------------------------------------------------------------------
def loss_record(report) -> dict:
    return {"target": report.target, "kind": str(report.kind), "called_as": report.called_as,
            "status": str(report.status), "pairings": [f"{a}:{b}" for a, b in report.asked],
            "probes": [p.as_record() for p in report.probes], "not_run": report.not_run, "notes": report.notes,
            "fix": report.fix}


def scan_record(target: str, findings: list[scan.Finding], problems: list[str]) -> dict:
    return {"target": target, "kind": "source", "status": "broadcasts" if findings else "clean",
            "findings": [{**dataclasses.asdict(f), "fix": f.fix} for f in findings], "problems": problems}


def show_report(console, report) -> None:
    """One table per loss: a row per path, a column per pairing, the outcome and value in each cell."""
    from rich.markup import escape
    from rich.table import Table

    from tf_loss_wiring.probe import HAZARDS, PAIRINGS, SHAPES, Outcome

    colours = {Outcome.CORRECT: "green", Outcome.BROADCAST: "bold red", Outcome.DIFFERS: "bold red",
               Outcome.REFUSED: "yellow", Outcome.NON_FINITE: "yellow"}
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
            row.append(f"[{colours[Outcome(probe.outcome)]}]{probe.outcome}[/] {detail}")
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
        odd = sorted({p.pairing for p in report.counted if p.outcome == Outcome.NON_FINITE})
        console.print(f"[yellow]not judged[/]: NaN or infinity on {escape('; '.join(odd))} (status 2)")
    else:
        console.print("[green]clean[/]: every pairing asked for pairs each label with its own prediction, or refuses")


# --- the command ------------------------------------------------------------------------------------------
def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from common.flags import check_writable

    if args.json != "-":
        check_writable(parser, "--json", args.json)
    losses = [t for t in args.targets if is_loss(t)]
    for target in args.targets:
        if target not in losses and not Path(target).exists():
            parser.error(f"argument TARGET: {target!r} is neither a file or folder nor module:name / file.py:name")
    scanned = [t for t in args.targets if t not in losses]
    if args.pairing and scanned:
        print(f"{parser.prog}: warning: --pairing applies to losses only; ignored for {', '.join(scanned)}",
              file=sys.stderr)
    if args.backend and scanned:
        parser.error(f"argument --backend: for losses only (received {', '.join(scanned)})")
    if args.output_format == "sarif" and losses:
        parser.error(f"argument --output-format: sarif is for scanned files only (received {', '.join(losses)})")
    records, status, scans = [], EXIT_CLEAN, []
    for target in args.targets:
        record = check_one(parser, args, target) if target in losses else scan_one(parser, args, target, scans)
        records.append(record)
        status = max(status, record.pop("exit_status"))
    if args.output_format == "sarif":
        from tf_loss_wiring.check.sarif import to_sarif

        findings = [f for done in scans for f in done.findings]
        print(json.dumps(to_sarif(findings, [p for done in scans for p in done.problems], Path.cwd()), indent=1))
    if args.json:
        text = json.dumps({"targets": records}, indent=1, allow_nan=False)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n")
    return status


def check_one(parser: argparse.ArgumentParser, args: argparse.Namespace, target: str) -> dict:
    """Probe one loss target; its record, with the exit status it calls for."""
    try:
        from common import quiet
        from tf_loss_wiring.check import losses
        from tf_loss_wiring.probe import PAIRINGS
        from tf_loss_wiring.terminal import console
    except ModuleNotFoundError as missing:  # a plain install: the scan alone
        print(not_installed(parser.prog, missing), file=sys.stderr)
        return {"target": target, "status": "error", "error": f"needs {missing.name}", "exit_status": EXIT_TARGET}

    pairings = tuple(dict.fromkeys(args.pairing)) if args.pairing else PAIRINGS
    try:
        with quiet.startup(args.verbose):  # TensorFlow loads here, and the user's module with it
            if args.backend:  # a process of its own: Keras 3 on that backend, before the user's module imports it
                from keras_impl.experiment import keras_module

                keras_module("keras3", args.backend)
                report = losses.check_loss(losses.load(target), target, pairings)
            else:
                report = losses.check_target(target, pairings)
    except TargetError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return {"target": target, "status": "error", "error": str(error), "exit_status": EXIT_TARGET}
    if args.json != "-" and not args.backend:
        show_report(console(), report)
    return {**loss_record(report), "exit_status": report.exit_status}


def scan_one(parser: argparse.ArgumentParser, args: argparse.Namespace, target: str, scans: list) -> dict:
    """Scan one file or folder; its record, with the exit status it calls for."""
    from tf_loss_wiring.check import scan

    done = scan.scan_path(Path(target), select=args.select, ignore=args.ignore, jobs=args.jobs)
    seen = {(os.path.abspath(f.path), f.line, f.col, f.code) for earlier in scans for f in earlier.findings}
    done.findings = scan.once(done.findings, seen)  # a sibling module's finding, reached from two targets: once
    scans.append(done)
    for line in done.problems:
        print(f"{parser.prog}: error: {line}", file=sys.stderr)
    if args.json != "-" and args.output_format == "text":
        for finding in done.findings:
            print(f"{finding}\n    fix: {finding.fix}")
        print(f"{target}: {done.summary}")
    status = max(EXIT_BROADCASTS if done.findings else EXIT_CLEAN, EXIT_TARGET if done.problems else EXIT_CLEAN)
    return {**scan_record(target, done.findings, done.problems), "exit_status": status}
