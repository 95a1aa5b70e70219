"""A pytest helper to keep a loss of your own from broadcasting: `assert_no_broadcast(loss)`.

    from tf_loss_wiring.testing import assert_no_broadcast

    def test_my_loss_pairs_each_label_with_its_prediction():
        assert_no_broadcast(MyLoss())                       # all four pairings
        assert_no_broadcast(my_loss, pairings=[("B", "B1")])  # only labels (B,) with predictions (B, 1)

It probes the loss in the test's own process the way `tf-loss-wiring check` does (a Keras 3 loss on this
process's backend only) and fails at the caller's line, naming each pairing and path that broadcast, or
that gave NaN or infinity (`non-finite`: not judged, so not a pass either).
"""

from __future__ import annotations

from collections.abc import Iterable

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
