"""The version matrix, locally.

    nox -s tests      the README's tests on each Python found here x Keras generation, as GitHub's matrix runs them
    nox -t cells      every verified dependency set in constraints/, each on the Python it was resolved for (pyenv's
                      where PATH lacks it): its hazard probe, then the whole suite, recorded in .nox/cells/; a set
                      that cannot be installed says why and fails
    nox -s lock       re-resolve constraints/ for every CI Python and the lowest bounds (needs uv; a maintainer's step)
    nox -s versions   regenerate docs/versions.md (what changes between versions) from the probes `cells`
                      left in .nox/probes/

`nox -l` lists the sessions; `nox -s cells-lowest` runs one.
"""

import json
import os
import re
import sys
import time
from pathlib import Path

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
GENERATIONS = ["keras3", "tf_keras"]
HERE = f"{sys.version_info.major}.{sys.version_info.minor}"  # the Python running nox
CONSTRAINTS = Path("constraints")
CELLS = sorted(path.stem for path in CONSTRAINTS.glob("*.txt"))  # py3.10 … py3.13, lowest
PROBES = Path(".nox/probes")

nox.options.sessions = ["lint", "tests"]
nox.options.error_on_missing_interpreters = False  # a Python this machine lacks is skipped, not failed


@nox.session(python=PYTHONS)
@nox.parametrize("keras", GENERATIONS)
def tests(session: nox.Session, keras: str) -> None:
    session.install("-c", str(CONSTRAINTS / f"py{session.python}.txt"), "-e", ".[dev]")
    session.run("python", "-m", "pytest", *session.posargs, env={"KERAS_GENERATIONS": keras})


# Each cell runs on the Python its set was resolved for (lowest: 3.11), found through pyenv where PATH lacks it.
CELL_PYTHONS = {cell: cell.removeprefix("py") if cell.startswith("py") else "3.11" for cell in CELLS}
# PyTorch's CPU build lies on this machine's disk for Python 3.11 only; for other Pythons PyPI serves CUDA builds
# (several GB), so those cells install everything but PyTorch and say so.
CPU_TORCH_PYTHONS = ("3.11",)
RECORDS = Path(".nox/cells")


def interpreter(version: str) -> str:
    """CPython `version` (`3.12`): pyenv's newest patch release of it (`pyenv prefix` would name it), else PATH's."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    releases = sorted(root.glob(f"{version}.*"), key=lambda path: [int(part) for part in path.name.split(".")
                                                                    if part.isdigit()])
    return str(releases[-1] / "bin" / f"python{version}") if releases else f"python{version}"


def run_cell(session: nox.Session, cell: str) -> None:
    """One verified dependency set on its own Python: install it, probe the hazards, run every test, record it."""
    python = CELL_PYTHONS[cell]
    extras = ".[dev]" if python in CPU_TORCH_PYTHONS else ".[run,plot]"
    tools = [] if python in CPU_TORCH_PYTHONS else ["pytest>=8", "ruff>=0.5", "pyyaml>=6", "flake8>=7",
                                                    *(["jax[cpu]"] if python >= "3.11" else [])]
    started = time.perf_counter()
    output = session.run_install("python", "-m", "pip", "install", "-c", str(CONSTRAINTS / f"{cell}.txt"), "-e",
                                 extras, *tools, silent=True, success_codes=[0, 1, 2])
    RECORDS.mkdir(parents=True, exist_ok=True)
    record = RECORDS / f"{cell}.json"
    if re.search(r"^(error|ERROR)\b", output, re.M):
        record.write_text(json.dumps({"cell": cell, "python": python, "result": f"not installed: {why_not(output)}"}))
        session.error(f"{cell} cannot be installed on Python {python}: {why_not(output)}")
    session.run("python", "-c", VERSIONS_OF_THE_CELL, str(record), cell, silent=True)
    PROBES.mkdir(parents=True, exist_ok=True)  # probed first: a new cell's probe is what `versions` needs
    session.run("python", "-m", "tf_loss_wiring", "hazards", "--json", str(PROBES / f"{cell}.json"))
    tests = session.run("python", "-m", "pytest", "-p", "no:cacheprovider", "-q", *session.posargs, silent=True,
                        success_codes=[0, 1])
    summary = tests.strip().splitlines()[-1].strip("= ")
    data = json.loads(record.read_text())
    record.write_text(json.dumps({**data, "result": summary, "seconds": round(time.perf_counter() - started)}))
    if " failed" in summary or " error" in summary:
        for line in tests.splitlines():  # which ones: pytest's short summary (-ra)
            if line.startswith(("FAILED ", "ERROR ")):
                session.log(line)
        session.error(f"{cell}: {summary}")


# What a cell records of itself: its Python to the patch release, and what it installed (absent: not installed).
VERSIONS_OF_THE_CELL = """
import importlib.metadata as m, json, platform, sys
found = {}
for name in ("tensorflow", "keras", "tf-keras", "numpy", "jax", "torch"):
    try:
        found[name] = m.version(name)
    except m.PackageNotFoundError:
        found[name] = None
json.dump({"cell": sys.argv[2], "python": platform.python_version(), "versions": found}, open(sys.argv[1], "w"))
"""

for _cell in CELLS:  # a session per cell, each on its own Python: nox -t cells runs them all
    nox.session(name=f"cells-{_cell}", python=interpreter(CELL_PYTHONS[_cell]), tags=["cells"])(
        lambda session, cell=_cell: run_cell(session, cell))


def why_not(installer_output: str) -> str:
    """The installer's reason in a few words: `numpy==2.5.5 needs Python>=3.12`, or its first error line."""
    needs = re.search(r"(\S+==\S+) depends on (Python\S+?)[,.]?\s", installer_output)
    if needs:
        return f"{needs.group(1)} needs {needs.group(2)}"
    return next(line.strip() for line in installer_output.splitlines() if re.match(r"\s*(error|ERROR)\b", line))


CELLS_BEGIN, CELLS_END = "<!-- cells:begin -->\n", "<!-- cells:end -->"
SHOWN = {"tensorflow": "TensorFlow", "keras": "Keras", "tf-keras": "tf-keras", "numpy": "numpy", "jax": "JAX",
         "torch": "PyTorch"}


def cells_markdown() -> str:
    """The cells that ran (`nox -t cells` records them): the Python, what was installed, the result, the time."""
    lines = ["| cell | Python | " + " | ".join(SHOWN.values()) + " | result | seconds |",
             "|" + " --- |" * (len(SHOWN) + 4)]
    for path in sorted(RECORDS.glob("*.json")):
        record = json.loads(path.read_text())
        found = record.get("versions", {})
        installed = [found.get(name) or "not installed" for name in SHOWN]
        lines.append(f"| {record['cell']} | {record['python']} | " + " | ".join(installed) +
                     f" | {record['result']} | {record.get('seconds', '')} |")
    return "\n".join(lines) + "\n"


@nox.session(python=False)
def versions(session: nox.Session) -> None:
    """docs/versions.md: what changes between versions, from every cell's probe, and the cells that ran
    (run `nox -t cells` first)."""
    found = sorted(PROBES.glob("*.json"))
    if not found:
        session.error("no probes in .nox/probes: run `nox -t cells` first")
    session.run(sys.executable, "-m", "tf_loss_wiring", "hazards", "--versions", *map(str, found),
                "--write", "docs/versions.md")
    page = Path("docs/versions.md")
    text = page.read_text()
    begin, end = text.index(CELLS_BEGIN) + len(CELLS_BEGIN), text.index(CELLS_END)
    page.write_text(text[:begin] + cells_markdown() + text[end:])


@nox.session(python=False)
def lock(session: nox.Session) -> None:
    """constraints/py3.X.txt for each CI Python, and constraints/lowest.txt at pyproject's lower bounds."""
    common = ["uv", "pip", "compile", "pyproject.toml", "--extra", "dev", "--python-platform", "x86_64-manylinux_2_28",
              "--no-header", "--no-annotate", "-q"]
    for python in PYTHONS:
        session.run(*common, "--python-version", python, "-o", str(CONSTRAINTS / f"py{python}.txt"))
    session.run(*common, "--python-version", "3.11", "--resolution", "lowest-direct",
                "-o", str(CONSTRAINTS / "lowest.txt"))


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff>=0.5")
    session.run("ruff", "check", ".")


@nox.session(python=False)
def mutations(session: nox.Session) -> None:
    """Deliberate breaks of the static scan: the share its tests catch (tests/mutations/scan_breaks.py)."""
    session.run(sys.executable, "tests/mutations/scan_breaks.py")
