"""The CI matrix, locally: `nox` runs lint and the tests for each Python found here x Keras generation.

`nox -s "tests-3.11(keras='tf_keras')"` runs one cell; `nox -l` lists them.
"""

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
GENERATIONS = ["keras3", "tf_keras"]

nox.options.sessions = ["lint", "tests"]
nox.options.error_on_missing_interpreters = False  # a Python this machine lacks is skipped, not failed


@nox.session(python=PYTHONS)
@nox.parametrize("keras", GENERATIONS)
def tests(session: nox.Session, keras: str) -> None:
    session.install("-e", ".[dev]")
    session.run("python", "-m", "pytest", *session.posargs, env={"KERAS_GENERATIONS": keras})


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff>=0.5")
    session.run("ruff", "check", ".")
