"""The version matrix, locally.

    nox -s tests      the README's tests on each Python found here x Keras generation, as GitHub's matrix runs them
    nox -s cells      every verified dependency set in constraints/ on the Python found here: its hazard probe,
                      then the whole suite; a set that cannot be installed here says why and fails
    nox -s lock       re-resolve constraints/ for every CI Python and the lowest bounds (needs uv; a maintainer's step)
    nox -s versions   regenerate docs/versions.md (what changes between versions) from the probes `cells`
                      left in .nox/probes/

`nox -l` lists the sessions; `nox -s "cells(cell='lowest')"` runs one.
"""

import re
import sys
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


@nox.session(python=HERE)  # pip, not uv: pip's config here finds the CPU build of torch, uv would take CUDA's
@nox.parametrize("cell", CELLS)
def cells(session: nox.Session, cell: str) -> None:
    """One verified dependency set on this machine's Python: install it, run every test, probe the hazards."""
    output = session.run_install("python", "-m", "pip", "install", "-c", str(CONSTRAINTS / f"{cell}.txt"), "-e",
                                 ".[dev]", silent=True, success_codes=[0, 1, 2])
    if re.search(r"^(error|ERROR)\b", output, re.M):
        session.error(f"{cell} cannot be installed on Python {HERE}: {why_not(output)}")
    PROBES.mkdir(parents=True, exist_ok=True)  # probed first: a new cell's probe is what `versions` needs
    session.run("python", "-m", "tf_loss_wiring", "hazards", "--json", str(PROBES / f"{cell}.json"))
    session.run("python", "-m", "pytest", "-p", "no:cacheprovider", *session.posargs)


def why_not(installer_output: str) -> str:
    """The installer's reason in a few words: `numpy==2.5.5 needs Python>=3.12`, or its first error line."""
    needs = re.search(r"(\S+==\S+) depends on (Python\S+?)[,.]?\s", installer_output)
    if needs:
        return f"{needs.group(1)} needs {needs.group(2)}"
    return next(line.strip() for line in installer_output.splitlines() if re.match(r"\s*(error|ERROR)\b", line))


@nox.session(python=False)
def versions(session: nox.Session) -> None:
    """docs/versions.md, what changes between versions, from every cell's probe (run `nox -s cells` first)."""
    found = sorted(PROBES.glob("*.json"))
    if not found:
        session.error("no probes in .nox/probes: run `nox -s cells` first")
    session.run(sys.executable, "-m", "tf_loss_wiring", "hazards", "--versions", *map(str, found),
                "--write", "docs/versions.md")


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
