"""`tf-loss-wiring bench`: every style on the question's protocol in one process, next to the numpy floor.

For each style (and Keras generation) and wiring: training seconds, the ratio to the numpy reference doing the
same steps in the same process, and peak memory above what was resident before the run (Linux: the peak is
reset before each run through /proc/self/clear_refs). The targets are the ones the project holds itself to,
judged on the fixed wiring, where every style and the reference do the same O(N) work; the buggy wiring's
full-data evaluations are O(N^2) in the styles and closed-form in the reference.
"""

from __future__ import annotations

import argparse
import re

from common import quiet, runner
from common.cli import add_config_arguments, add_variant_argument, config_from_args
from common.config import chosen_variants
from common.reference import REFERENCE
from common.style import Case
from tf_loss_wiring import cases
from tf_loss_wiring.cli import console

HELP = "every style on the question's protocol next to the numpy floor: seconds and peak memory"
TARGETS = {"tf1_graph": 6, "tf2_eager": 4, "keras_impl[keras3]": 20, "keras_impl[tf_keras]": 100}


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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_arguments(parser, default_dtype=None)  # None: each style's own default
    add_variant_argument(parser)


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from rich.markup import escape
    from rich.table import Table

    base = config_from_args(parser, args)
    with quiet.startup(args.verbose):
        for style in cases.STYLES:
            style.load()
    out = console()
    table = Table(title=f"{base.steps} steps, batch {base.batch_size}, N = {base.data_size}")
    for column in ("style", "variant", "dtype", "seconds", "× numpy", "target", "peak MiB"):
        table.add_column(column, justify="left" if column in ("style", "variant", "dtype") else "right")
    for case in cases.CASES:
        config = case.config(base, base.dtype)
        for variant in chosen_variants(args.variant):
            floor, floor_mib = measured(Case(REFERENCE), config, variant)
            done, mib = measured(case, config, variant)
            ratio = done.seconds / floor.seconds
            target = TARGETS[case.label]
            met = ("met" if ratio <= target else "missed") if variant == "fixed" else "(fixed only)"
            table.add_row(escape(case.label), variant, config.dtype, f"{done.seconds:.2f}", f"{ratio:.1f}",
                          f"≤ {target} {met}", f"{mib:.0f}")
            table.add_row("numpy", variant, config.dtype, f"{floor.seconds:.2f}", "1.0", "", f"{floor_mib:.0f}")
            out.print(f"done: {done.label} {done.seconds:.2f} s", style="dim", markup=False)
    out.print(table)
    return 0
