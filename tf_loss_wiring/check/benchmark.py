"""`python -m tf_loss_wiring.check.benchmark [FOLDER]`: the scan's recall and false alarms on a marked corpus.

Every file of FOLDER (tests/scan_corpus by default) whose flagged lines end in `# expect: TLWnnn` is a trap;
a file with no marker is a look-alike that is right. A trap is found when a finding lands on a marked line; a
false alarm is a finding in a look-alike, and a finding on an unmarked line of a trap file is counted apart
(`scan.bench_markers`, which `python -m tf_loss_wiring.check.scan --bench FOLDER` prints too). Standard library
only, as the scan is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tf_loss_wiring.check import scan

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "scan_corpus"


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        print(f"python -m tf_loss_wiring.check.benchmark: one folder at most, not {len(argv)}: {' '.join(argv)}",
              file=sys.stderr)
        return 2
    folder = Path(argv[0]) if argv else CORPUS
    if not folder.exists():
        print(f"python -m tf_loss_wiring.check.benchmark: FOLDER {folder}: no such file or folder", file=sys.stderr)
        return 2
    return scan.main(["--bench", str(folder)])


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # the reader closed the pipe (`| head`), as scan's own entry point handles it
        scan.quiet_broken_pipe()
