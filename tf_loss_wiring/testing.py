"""A pytest helper to keep a loss of your own from broadcasting: `assert_no_broadcast(loss)`.

    from tf_loss_wiring.testing import assert_no_broadcast

    def test_my_loss_pairs_each_label_with_its_prediction():
        assert_no_broadcast(MyLoss())                       # all four pairings
        assert_no_broadcast(my_loss, pairings=[("B", "B1")])  # only labels (B,) with predictions (B, 1)

It probes the loss in the test's own process the way `tf-loss-wiring check` does (a Keras 3 loss on this
process's backend only) and fails at the caller's line, naming each pairing and path that broadcast, or
that gave NaN or infinity (`non-finite`: not judged, so not a pass either).

The run-time watch (`tf_loss_wiring.watch`) in a test: the fixture `broadcast_watch` runs the test with it on,
strict, so a broadcast of labels against predictions into a loss fails the test at that line; it yields the
`Watch` (`seen`, `count`). Load it with `pytest_plugins = ["tf_loss_wiring.testing"]` in a conftest.py (or
`-p tf_loss_wiring.testing`); that also adds the option `--broadcast-watch`, which watches every test.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from tf_loss_wiring import probe
from tf_loss_wiring.check import losses


def assert_no_broadcast(loss, pairings: Iterable[tuple[str, str]] = probe.PAIRINGS) -> losses.Report:
    """Fail when `loss` broadcasts (or gives another value than the rows paired) on any pairing asked for."""
    __tracebackhide__ = True  # pytest shows the caller's line, not this one
    report = losses.check_loss(loss, getattr(loss, "__name__", type(loss).__name__), pairings)
    wrong = [p for p in report.counted if p.outcome in probe.HAZARDS]
    if wrong:
        lines = [f"  {p.pairing}, {p.path}: {p.outcome} ({p.value:.6g})" for p in wrong]
        raise AssertionError("\n".join([f"{report.target} broadcasts:", *lines, f"fix: {report.fix}"]))
    if report.not_judged:  # NaN or infinity: neither a pass nor a broadcast
        lines = [f"  {p.pairing}, {p.path}" for p in report.counted if p.outcome == probe.Outcome.NON_FINITE]
        raise AssertionError("\n".join([f"{report.target} is not judged: NaN or infinity on", *lines]))
    return report


@pytest.fixture
def broadcast_watch() -> Iterator:
    """The test runs under `watching(strict=True)`: a broadcast into a loss raises BroadcastWarning there."""
    from tf_loss_wiring.watch import watching

    with watching(strict=True) as watch:
        yield watch


def pytest_addoption(parser) -> None:
    parser.addoption("--broadcast-watch", action="store_true",
                     help="run every test under tf_loss_wiring's broadcast watch, strict")


@pytest.fixture(autouse=True)
def _broadcast_watch_option(request) -> Iterator[None]:
    """With --broadcast-watch, every test is watched as with the `broadcast_watch` fixture."""
    if not request.config.getoption("--broadcast-watch", default=False):
        yield
        return
    from tf_loss_wiring.watch import watching

    with watching(strict=True):
        yield
