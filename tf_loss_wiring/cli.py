"""`tf-loss-wiring SUBCOMMAND …`: the console command in front of the tools.

Each tool module defines `HELP` (one line), `add_arguments(parser)` and `run(parser, args) -> exit status`.
Errors in the flags are one line naming the flag and the value, with exit status 2, as in `python -m <style>`.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from common.cli import EXIT_INTERRUPTED, Parser, add_verbose_argument

PROG = "tf-loss-wiring"
TOOLS = ("compare", "bench", "hazards", "check")


def console():
    """A rich Console for tables and progress; piped, it has no terminal to fit, so rows stay on one line."""
    from rich.console import Console

    terminal = Console()
    return terminal if terminal.is_terminal else Console(width=160)


def build_parser() -> Parser:
    parser = Parser(prog=PROG, allow_abbrev=False,
                    description="Why TF1 and Keras 'do the same thing' and give different results: the tools.")
    subcommands = parser.add_subparsers(dest="tool", metavar="SUBCOMMAND", parser_class=Parser, required=True)
    for name in TOOLS:
        tool = importlib.import_module(f"tf_loss_wiring.{name}")
        sub = subcommands.add_parser(name, help=tool.HELP, description=tool.__doc__.strip(), allow_abbrev=False,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
        tool.add_arguments(sub)
        add_verbose_argument(sub)
        sub.set_defaults(run=tool.run, parser=sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args.parser, args)
    except KeyboardInterrupt:  # while TensorFlow loads, or anywhere a tool does not catch it itself
        print(f"\n{args.parser.prog}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
