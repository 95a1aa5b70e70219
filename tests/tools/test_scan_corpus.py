"""The scan on the committed corpus of traps and look-alikes: its recall and false alarms, held.

`python -m tf_loss_wiring.check.benchmark` prints the same figures; each trap's finding is marked on its line.
"""

from __future__ import annotations

import re
from pathlib import Path

from tf_loss_wiring.check import benchmark, scan


def test_the_scan_finds_the_corpus_traps_and_raises_no_false_alarm():
    result = scan.bench_markers(benchmark.CORPUS)
    assert result.traps >= 30 and result.lookalikes >= 30, result
    assert result.problems == [] and result.false_alarms == [], result
    # The one the scan misses (a critic's (B, 1) value plus rewards whose shape the file never shows: right if they
    # are (B, 1)): named, so that a scan that finds it, or misses another, says so.
    missed = sorted(Path(path).name for path in result.missed)
    assert missed == ["critic_attribute_rl_trap.py"], result


def test_the_corpus_readme_counts_each_folders_files():
    """Its table of categories says how many traps and look-alikes each folder holds, and the total."""
    readme = (benchmark.CORPUS / "README.md").read_text()
    rows = dict(re.findall(r"^\| `(\w+)/` \| (\d+ \| \d+) \|", readme, re.MULTILINE))
    folders = sorted(p for p in benchmark.CORPUS.iterdir() if p.is_dir())
    counted = {p.name: f"{len(list(p.glob('*_trap.py')))} | {len(list(p.glob('*_ok.py')))}" for p in folders}
    assert rows == counted
    traps, lookalikes = (sum(int(v.split(" | ")[i]) for v in counted.values()) for i in (0, 1))
    assert f"| **total** | **{traps}** | **{lookalikes}** |" in readme
