"""What a target of `check` names, told from its text alone (no framework is imported to tell it)."""

from __future__ import annotations

from pathlib import Path


class TargetError(Exception):
    """A target that cannot be imported, read or built, or is not a loss: one line naming it."""


def split_target(text: str) -> tuple[str, str] | None:
    """`module:name` or `path/to/file.py:name` → (where, name); None when it names no object."""
    where, colon, name = text.rpartition(":")
    if not colon or not where or not all(part.isidentifier() for part in name.split(".")):
        return None
    return where, name


def is_loss(text: str) -> bool:
    """A loss to probe (`module:name`), not a file or folder to scan."""
    return split_target(text) is not None and not Path(text).exists()
