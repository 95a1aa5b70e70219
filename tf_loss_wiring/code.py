"""Each style's two loss wirings, read from its source file (never imported) and shown side by side."""

from __future__ import annotations

import ast
import difflib
import importlib.util

from common.config import VARIANTS
from common.style import Style

KERAS_NOTE = ("keras3 and tf_keras run this same code; tf_keras's compile expands (B,) labels to (B, 1) for every"
              " loss, so there the buggy wiring learns")


def wiring_source(style: Style) -> dict[str, tuple[str, list[str]]]:
    """Each wiring's docstring and its code without it (signature and body), read from the style's file."""
    path = importlib.util.find_spec(style.experiment).origin
    text = open(path).read()
    lines = text.splitlines()
    functions = {node.name: node for node in ast.parse(text).body if isinstance(node, ast.FunctionDef)}
    wirings = {}
    for variant in VARIANTS:
        node = functions[f"{variant}_loss"]
        body = node.body[1:] if ast.get_docstring(node) else node.body
        code = [lines[node.lineno - 1]] + lines[body[0].lineno - 1:node.end_lineno]
        wirings[variant] = (ast.get_docstring(node), [line for line in code if line.strip()])
    return wirings


def marked(buggy: list[str], fixed: list[str]) -> tuple[list[str], list[str]]:
    """Prefix each line with `!` where the two wirings differ (the function's own name aside)."""
    same_name = [[line.replace(f"{v}_loss", "_loss") for line in lines]
                 for v, lines in zip(VARIANTS, (buggy, fixed), strict=True)]
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=same_name[0], b=same_name[1], autojunk=False).get_opcodes():
        mark = "  " if tag == "equal" else "! "
        left += [mark + line for line in buggy[i1:i2]]
        right += [mark + line for line in fixed[j1:j2]]
        left += [""] * (len(right) - len(left))
        right += [""] * (len(left) - len(right))
    return left, right


def print_code(styles: tuple[Style, ...], width: int) -> None:
    """Each style's wirings in two columns when `width` allows, else one after the other."""
    for style in styles:
        source = wiring_source(style)
        left, right = marked(source["buggy"][1], source["fixed"][1])
        column = max(map(len, left + ["buggy"]))
        print(f"== {style.name}: lines marked ! differ ==")
        if width >= column + 3 + max(map(len, right)):
            print(f"{'buggy'.ljust(column)} | fixed")
            for a, b in zip(left, right, strict=True):
                print(f"{a.ljust(column)} | {b}".rstrip())
        else:
            for variant, lines in (("buggy", left), ("fixed", right)):
                print(f"-- {variant}")
                print("\n".join(line for line in lines if line))
        for variant in VARIANTS:
            print(f"{variant}: {source[variant][0]}")
        if style.buggy_masked_under:
            print(f"({KERAS_NOTE})")
        print()
