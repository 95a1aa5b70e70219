"""The scan as a flake8 plugin: `flake8 --select TLW FILE` prints what `tf-loss-wiring check FILE` finds.

flake8 finds it through the entry point `[project.entry-points."flake8.extension"] TLW =
"tf_loss_wiring.check.flake8:Plugin"`; without one, a config names it as a local plugin:

    [flake8:local-plugins]
    extension = TLW = tf_loss_wiring.check.flake8:Plugin

flake8's own `# noqa`, `--select`, `--extend-ignore` and `per-file-ignores` then apply. Only flake8 imports this
module, and it imports nothing from flake8: the scan stays standard library only.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tf_loss_wiring.check import scan
from tf_loss_wiring.check.sarif import TOOL_NAME, tool_version


class Plugin:
    """A flake8 tree plugin: each finding of the scan, its column 0-based as flake8 counts."""

    name = TOOL_NAME
    version = tool_version()

    def __init__(self, tree: ast.AST, filename: str, lines: list[str] | None = None):
        # The scan parses its source itself (it also reads tokens, which the tree has lost), so the tree
        # flake8 gives is not used; the lines are, so that stdin and flake8's own decoding are what is scanned.
        self.tree, self.filename, self.lines = tree, filename, lines

    def source(self) -> str:
        """The module's text: the lines flake8 read, or the file itself when called without them."""
        if self.lines is not None:
            return "".join(self.lines)
        return Path(self.filename).read_text(encoding="utf-8")

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        for finding in scan.scan_source(self.filename, self.source()):
            if finding.path == self.filename:  # flake8 reports one file at a time: not a sibling module's finding
                yield finding.line, finding.col - 1, f"{finding.code} {finding.message}", type(self)
