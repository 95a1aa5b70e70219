"""Every style, and every case there is to run: each style under each of its Keras generations."""

from __future__ import annotations

from common.style import Case
from keras_impl import STYLE as KERAS_IMPL
from tf1_graph import STYLE as TF1_GRAPH
from tf2_eager import STYLE as TF2_EAGER

STYLES = (TF1_GRAPH, TF2_EAGER, KERAS_IMPL)
CASES = tuple(Case(style, keras) for style in STYLES for keras in (style.generations or (None,)))
GENERATIONS = KERAS_IMPL.generations


def names() -> list[str]:
    """What `--styles` accepts: each style's name (all its cases) and each case's label."""
    return list(dict.fromkeys([style.name for style in STYLES] + [case.label for case in CASES]))


def parse(text: str) -> list[Case]:
    """`tf1_graph,keras_impl` (every generation) or `keras_impl[tf_keras]` (one) → the cases, in order.

    Raises ValueError naming the first unknown item.
    """
    chosen: list[Case] = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        matches = [case for case in CASES if item in (case.style.name, case.label)]
        if not matches:
            raise ValueError(f"unknown style {item!r} (choose from {', '.join(names())})")
        chosen += [case for case in matches if case not in chosen]
    return chosen
