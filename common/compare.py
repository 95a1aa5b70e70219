"""`python -m common.compare`: every style x Keras generation x wiring on one configuration, in one table.

    python -m common.compare                                 # the question's experiment, all eight runs
    python -m common.compare --styles tf1_graph,keras_impl[tf_keras] --steps 2001
    python -m common.compare --code                          # each style's two wirings side by side
    python -m common.compare --plot curves.png               # loss curves (needs the `plot` extra)

The common flags (`--steps`, `--lr`, …) set the one configuration every run shares; `--dtype` left unset
gives each style its own default (float64 for the TF styles, float32 for Keras). Styles are imported by name
when they run, so `common` itself never imports one.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import importlib.util
import os
import shutil
import sys

import numpy as np

from common import checks, runner
from common.cli import EXIT_DIVERGED, EXIT_INTERRUPTED, Parser, add_config_arguments, config_from_args, console
from common.config import VARIANTS
from common.data import make_dataset
from common.record import Run, write_json

CASES = runner.CASES
KERAS_NOTE = ("keras3 and tf_keras run this same code; tf_keras's compile expands (B,) labels to (B, 1) for every"
              " loss, so there the buggy wiring learns")


def case_label(style: str, keras: str | None) -> str:
    return f"{style}[{keras}]" if keras else style


def parse_styles(parser: Parser, text: str) -> list[tuple[str, str | None]]:
    """`tf1_graph,keras_impl` (every generation) or `keras_impl[tf_keras]` (one) → the matching cases."""
    chosen = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        matches = [case for case in CASES if item in (case[0], case_label(*case))]
        if not matches:
            known = ", ".join(dict.fromkeys([c[0] for c in CASES] + [case_label(*c) for c in CASES if c[1]]))
            parser.error(f"argument --styles: unknown style {item!r} (choose from {known})")
        chosen += [case for case in matches if case not in chosen]
    return chosen


# --- the code, side by side -------------------------------------------------------------------------------
def wiring_source(style: str) -> dict[str, tuple[str, list[str]]]:
    """Each wiring's docstring and its code without it (signature and body), read from the style's file."""
    path = importlib.util.find_spec(f"{style}.experiment").origin
    text = open(path).read()
    lines = text.splitlines()
    functions = {node.name: node for node in ast.parse(text).body if isinstance(node, ast.FunctionDef)}
    wirings = {}
    for variant in VARIANTS:
        node = functions[f"{variant}_loss"]
        body = node.body[1:] if ast.get_docstring(node) else node.body
        code = [lines[node.lineno - 1]] + lines[body[0].lineno - 1:node.end_lineno]
        wirings[variant] = (ast.get_docstring(node), [line for line in code if line.strip()])
    return wirings


def marked(buggy: list[str], fixed: list[str]) -> tuple[list[str], list[str]]:
    """Prefix each line with `!` where the two wirings differ (the function's own name aside)."""
    same_name = [[line.replace(f"{v}_loss", "_loss") for line in lines] for v, lines in zip(VARIANTS, (buggy, fixed),
                                                                                          strict=True)]
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=same_name[0], b=same_name[1], autojunk=False).get_opcodes():
        mark = "  " if tag == "equal" else "! "
        left += [mark + line for line in buggy[i1:i2]]
        right += [mark + line for line in fixed[j1:j2]]
        left += [""] * (len(right) - len(left))
        right += [""] * (len(left) - len(right))
    return left, right


def print_code(width: int) -> None:
    for style in dict.fromkeys(case[0] for case in CASES):
        source = wiring_source(style)
        left, right = marked(source["buggy"][1], source["fixed"][1])
        column = max(map(len, left + ["buggy"]))
        print(f"== {style}: lines marked ! differ ==")
        if width >= column + 3 + max(map(len, right)):
            print(f"{'buggy'.ljust(column)} | fixed")
            for a, b in zip(left, right, strict=True):
                print(f"{a.ljust(column)} | {b}".rstrip())
        else:  # too narrow for two columns: one after the other
            for variant, lines in (("buggy", left), ("fixed", right)):
                print(f"-- {variant}")
                print("\n".join(line for line in lines if line))
        for variant in VARIANTS:
            print(f"{variant}: {source[variant][0]}")
        if style == "keras_impl":
            print(f"({KERAS_NOTE})")
        print()


# --- the runs, the table, the plot --------------------------------------------------------------------------
def row(run: Run, reference: Run) -> list[str]:
    w = np.asarray(run.weights)
    diff = checks.distance(w, run.bias, (np.asarray(reference.weights), reference.bias))
    return [run.style, run.options.get("keras", ""), run.variant, run.config.dtype, f"{w[0]:.6f}",
            f"{np.max(np.abs(w[1:]), initial=0):.2e}", f"{run.bias:.6f}", f"{run.final_mse:.3e}", run.verdict,
            f"{run.seconds:.2f}", f"{diff:.1e}"]


COLUMNS = ["style", "keras", "variant", "dtype", "w₀", "max |wᵢ| i>0", "bias", "final MSE", "verdict", "seconds",
           "max |Δ| vs numpy"]


def print_table(console, runs: list[Run], references: dict) -> None:
    from rich.table import Table

    table = Table(title="final MSE: the correct mean squared error of the final weights on all rows (float64)")
    for column in COLUMNS:
        table.add_column(column, justify="right" if column not in ("style", "keras", "variant", "dtype", "verdict")
                         else "left")
    for run in runs:
        table.add_row(*row(run, references[run.config, run.variant]))
    console.print(table)


def plot(path: str, runs: list[Run], var_y: float) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 5.5))
    colors = dict(zip([case_label(*c) for c in CASES], ["C0", "C1", "C2", "C3"], strict=True))
    for run in runs:
        steps = [entry["step"] for entry in run.log]
        losses = [entry["loss"] for entry in run.log]
        name = run.label.rsplit("-", 1)[0]
        kind = "batch loss" if run.style == "keras_impl" else "loss on all rows"
        ax.plot(steps, losses, linestyle="--" if run.variant == "buggy" else "-", marker="o", markersize=3,
                color=colors.get(name, "k"), label=f"{run.label} ({kind})")
    ax.axhline(var_y, color="k", linewidth=0.8, linestyle=":")
    ax.annotate("Var(Y): the floor of the broadcast loss", (0, var_y), textcoords="offset points", xytext=(4, 4))
    ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.set_ylabel("loss (log scale)")
    ax.set_title("buggy (dashed) against fixed (solid) wirings; runs that agree draw over each other")
    ax.legend(fontsize=7, loc="lower left", handlelength=4)  # long enough to show dashed from solid
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="python -m common.compare", description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--styles", default=",".join(dict.fromkeys(c[0] for c in CASES)),
                        help="comma-separated styles, e.g. tf1_graph,keras_impl[tf_keras] (all)")
    parser.add_argument("--variant", choices=(*VARIANTS, "both"), default="both", help="loss wiring (%(default)s)")
    parser.add_argument("--code", action="store_true", help="show each style's two wirings side by side and exit")
    parser.add_argument("--plot", metavar="FILE.png", help="draw the loss curves to FILE.png (needs matplotlib)")
    add_config_arguments(parser, default_dtype=None)  # None: each style's own default
    args = parser.parse_args(argv)
    if args.code:
        print_code(shutil.get_terminal_size((100, 24)).columns)
        return 0
    cases = parse_styles(parser, args.styles)
    if args.plot:
        if importlib.util.find_spec("matplotlib") is None:
            parser.error("argument --plot: matplotlib is not installed; install it with: pip install -e '.[plot]'")
        if not os.access(os.path.dirname(os.path.abspath(args.plot)), os.W_OK) or os.path.isdir(args.plot):
            parser.error(f"argument --plot: cannot write to {args.plot!r}")
    base = config_from_args(parser, args)
    variants = VARIANTS if args.variant == "both" else (args.variant,)

    out = console()
    runs, references, status = [], {}, 0
    todo = [(style, keras, variant) for style, keras in cases for variant in variants]
    try:
        with progress_display(out, len(todo)) as progress:
            for style, keras, variant in todo:
                config = dataclasses.replace(base, dtype=base.dtype or runner.load_style(style).DEFAULT_DTYPE)
                label = f"{case_label(style, keras)}-{variant}"
                on_log = progress.start(label, config.steps)
                run = runner.run(style, config, variant, on_log=on_log, **({"keras": keras} if keras else {}))
                if (config, variant) not in references:
                    references[config, variant] = runner.run("reference", config, variant)
                runs.append(run)
                progress.done(run)
                status = EXIT_DIVERGED if run.diverged_at else status
    except KeyboardInterrupt:
        print(f"\n{parser.prog}: interrupted, {len(runs)} finished run(s) kept", file=sys.stderr)
        status = EXIT_INTERRUPTED
    if runs:
        print_table(out, runs, references)
    if args.json:
        write_json(args.json, runs, reference=[ref.as_dict() for ref in references.values()])
    if args.plot and runs:
        plot(args.plot, runs, float(np.var(make_dataset(base if base.dtype else dataclasses.replace(
            base, dtype="float64"))[1])))
        print(f"plot: {args.plot}")
    return status


class progress_display:
    """A rich progress bar on a terminal; one plain line per finished run when piped."""

    def __init__(self, console, total: int):
        self.console, self.total, self.finished = console, total, 0
        self.bar = None
        if console.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=console)

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


if __name__ == "__main__":
    raise SystemExit(main())
