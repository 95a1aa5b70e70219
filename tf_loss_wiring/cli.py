"""`tf-loss-wiring SUBCOMMAND …`: the console command in front of the tools.

Each tool module defines `HELP` (one line), `add_arguments(parser)` and `run(parser, args) -> exit status`.
Only the tool asked for is imported, so a source scan (`check FILE`) starts without numpy or TensorFlow and
works in an install that has neither. Errors in the flags are one line naming the flag and the value, with
exit status 2, as in `python -m <style>`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

import common
from common.flags import EXIT_INTERRUPTED, EXIT_USAGE, Parser, add_verbose_argument, not_installed

PROG = "tf-loss-wiring"
EXIT_BROKEN_PIPE = 128 + 13  # as a shell reports a command ended by SIGPIPE
# Each tool's module and its line in `--help` (the module's own HELP says the same; a test holds them equal).
TOOLS = {
    "compare": ("tf_loss_wiring.compare", "every style x Keras generation x wiring in one table; --code, --plot, "
                                          "--html"),
    "bench": ("tf_loss_wiring.bench", "every style on the question's protocol next to the numpy floor and its "
                                      "framework's bare floor"),
    "hazards": ("tf_loss_wiring.hazards", "which loss APIs broadcast labels (B,) against predictions (B, 1), in "
                                          "the versions installed here"),
    "check": ("tf_loss_wiring.check", "is the broadcast trap in your own code? probe a loss (module:name, "
                                      "file.py:name), or scan files"),
    "run": ("tf_loss_wiring.run", "run a script (or -m MODULE) with a watch that warns where labels (B,) and "
                                  "predictions (B, 1) broadcast"),
}


KERAS_ON_TENSORFLOW = ("compare", "bench", "hazards")  # the tools whose own process imports Keras 3 on TensorFlow


def build_parser(argv: list[str]) -> Parser:
    """The parser, with the full flags of the subcommand `argv` names (the others only listed)."""
    parser = Parser(prog=PROG, allow_abbrev=False,
                    description="Why TF1 and Keras 'do the same thing' and give different results: the tools.")
    subcommands = parser.add_subparsers(dest="tool", metavar="SUBCOMMAND", parser_class=Parser, required=True)
    chosen = next((word for word in argv if not word.startswith("-")), None)
    for name, (module, help_line) in TOOLS.items():
        if name != chosen:
            subcommands.add_parser(name, help=help_line, add_help=False)
            continue
        try:
            tool = importlib.import_module(module)
        except ModuleNotFoundError as missing:
            parser.exit(EXIT_USAGE, not_installed(f"{PROG} {name}", missing) + "\n")
        sub = subcommands.add_parser(name, help=tool.HELP, description=tool.__doc__.strip(), allow_abbrev=False,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
        tool.add_arguments(sub)
        add_verbose_argument(sub)
        sub.set_defaults(run=tool.run, parser=sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    chosen = common.USER_KERAS_BACKEND
    in_own_process = getattr(args, "backend", None) or getattr(args, "here", False)  # started for one backend
    if chosen not in (None, "tensorflow") and args.tool in KERAS_ON_TENSORFLOW and not in_own_process:
        print(f"{args.parser.prog}: KERAS_BACKEND={chosen} is overridden: Keras 3 runs on TensorFlow in this "
              "process, and on each other backend in a process of its own", file=sys.stderr)
    try:
        return args.run(args.parser, args)
    except KeyboardInterrupt:  # while TensorFlow loads, or anywhere a tool does not catch it itself
        print(f"\n{args.parser.prog}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader closed the pipe (`| head`): stop quietly, as other command-line tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the flush at exit would raise again
        return EXIT_BROKEN_PIPE
