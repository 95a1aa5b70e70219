"""The styles' code section by section, read from their source files (never imported), side by side.

Each style's `experiment.py` marks the sections of the shared skeleton with `# --- name ---` comments; a
section runs from its marker to the next one (or the end of the file). In the loss-wiring section, the lines
where the buggy and the fixed wiring differ are marked.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import importlib.util
import re

from common.config import VARIANTS
from common.style import Style

SECTIONS = ("model", "loss wiring", "training loop")
WIRING_SECTION = "loss wiring"
MARKER = re.compile(r"^# --- (?P<name>.+?) -+$")
KERAS_NOTE = ("the buggy Loss subclass is written with keras.ops under Keras 3 (every backend) and with TensorFlow's"
              " ops under tf_keras; tf_keras's compile expands (B,) labels to (B, 1) for every loss, so there the"
              " buggy wiring learns")
MARK, UNMARKED = "! ", "  "
# Three columns need this many characters each (about half a line of the styles' code: longer lines fold);
# below that, the styles are shown one after the other.
MIN_COLUMN_WIDTH = 56
TABLE_CHROME = 4  # rich's border and padding per column


@dataclasses.dataclass(frozen=True)
class Line:
    """One source line, its number in the file, and whether it is where buggy and fixed differ."""

    number: int
    text: str
    differs: bool = False


def source_of(style: Style) -> tuple[str, str]:
    """(path, text) of the style's experiment module, found without importing it."""
    path = importlib.util.find_spec(style.experiment).origin
    with open(path) as f:
        return path, f.read()


def title(style: Style) -> str:
    """`TF1 graph style`: what the style's docstring calls it, before its first colon."""
    return style.description.split(":", 1)[0].strip()


def wiring_lines(style: Style) -> dict[str, list[Line]]:
    """Each wiring's non-blank code lines (signature and body, docstring aside), with their line numbers."""
    _, text = source_of(style)
    lines = text.splitlines()
    functions = {node.name: node for node in ast.parse(text).body if isinstance(node, ast.FunctionDef)}
    wirings = {}
    for variant in VARIANTS:
        node = functions[f"{variant}_loss"]
        body = node.body[1:] if ast.get_docstring(node) else node.body
        numbers = [node.lineno, *range(body[0].lineno, node.end_lineno + 1)]
        wirings[variant] = [Line(n, lines[n - 1]) for n in numbers if lines[n - 1].strip()]
    return wirings


def differing_lines(style: Style) -> set[int]:
    """The file's line numbers of the code where the two wirings differ, the functions' own names aside."""
    buggy, fixed = (wiring_lines(style)[variant] for variant in VARIANTS)
    same_name = [[line.text.replace(f"{v}_loss", "_loss") for line in lines]
                 for v, lines in zip(VARIANTS, (buggy, fixed), strict=True)]
    matcher = difflib.SequenceMatcher(a=same_name[0], b=same_name[1], autojunk=False)
    numbers = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            numbers |= {line.number for line in buggy[i1:i2] + fixed[j1:j2]}
    return numbers


def sections(style: Style) -> dict[str, list[Line]]:
    """The skeleton's sections of the style's file, each from its marker to the next, blank ends trimmed."""
    path, text = source_of(style)
    found: dict[str, list[Line]] = {}
    current = None
    for number, text_line in enumerate(text.splitlines(), start=1):
        match = MARKER.match(text_line)
        if match:
            current = found.setdefault(match["name"], [])
        elif current is not None:
            current.append(Line(number, text_line))
    missing = [name for name in SECTIONS if name not in found]
    if missing:
        raise ValueError(f"{path} has no `# --- {missing[0]} ---` section (expected {', '.join(SECTIONS)})")
    marks = differing_lines(style)
    return {name: _trimmed([dataclasses.replace(line, differs=line.number in marks) for line in found[name]])
            for name in SECTIONS}


def _trimmed(lines: list[Line]) -> list[Line]:
    """`lines` without blank lines at either end, and one blank line where the file has two (between functions:
    in a column, vertical space is what there is least of)."""
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    lines = lines[filled[0]:filled[-1] + 1] if filled else []
    return [line for i, line in enumerate(lines) if line.text.strip() or lines[i - 1].text.strip()]


def section_heading(name: str) -> str:
    """The section's name, with what the marks mean for the loss wiring."""
    return f"{name} — lines marked ! differ between buggy and fixed" if name == WIRING_SECTION else name


def notes(style: Style, name: str) -> list[str]:
    """What a reader of this style's section should know that the code does not say."""
    return [KERAS_NOTE] if name == WIRING_SECTION and any(s.buggy_masked for s in style.settings) else []


def plain(line: Line) -> str:
    """A line as printed: `! ` before a differing line, two spaces before the others (a blank line stays blank)."""
    return (MARK if line.differs else UNMARKED) + line.text if line.text.strip() else ""


def print_code(styles: tuple[Style, ...], width: int) -> None:
    """Each section with the styles in columns when `width` allows, else the styles one after the other."""
    from rich.console import Console

    out = Console(width=width)  # colours on a terminal only; piped, plain text `width` wide
    found = {style: sections(style) for style in styles}
    side_by_side = width >= len(styles) * (MIN_COLUMN_WIDTH + TABLE_CHROME)
    for name in SECTIONS:
        if side_by_side:
            _print_columns(out, styles, found, name)
        else:
            _print_one_after_another(out, styles, found, name)


def _print_columns(out, styles: tuple[Style, ...], found: dict, name: str) -> None:
    """One rich table: the section's heading, a column per style, long lines folded inside their column."""
    from rich.table import Table
    from rich.text import Text

    out.print(f"== {section_heading(name)} ==", markup=False, highlight=False, soft_wrap=True)
    table = Table(expand=True)
    for style in styles:
        table.add_column(f"{style.name} ({title(style)})", overflow="fold", ratio=1)
    cells = []
    for style in styles:
        cell = Text()
        for line in found[style][name]:
            cell.append(plain(line) + "\n", style="bold" if line.differs else "")
        for note in notes(style, name):
            cell.append(f"({note})\n", style="italic")
        cell.rstrip()
        cells.append(cell)
    table.add_row(*cells)
    out.print(table)


def _print_one_after_another(out, styles: tuple[Style, ...], found: dict, name: str) -> None:
    """Plain lines, a style at a time, for a terminal too narrow for the columns."""
    out.print(f"== {section_heading(name)} ==", markup=False, highlight=False, soft_wrap=True)
    for style in styles:
        out.print(f"-- {style.name} ({title(style)})", markup=False, highlight=False)
        for line in found[style][name]:
            out.print(plain(line), markup=False, highlight=False, soft_wrap=True)
        for note in notes(style, name):
            out.print(f"({note})", markup=False, highlight=False, soft_wrap=True)
    out.print()
