"""`python -m common.bench`: every style on the question's protocol in one process, next to the numpy floor.

For each style (and Keras generation) and wiring: training seconds, the ratio to the numpy reference doing the
same steps in the same process, and peak memory above what was resident before the run (Linux: the peak is
reset before each run through /proc/self/clear_refs). The targets are the ones the project holds itself to,
judged on the fixed wiring, where every style and the reference do the same O(N) work; the buggy wiring's
full-data evaluations are O(N^2) in the styles and closed-form in the reference.
"""

from __future__ import annotations

import dataclasses
import re

from rich.markup import escape
from rich.table import Table

from common import runner
from common.cli import Parser, add_config_arguments, config_from_args, console
from common.config import VARIANTS

TARGETS = {"tf1_graph": 6, "tf2_eager": 4, "keras_impl[keras3]": 20, "keras_impl[tf_keras]": 100}


def _status_kib(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", open("/proc/self/status").read(), re.M)
    return int(match.group(1)) if match else 0


def measured(style: str, config, variant: str, **options):
    """(run, peak MiB above the resident size before it)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # reset VmHWM to the current resident size
    except OSError:
        pass
    before = _status_kib("VmRSS")
    run = runner.run(style, config, variant, **options)
    return run, max(0, _status_kib("VmHWM") - before) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="python -m common.bench", description=__doc__.splitlines()[0], allow_abbrev=False)
    add_config_arguments(parser, default_dtype=None)  # None: each style's own default
    parser.add_argument("--variant", choices=(*VARIANTS, "both"), default="both")
    args = parser.parse_args(argv)
    base = config_from_args(parser, args)
    variants = VARIANTS if args.variant == "both" else (args.variant,)
    out = console()
    table = Table(title=f"{base.steps} steps, batch {base.batch_size}, N = {base.data_size}")
    for column in ("style", "variant", "dtype", "seconds", "× numpy", "target", "peak MiB"):
        table.add_column(column, justify="left" if column in ("style", "variant", "dtype") else "right")
    for style, keras in runner.CASES:
        config = dataclasses.replace(base, dtype=base.dtype or runner.load_style(style).DEFAULT_DTYPE)
        options = {"keras": keras} if keras else {}
        for variant in variants:
            floor, floor_mib = measured("reference", config, variant)
            run, mib = measured(style, config, variant, **options)
            name = run.label.rsplit("-", 1)[0]
            ratio = run.seconds / floor.seconds
            met = ("met" if ratio <= TARGETS[name] else "missed") if variant == "fixed" else "(fixed only)"
            table.add_row(escape(name), variant, config.dtype, f"{run.seconds:.2f}", f"{ratio:.1f}",
                          f"≤ {TARGETS[name]} {met}", f"{mib:.0f}")
            table.add_row("numpy", variant, config.dtype, f"{floor.seconds:.2f}", "1.0", "", f"{floor_mib:.0f}")
            out.print(f"done: {run.label} {run.seconds:.2f} s", style="dim", markup=False)
    out.print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
