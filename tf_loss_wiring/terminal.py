"""Where the tools print their tables and progress: a rich Console that keeps rows whole when piped."""

from __future__ import annotations


def console():
    """A rich Console for tables and progress; piped, it has no terminal to fit, so rows stay on one line."""
    from rich.console import Console

    terminal = Console()
    return terminal if terminal.is_terminal else Console(width=160)
