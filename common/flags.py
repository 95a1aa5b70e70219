"""The command-line pieces every command shares, standard library only: a source scan needs no framework.

Errors in the flags are one line naming the flag and the value, with exit status 2; an interrupted command
exits with 130.
"""

from __future__ import annotations

import argparse
import os

EXIT_USAGE, EXIT_INTERRUPTED = 2, 130
FRAMEWORKS = "pip install 'tf-loss-wiring[run]'"  # numpy, TensorFlow, Keras 3 and tf-keras: all but the scan


def not_installed(prog: str, missing: ModuleNotFoundError) -> str:
    """The one line for a command that needs a framework a plain (scan-only) install lacks."""
    return f"{prog}: error: needs {missing.name}, which is not installed: {FRAMEWORKS}"


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit with status 2."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def add_verbose_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verbose", action="store_true", help="let TensorFlow's C++ start-up log through")


def check_writable(parser: argparse.ArgumentParser, flag: str, path: str | None) -> None:
    """Refuse an output path that cannot be written, before any training starts (nothing is created)."""
    if path is None:
        return
    if os.path.isdir(path):
        writable = False
    elif os.path.exists(path):
        writable = os.access(path, os.W_OK)
    else:
        writable = os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)
    if not writable:
        parser.error(f"argument {flag}: cannot write to {path!r}")
