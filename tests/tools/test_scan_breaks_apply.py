"""The mutation run's breaks (tests/mutations/scan_breaks.py) against the scan as it is. Kept out of the three files
the run itself executes: under a break, this test would fail on the break's own text and kill every break."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def test_every_deliberate_break_of_the_scan_still_applies():
    """Each break of the mutation run (tests/mutations/scan_breaks.py) names text that occurs once in scan.py: a
    change to the scan that moves a break's text fails here, not hours later in `nox -s mutations`."""
    path = Path(__file__).resolve().parents[1] / "mutations" / "scan_breaks.py"
    spec = importlib.util.spec_from_file_location("scan_breaks", path)
    breaks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(breaks)
    source = (breaks.ROOT / breaks.SCAN).read_text()
    stale = [name for name, old, _ in breaks.BREAKS if source.count(old) != 1]
    names = [name for name, _, _ in breaks.BREAKS]
    assert not stale and len(set(names)) == len(names)
