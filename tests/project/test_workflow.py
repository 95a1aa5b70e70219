"""The CI workflow parses, covers Python 3.10-3.13 x both Keras generations, runs the README's commands, and keeps
the page of a compare run."""

from __future__ import annotations

import ast
import shlex
from pathlib import Path

import yaml
from test_readme import quick_start_commands

from tf_loss_wiring.cases import GENERATIONS

ROOT = Path(__file__).resolve().parents[2]
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


def workflow() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())


def test_the_test_matrix_covers_every_python_and_keras_generation_and_every_other_cell():
    job = workflow()["jobs"]["test"]
    matrix = job["strategy"]["matrix"]
    assert (matrix["python"], matrix["keras"], matrix["cell"]) == (PYTHONS, list(GENERATIONS), [""])
    others = sorted(path.stem for path in (ROOT / "constraints").glob("*.txt") if not path.stem.startswith("py"))
    assert others == ["between", "lowest"]  # resolved on Python 3.11
    assert sorted(matrix["include"], key=lambda row: row["cell"]) == [
        {"python": "3.11", "keras": keras, "cell": cell} for cell in others for keras in GENERATIONS]
    assert job["env"]["KERAS_GENERATIONS"] == "${{ matrix.keras }}"
    setup = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "${{ matrix.python }}" and setup["with"]["cache"] == "pip"


def test_the_workflow_runs_the_readmes_commands_and_lint():
    runs = [step["run"] for step in workflow()["jobs"]["test"]["steps"] if "run" in step]
    assert runs == quick_start_commands()
    assert any("ruff check" in step.get("run", "") for step in workflow()["jobs"]["lint"]["steps"])


def test_a_page_job_installs_as_the_readme_does_and_keeps_the_page():
    job = workflow()["jobs"]["page"]
    runs = [step["run"] for step in job["steps"] if "run" in step]
    install = quick_start_commands()[0].rsplit(" && ", 1)[0]  # the first command without its run of tf1_graph
    assert install.endswith('pip install -q -e ".[dev]"') and runs[0] == install
    command = shlex.split(runs[1])
    assert command[:2] == [".venv/bin/tf-loss-wiring", "compare"] and "--html" in command
    page = command[command.index("--html") + 1]
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == page and upload["with"]["if-no-files-found"] == "error"
    assert "cancelled()" in upload["if"]  # kept when a run diverged (exit status 3) too


def test_every_cell_installs_a_committed_dependency_set():
    """GitHub runs what was verified here: each cell's PIP_CONSTRAINT names a file in constraints/."""
    job = workflow()["jobs"]["test"]
    assert job["env"]["PIP_CONSTRAINT"] == "constraints/${{ matrix.cell || format('py{0}', matrix.python) }}.txt"
    cells = [f"py{python}" for python in PYTHONS] + [entry["cell"] for entry in job["strategy"]["matrix"]["include"]]
    for cell in cells:
        assert (ROOT / "constraints" / f"{cell}.txt").exists(), cell
    page = next(step for step in workflow()["jobs"]["page"]["steps"] if step.get("run", "").endswith('".[dev]"'))
    assert page["env"]["PIP_CONSTRAINT"] == "constraints/py3.12.txt"


def test_no_cell_installs_a_cuda_build_of_torch():
    """PyPI's Linux torch brings CUDA (several GB): every install on GitHub also looks at PyTorch's CPU index."""
    cpu = "https://download.pytorch.org/whl/cpu"
    page = next(step for step in workflow()["jobs"]["page"]["steps"] if step.get("run", "").endswith('".[dev]"'))
    assert workflow()["jobs"]["test"]["env"]["PIP_EXTRA_INDEX_URL"] == cpu == page["env"]["PIP_EXTRA_INDEX_URL"]


def pins(cell: str) -> dict[str, str]:
    lines = (ROOT / "constraints" / f"{cell}.txt").read_text().splitlines()
    return dict(line.split("==", 1) for line in lines if "==" in line and not line.startswith("#"))


def pyproject() -> dict:
    """pyproject.toml, read by the standard library's TOML reader (3.11+) or the one pip carries (3.10)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        from pip._vendor import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_each_dependency_set_keeps_tf_keras_at_tensorflows_minor_and_the_lowest_is_pyprojects_floor():
    for path in sorted((ROOT / "constraints").glob("*.txt")):
        found = pins(path.stem)
        assert found["tf-keras"].split(".")[:2] == found["tensorflow"].split(".")[:2], path.name
    floors = {}
    for requirement in pyproject()["project"]["optional-dependencies"]["run"]:  # the frameworks' floors
        name, _, rest = requirement.partition(">=")
        floors[name.strip()] = rest.split(",")[0].strip()
    assert set(floors) == {"numpy", "tensorflow", "tf-keras", "keras"}
    lowest = pins("lowest")
    for name, floor in floors.items():
        assert lowest[name].split(".")[:2] == floor.split(".")[:2], (name, lowest[name], floor)


def test_nox_runs_the_same_matrix_locally():
    assignments = {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in ast.parse((ROOT / "noxfile.py").read_text()).body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id in
        ("PYTHONS", "GENERATIONS")
    }
    assert assignments == {"PYTHONS": PYTHONS, "GENERATIONS": list(GENERATIONS)}


def test_tf_keras_is_installed_at_tensorflows_minor_version():
    """pyproject.toml's ranges allow it; this checks what pip actually resolved."""
    from importlib.metadata import version

    assert version("tf-keras").split(".")[:2] == version("tensorflow").split(".")[:2]
