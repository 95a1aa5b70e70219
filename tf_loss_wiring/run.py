"""`tf-loss-wiring run [--strict] SCRIPT [ARGS…]` (or `-m MODULE [ARGS…]`): run your script with the broadcast
watch on.

The script runs as `python SCRIPT ARGS…` would run it (`sys.argv`, `sys.path[0]`, `__main__`; `-m` as Python's
`-m`), in this process, with `tf_loss_wiring.watch.watching()` around it. Where labels (B,) meet predictions
(B, 1) elementwise and the B x B result is reduced into a loss, a `BroadcastWarning` points at that line of
your code, once per line; `--strict` (or Python's `-W error`) makes it an error that stops the script there.
A TF1 graph whose labels have an unknown rank is checked at the first `Session.run` that computes the loss.
One summary line on stderr at exit counts what was seen. The exit status is the script's own: 0, its
`sys.exit` code, or 1 for an uncaught exception (its traceback printed as Python prints it).

Everything the watch patches is restored when the script ends; the script's results are the same bits as
without it. KERAS_BACKEND is the one you set, as for `python SCRIPT`.
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
import traceback

import common

HELP = "run a script (or -m MODULE) with a watch that warns where labels (B,) and predictions (B, 1) broadcast"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="make the first broadcast an error that stops the script (BroadcastWarning)")
    parser.add_argument("-m", dest="module", nargs=argparse.REMAINDER, metavar="MODULE [ARGS]",
                        help="run a module as `python -m MODULE ARGS…`")
    parser.add_argument("script", nargs=argparse.REMAINDER, metavar="SCRIPT [ARGS]",
                        help="the script and its arguments, as for `python SCRIPT ARGS…`")


def exit_status(code) -> int:
    """What Python exits with for `sys.exit(code)`."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _print_uncaught(error: BaseException) -> None:
    """The traceback as `python SCRIPT` prints it: from the script's first frame, not this tool's."""
    tb = error.__traceback__
    ours = (os.path.abspath(__file__), os.path.abspath(runpy.__file__))
    while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) in ours:
        tb = tb.tb_next
    traceback.print_exception(type(error), error, tb)


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tf_loss_wiring.watch import watching

    if args.module is not None and args.script:
        parser.error("give SCRIPT or -m MODULE, not both")
    target = args.module if args.module is not None else args.script
    if not target:
        parser.error("expected SCRIPT [ARGS…] or -m MODULE [ARGS…]")
    name, *argv = target
    if args.module is None and not os.path.exists(name):
        parser.error(f"argument SCRIPT: no such file {name!r}")
    if args.verbose:
        os.environ["TF_CPP_MIN_LOG_LEVEL"] = "0"
    # `common` set KERAS_BACKEND=tensorflow for this command's own tools: the script gets the user's choice.
    if common.USER_KERAS_BACKEND is None:
        os.environ.pop("KERAS_BACKEND", None)
    else:
        os.environ["KERAS_BACKEND"] = common.USER_KERAS_BACKEND
    sys.argv = [name, *argv]
    sys.path[0] = os.getcwd() if args.module is not None else os.path.dirname(os.path.abspath(name))
    with watching(strict=args.strict, summary=True):
        try:
            if args.module is not None:
                runpy.run_module(name, run_name="__main__", alter_sys=True)
            else:
                runpy.run_path(name, run_name="__main__")
        except SystemExit as done:
            return exit_status(done.code)
        except Exception as error:  # noqa: BLE001  (the script's own uncaught error: Python's report, status 1)
            _print_uncaught(error)
            return 1
    return 0
