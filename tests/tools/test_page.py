"""`tf-loss-wiring compare --html`: the page holds every section, every run's row, the figure and the code, and
fetches nothing from outside."""

from __future__ import annotations

import base64
import html
import re
from html.parser import HTMLParser

import pytest
from conftest import ROOT, only_under
from test_compare import SMALL, refused, source_sections

from tf_loss_wiring import cli, compare
from tf_loss_wiring.compare import code, page, table

STYLES = "tf1_graph,tf2_eager"  # the two quick styles; the page's code has a column for each
VOID = {"meta", "img", "br", "hr", "link", "input", "wbr"}  # elements without an end tag
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# Anything a browser would fetch: a src or href to a network address, a stylesheet or script by reference, a
# CSS url() or @import that is not embedded data.
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//)|<link\b|<script\b[^>]*\bsrc\b|"""
                      r"""url\(\s*["']?(?!data:)|@import""", re.I)


class Page(HTMLParser):
    """What a reader sees: headings, table rows, images, and each code line with its section and style."""

    def __init__(self, text: str):
        super().__init__()
        self.headings: dict[str, list[str]] = {"h2": [], "h3": [], "h4": []}
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self.images: list[dict] = []
        self.lines: list[dict] = []  # {"section", "style", "text", "differs"}
        self.open: list[tuple[str, dict]] = []
        self.text = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        if tag in VOID:
            return
        if tag == "tr":
            self.cells = []
        self.open.append((tag, attrs))
        if tag in ("h2", "h3", "h4", "th", "td") or "line" in attrs.get("class", "").split():
            self.text = ""

    def handle_endtag(self, tag):
        opened, attrs = self.open.pop()
        assert opened == tag, f"<{opened}> closed by </{tag}>"
        classes = attrs.get("class", "").split()
        if tag in self.headings:
            self.headings[tag].append(self.text.strip())
        elif tag == "th":
            self.header.append(self.text)
        elif tag == "td":
            self.cells.append(self.text)
        elif tag == "tr" and self.cells:
            self.rows.append(self.cells)
        elif "line" in classes:
            self.lines.append({"section": self.headings["h3"][-1], "style": self.headings["h4"][-1].split()[0],
                               "text": self.text, "differs": "differs" in classes})

    def handle_data(self, data):
        self.text += data

    def code(self, section: str, style: str) -> list[dict]:
        return [line for line in self.lines if line["section"] == section and line["style"] == style]


def gutter(line: dict) -> tuple[int, str, str]:
    """A shown code line's (number in the file, mark, code)."""
    number, mark, text = re.fullmatch(r"\s*(\d+) (.)(.*)", line["text"]).groups()
    return int(number), mark, text


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The page of a shrunk compare run of two styles, and the runs it was made from, as compared."""
    path = tmp_path_factory.mktemp("page") / "report.html"
    compared = []
    with pytest.MonkeyPatch.context() as patch:
        real_write = page.write
        patch.setattr(compare.page, "write", lambda to, done, var_y: (compared.extend(done),
                                                                       real_write(to, done, var_y)))
        assert cli.main(["compare", "--styles", STYLES, *SMALL, "--html", str(path)]) == 0
    return path.read_text(encoding="utf-8"), compared


def test_the_page_has_every_section_and_a_code_column_per_style_that_ran(made):
    text, compared = made
    runs = [c.run for c in compared]
    seen = Page(text)
    assert seen.headings["h2"] == ["The trap", "The runs", "The loss curves", "The code, section by section"]
    assert seen.headings["h3"] == list(code.SECTIONS)
    styles = list(dict.fromkeys(run.style for run in runs))
    assert styles == STYLES.split(",")
    assert [h.split()[0] for h in seen.headings["h4"]] == styles * len(code.SECTIONS)
    assert all(sentence in text for sentence in page.TRAP)


def test_every_run_has_its_row_as_compare_prints_it(made):
    text, compared = made
    seen = Page(text)
    assert seen.header == table.COLUMNS
    assert [row[0] for row in seen.rows] == ["tf1_graph-buggy", "tf1_graph-fixed", "tf2_eager-buggy",
                                             "tf2_eager-fixed"]
    assert seen.rows == [table.row(c) for c in compared]  # the Δ vs numpy and atol columns included
    assert table.MASKED_NOTE not in text  # no masked run here


def test_the_figure_is_embedded_as_a_png(made):
    images = Page(made[0]).images
    assert len(images) == 1
    prefix = "data:image/png;base64,"
    assert images[0]["src"].startswith(prefix)
    assert base64.b64decode(images[0]["src"][len(prefix):], validate=True).startswith(PNG_MAGIC)


def test_nothing_on_the_page_comes_from_outside(made):
    text = made[0]
    assert EXTERNAL.findall(text) == []
    assert "<style>" in text  # the CSS and the highlighting are in the page itself


def test_the_code_is_the_source_highlighted_with_the_differing_wiring_lines_marked(made):
    text, compared = made
    seen = Page(text)
    for style in dict.fromkeys(c.run.case.style for c in compared):
        expected = source_sections(style)
        in_file = (ROOT / style.experiment.replace(".", "/")).with_suffix(".py").read_text().splitlines()
        for section in code.SECTIONS:
            shown = [gutter(line) for line in seen.code(section, style.name)]
            assert [text for _, _, text in shown if text.strip()] == expected[section], (style.name, section)
            assert all(in_file[number - 1].rstrip() == text.rstrip() for number, _, text in shown)  # its line numbers
    marked = {style: [gutter(line)[2] for line in seen.code("loss wiring", style) if line["differs"]]
              for style in STYLES.split(",")}
    assert marked == {
        "tf1_graph": ["    return v1.losses.mean_squared_error(y_predict, y)",
                      "    return v1.losses.mean_squared_error(tf.squeeze(y_predict, axis=1), y)"],
        "tf2_eager": ["    return tf.reduce_mean(tf.math.squared_difference(y_predict, y))",
                      "    return tf.reduce_mean(tf.math.squared_difference(tf.squeeze(y_predict, axis=1), y))"]}
    assert all(gutter(line)[1] == ("!" if line["differs"] else " ") for line in seen.lines)
    assert not [line for line in seen.lines if line["differs"] and line["section"] != "loss wiring"]
    assert '<span class="k">def</span>' in text and "pre.code .k " in text  # Pygments' tokens and their colours


def test_without_matplotlib_the_page_says_so_instead_of_the_figure(made, monkeypatch):
    real_find_spec = page.importlib.util.find_spec
    monkeypatch.setattr(page.importlib.util, "find_spec",
                        lambda name, *a: None if name == "matplotlib" else real_find_spec(name, *a))
    without = page.page(made[1], var_y=0.0823)
    assert Page(without).images == [] and page.NO_MATPLOTLIB in without


@only_under("tf_keras")
def test_a_masked_run_is_starred_and_explained(tmp_path, capsys):
    path = tmp_path / "report.html"
    argv = ["compare", "--styles", "keras_impl[tf_keras]", "--variant", "buggy", *SMALL, "--html", str(path)]
    assert cli.main(argv) == 0
    text = path.read_text(encoding="utf-8")
    assert [row[0] for row in Page(text).rows] == ["keras_impl[tf_keras]-buggy*"]
    assert html.escape(table.MASKED_NOTE) in text and html.escape(code.KERAS_NOTE) in text


@pytest.mark.parametrize("where", ["a folder", "a missing folder"])
def test_an_unwritable_html_path_is_refused_before_any_training(where, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(compare.runner, "run", lambda *a, **k: pytest.fail("trained before refusing"))
    path = str(tmp_path if where == "a folder" else tmp_path / "missing" / "report.html")
    assert f"argument --html: cannot write to {path!r}" in refused(["--html", path], capsys)
