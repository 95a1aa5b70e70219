"""`python -m tf_loss_wiring.check.benchmark [FOLDER]`: the scan's recall and false alarms on a marked corpus.

Every file of FOLDER (tests/scan_corpus by default) whose flagged lines end in `# expect: TLWnnn` is a trap;
a file with no marker is a look-alike that is right. A trap is found when a finding lands on a marked line; a
false alarm is a finding on an unmarked line. Standard library only, as the scan is.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

from tf_loss_wiring.check import scan

MARKER = re.compile(r"#\s*expect:\s*(TLW\d{3})")
CORPUS = Path(__file__).resolve().parents[2] / "tests" / "scan_corpus"


@dataclasses.dataclass
class Score:
    traps: list[Path] = dataclasses.field(default_factory=list)
    found: list[Path] = dataclasses.field(default_factory=list)
    lookalikes: list[Path] = dataclasses.field(default_factory=list)
    false_alarms: list[scan.Finding] = dataclasses.field(default_factory=list)
    unreadable: list[str] = dataclasses.field(default_factory=list)

    def __str__(self) -> str:
        return (f"traps found {len(self.found)} of {len(self.traps)}; false alarms {len(self.false_alarms)} "
                f"(look-alikes {len(self.lookalikes)}); files not read {len(self.unreadable)}")


def expected(path: Path) -> set[int]:
    """The marked lines of a corpus file."""
    return {number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if MARKER.search(line)}


def score(folder: Path = CORPUS) -> Score:
    result = Score()
    for path in scan.python_files(folder):
        marked, done = expected(path), scan.scan_path(path)
        result.unreadable += done.problems
        (result.traps if marked else result.lookalikes).append(path)
        if marked & {f.line for f in done.findings}:
            result.found.append(path)
        result.false_alarms += [f for f in done.findings if f.line not in marked]
    return result


def main(argv: list[str]) -> int:
    result = score(Path(argv[0]) if argv else CORPUS)
    for path in result.traps:
        if path not in result.found:
            print(f"missed: {path}")
    for finding in result.false_alarms:
        print(f"false alarm: {finding}")
    print(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
