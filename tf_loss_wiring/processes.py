"""Work in a process of its own: the one place the tools start another Python.

A Keras 3 backend is chosen when `keras` is imported and holds for the whole process, so compare, bench,
hazards and check run Keras 3 on JAX or PyTorch in a fresh process: `python -m MODULE … --json PATH`, with
`KERAS_BACKEND` set for it, the project importable from where this process found it, and one timeout. The
child writes its JSON to PATH; `hand_back` reads it back. A child that fails, hangs or writes nothing is one
line (`Failed`), naming what it was doing and the last line of its error output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# One timeout for every child: the question's 10001-step protocol takes under a minute a run on any backend,
# a probe a few seconds; a child still running after this is hung.
TIMEOUT = 1800  # seconds

# Where this project's packages were found (a checkout or site-packages): the child imports the same ones.
PROJECT = str(Path(__file__).resolve().parent.parent)


class Failed(RuntimeError):
    """A child process that failed, hung, or handed nothing back: one line saying which and why."""


def environment(backend: str | None, **extra: str) -> dict[str, str]:
    """This process's environment for a child: Keras 3 on `backend`, the project and the working folder first."""
    env = {**os.environ, **extra}
    if backend is not None:
        env["KERAS_BACKEND"] = backend
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(filter(None, [PROJECT, os.getcwd(),
                                                                      os.environ.get("PYTHONPATH")])))
    return env


def hand_back(what: str, module: str, *argv: str, backend: str | None = None, timeout: float | None = None,
              **extra_env: str) -> tuple[object, int]:
    """(the JSON the child wrote, its exit status) for `python -m MODULE ARGV… --json PATH` in a fresh process.

    `what` names the work in the error (`keras_impl[keras3-jax]`); a non-zero status with the JSON written is
    the child's own verdict (a diverged run: 3) and is returned, not raised.
    """
    timeout = TIMEOUT if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="tf-loss-wiring-") as folder:
        path = Path(folder) / "hand-back.json"
        command = [sys.executable, "-m", module, *argv, "--json", str(path)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
                                  env=environment(backend, **extra_env))
        except subprocess.TimeoutExpired:
            raise Failed(f"{what} in a process of its own did not finish within {timeout:g} s") from None
        if not path.exists():
            tail = (done.stderr.strip().splitlines() or ["no error output"])[-1]
            raise Failed(f"{what} in a process of its own failed (status {done.returncode}): {tail}")
        return json.loads(path.read_text()), done.returncode
