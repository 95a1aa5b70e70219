"""`compare --html PATH`: one page to look at — the trap, the run table, the loss curves, the code by section.

The page stands on its own: the figure is a PNG embedded as base64, the styles and the syntax highlighting
(Pygments, which rich brings along) are CSS inside it, and it has no script, so it opens without a network.
Everything on it comes from the runs `compare` made and their cases: the table has a row per run, the
figure a panel per case, the code a column per style that ran.
"""

from __future__ import annotations

import base64
import html
import importlib.util
import re
import time

from common.record import Run
from common.style import Style
from tf_loss_wiring.compare import code, plot, table

TITLE = "tf-loss-wiring: the same model, a (B, 1) against a (B,), and two different answers"
TRAP = (
    "The question's TF1 code hands a mean squared error predictions of shape (B, 1) and labels of shape (B,), "
    "and TensorFlow, instead of refusing, broadcasts their difference to a B × B matrix: every prediction is "
    "compared with every label of the batch.",
    "That loss, mean<sub>ij</sub> (p<sub>i</sub> − y<sub>j</sub>)² = mean<sub>i</sub> (p<sub>i</sub> − ȳ)² + "
    "Var(y), is smallest when every prediction is the batch's mean label, so training lands on the broken "
    "optimum W ≈ 0, b ≈ mean(Y) instead of W = e<sub>1</sub>, b = 0, and its loss never falls below Var(Y).",
    "Keras's built-in losses bring the two shapes to the same rank first — which is why “the same” Keras model "
    "learns — a <code>Loss</code> subclass of your own gets that repair from Keras 2's compile for (B,) labels "
    "but not from Keras 3, and the cure in every style is to make the shapes agree, e.g. by squeezing the "
    "predictions to (B,).",
)
VERDICT_CLASSES = {"learned": "good", "broken": "bad"}  # anything else (neither, diverged) is a warning
NO_MATPLOTLIB = ("The loss curves need matplotlib, which is not installed here: "
                 "<code>pip install -e '.[plot]'</code>, then make the page again.")
CODE_FONT = "12px"  # three columns of the styles' ~110-character lines fold at most once on a 1400-pixel screen
ONE_COLUMN_BELOW = "1100px"  # narrower windows show the styles one after the other, as `compare --code` does

# Where a long line may fold besides its spaces: after an opening bracket or a comma (Pygments' punctuation).
BREAK_AFTER = re.compile(r'(<span class="p">[^<]*[(\[,]</span>)')

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1f21;
       margin: 1.5em 1.5em 3em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
h3 { font-size: 1.05em; margin: 1.4em 0 0.5em; }
p, ol { max-width: 62em; }
.meta { color: #666; margin-top: 0; }
table.runs { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 14px; }
table.runs caption { caption-side: bottom; text-align: left; color: #555; padding-top: 0.5em; }
table.runs th, table.runs td { padding: 0.25em 0.7em; border-bottom: 1px solid #e3e3e3; white-space: nowrap; }
table.runs th { background: #f3f4f6; text-align: left; white-space: normal; vertical-align: bottom; }
.scroll { overflow-x: auto; }  /* a narrow window scrolls the table, not the page */
table.runs th.num { text-align: right; }
table.runs td.num { text-align: right; font-family: ui-monospace, Menlo, Consolas, monospace; }
.good { color: #17663a; font-weight: 600; }
.bad { color: #b3261e; font-weight: 600; }
.warn { color: #8a5a00; font-weight: 600; }
figure { margin: 1em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #e3e3e3; }
.missing { background: #fff4e5; border-left: 4px solid #e69500; padding: 0.6em 1em; }
.columns { display: grid; grid-template-columns: repeat(var(--styles), minmax(0, 1fr)); gap: 1em; }
@media (max-width: ONE_COLUMN_BELOW) { .columns { grid-template-columns: minmax(0, 1fr); } }
.column h4 { margin: 0 0 0.3em; font-size: 0.95em; }
.column h4 span { font-weight: normal; color: #666; }
pre.code { margin: 0; padding: 0.5em 0; background: #f8f8f8; border: 1px solid #e3e3e3; border-radius: 4px;
           font: CODE_FONT/1.4 ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
/* a folded line goes on under its own code, indented a little more, as a continuation line would be */
pre.code .line { display: block; white-space: pre-wrap; overflow-wrap: anywhere;
                 padding-left: calc((5.5 + var(--indent, 0) + 4) * 1ch);
                 text-indent: calc((5.5 + var(--indent, 0) + 4) * -1ch); }
pre.code .gutter { display: inline-block; width: 5.5ch; text-indent: 0; color: #aaa; user-select: none; }
pre.code .differs { background: #fff1b8; }
pre.code .differs .gutter { color: #b3261e; font-weight: bold; }
.note { font-size: 0.88em; color: #555; margin: 0.4em 0 0; }
""".replace("ONE_COLUMN_BELOW", ONE_COLUMN_BELOW).replace("CODE_FONT", CODE_FONT)


def write(path: str, compared: list[table.Compared], var_y: float) -> None:
    """Write the page for the runs `compared` to `path`."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(page(compared, var_y))


def page(compared: list[table.Compared], var_y: float) -> str:
    """The whole page, as one string of HTML."""
    from pygments.formatters import HtmlFormatter

    runs = [c.run for c in compared]
    styles = tuple(dict.fromkeys(run.case.style for run in runs))
    highlighting = HtmlFormatter(style="default").get_style_defs("pre.code")
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{html.escape(TITLE)}</title>",
        f"<style>{CSS}\n{highlighting}\n</style>", "</head>", "<body>",
        f"<h1>{html.escape(TITLE)}</h1>",
        f'<p class="meta">{html.escape(setup(runs))} · made {time.strftime("%Y-%m-%d %H:%M")}</p>',
        "<h2>The trap</h2>", "<p>" + " ".join(TRAP) + "</p>",
        "<h2>The runs</h2>", run_table(compared),
        "<h2>The loss curves</h2>", curves(runs, var_y),
        "<h2>The code, section by section</h2>", code_by_section(styles),
        "</body>", "</html>", "",
    ])


def setup(runs: list[Run]) -> str:
    """The configuration every run shared (the dtype is in the table: it may differ by style)."""
    config = runs[0].config
    return (f"{len(runs)} runs · {config.steps} steps · batch {config.batch_size} · lr {config.lr:g} · "
            f"N = {config.data_size} rows of {config.dim} · seed {config.seed}")


def run_table(compared: list[table.Compared]) -> str:
    """`compare`'s table: a row per run, its verdict and its agreement with the numpy reference marked."""
    head = "".join(f"<th{aligned(column)}>{html.escape(column)}</th>" for column in table.COLUMNS)
    rows = ["<tr>" + "".join(map(cell, table.COLUMNS, table.row(c))) + "</tr>" for c in compared]
    masked = any(c.run.masked for c in compared)
    caption = f"<caption>{html.escape(table.MASKED_NOTE)}</caption>" if masked else ""
    return "\n".join([f'<div class="scroll"><table class="runs"><thead><tr>{head}</tr></thead>', caption,
                      "<tbody>", *rows, "</tbody></table></div>",
                      f'<p class="note">{html.escape(table.TABLE_TITLE)}</p>'])


def cell(column: str, value: str) -> str:
    """One table cell: a verdict or an agreement coloured, numbers aligned right."""
    if column == "verdict":
        return f'<td class="{VERDICT_CLASSES.get(value, "warn")}">{html.escape(value)}</td>'
    if column == "atol":
        return f'<td class="num {"good" if value.endswith(" ok") else "bad"}">{html.escape(value)}</td>'
    return f"<td{aligned(column)}>{html.escape(value)}</td>"


def aligned(column: str) -> str:
    """The class attribute that aligns a column of numbers right, as `compare` prints them."""
    return "" if column in table.LEFT_ALIGNED else ' class="num"'


def curves(runs: list[Run], var_y: float) -> str:
    """plot.py's figure as an embedded PNG; without matplotlib, a note saying so."""
    if importlib.util.find_spec("matplotlib") is None:
        return f'<p class="missing">{NO_MATPLOTLIB}</p>'
    data = base64.b64encode(plot.png(runs, var_y)).decode("ascii")
    return (f'<figure><img alt="batch loss of every run, a panel per case" src="data:image/png;base64,{data}">'
            "<figcaption class=\"note\">Batch loss before each step's update, averaged over windows of steps; "
            "dashed: buggy wiring, solid: fixed; dotted: Var(Y), the floor of the broadcast loss.</figcaption>"
            "</figure>")


def code_by_section(styles: tuple[Style, ...]) -> str:
    """A grid per section of the skeleton, a column per style; the differing wiring lines marked."""
    found = {style: code.sections(style) for style in styles}
    parts = ["<p>Read from each style's <code>experiment.py</code> as it is now; the numbers are its line numbers. "
             "In the loss wiring, the lines marked <b>!</b> (highlighted) differ between the buggy and the fixed "
             "wiring.</p>"]
    for name in code.SECTIONS:
        parts.append(f"<h3>{html.escape(name)}</h3>")
        parts.append(f'<div class="columns" style="--styles: {len(styles)}">')
        for style in styles:
            notes = "".join(f'<p class="note">{html.escape(note)}</p>' for note in code.notes(style, name))
            parts.append(f'<div class="column"><h4>{html.escape(style.name)} <span>{html.escape(code.title(style))}'
                         f"</span></h4>{highlighted(found[style][name])}{notes}</div>")
        parts.append("</div>")
    return "\n".join(parts)


def highlighted(lines: list[code.Line]) -> str:
    """The lines as Python highlighted by Pygments, one block per line with its number, `!` where it differs."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    source = "\n".join(line.text for line in lines) + "\n"
    # One lexer pass over the whole section (a docstring may span lines); the formatter closes its spans at
    # each line's end, so the output splits back into the same lines.
    rendered = highlight(source, PythonLexer(stripnl=False), HtmlFormatter(nowrap=True)).split("\n")[:len(lines)]
    blocks = []
    for line, body in zip(lines, rendered, strict=True):
        mark = code.MARK.strip() if line.differs else ""
        indent = len(line.text) - len(line.text.lstrip(" "))
        body = BREAK_AFTER.sub(r"\1<wbr>", body) or " "
        blocks.append(f'<span class="line{" differs" if line.differs else ""}" style="--indent: {indent}">'
                      f'<span class="gutter">{line.number:>3} {mark:1}</span>{body}</span>')
    return f'<pre class="code">{"".join(blocks)}</pre>'
