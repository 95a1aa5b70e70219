"""Who uses whom: nothing points upward, and the one console command is installed with its subcommands."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

# Lowest first: each layer may import only the layers before it (and TensorFlow, Keras, numpy, …).
LAYERS = {"common": 0, "tf1_graph": 1, "tf2_eager": 1, "keras_impl": 1, "tf_loss_wiring": 2}
SCRIPT = Path(sys.executable).parent / "tf-loss-wiring"


def project_names(path: Path) -> set[str]:
    """Every project package the file imports, or names in a string (as `importlib.import_module` would take)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
            names.add(node.value)
    return names & set(LAYERS)


@pytest.mark.parametrize("package", list(LAYERS))
def test_no_import_points_upward(package):
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in project_names(path):
            assert name == package or LAYERS[name] < LAYERS[package], (
                f"{path.relative_to(ROOT)} imports {name}: {package} must not stand on it")


def test_common_names_no_style_even_inside_a_function():
    offenders = {path.name: project_names(path) - {"common"} for path in (ROOT / "common").rglob("*.py")}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_console_command_lists_its_subcommands():
    assert SCRIPT.exists(), "install the project first: pip install -e '.[dev]'"
    done = subprocess.run([str(SCRIPT), "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    for tool in ("compare", "bench", "hazards", "check"):
        assert f"    {tool} " in done.stdout
    for tool in ("compare", "bench", "hazards", "check"):
        sub = subprocess.run([str(SCRIPT), tool, "--help"], capture_output=True, text=True, timeout=60)
        assert sub.returncode == 0 and f"usage: tf-loss-wiring {tool}" in sub.stdout and "--verbose" in sub.stdout


def test_an_unknown_subcommand_is_one_line_and_status_2():
    done = subprocess.run([str(SCRIPT), "compair"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "compair" in done.stderr


def test_an_unknown_keras_generation_in_the_environment_stops_the_test_run():
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                           str(ROOT / "tests" / "project" / "test_readme.py")],
                          capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "KERAS_GENERATIONS": "keras3,tf-keras"})
    assert done.returncode != 0
    assert "KERAS_GENERATIONS: unknown generation 'tf-keras'" in done.stdout + done.stderr


# --- one engine, one way to start a process, no circles -----------------------------------------------------
def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for package in LAYERS for path in sorted((ROOT / package).rglob("*.py"))}


def imported_modules(path: Path) -> set[str]:
    """The project modules the file imports, anywhere in it: `from pkg import sub` counts as pkg.sub."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found |= {f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES else node.module
                      for alias in node.names}
    return found & set(MODULES)


def test_no_module_imports_its_way_back_to_itself():
    graph = {name: imported_modules(path) - {name} for name, path in MODULES.items()}
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        assert name not in trail, f"import circle: {' -> '.join(trail[trail.index(name):] + [name])}"
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_one_probe_engine_and_one_module_that_starts_processes():
    probes, starters = [], []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text())
        probes += [name for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and node.name == "Probe"]
        starters += [name for node in ast.walk(tree) if isinstance(node, ast.Import)
                     and any(alias.name == "subprocess" for alias in node.names)]
    assert probes == ["tf_loss_wiring.probe"]
    assert [name for name in starters if name.startswith("tf_loss_wiring")] == ["tf_loss_wiring.processes"]


def test_the_console_command_lists_each_tool_with_its_own_help_line():
    import importlib

    from tf_loss_wiring import cli

    assert {name: importlib.import_module(module).HELP for name, (module, _) in cli.TOOLS.items()} == {
        name: help_line for name, (_, help_line) in cli.TOOLS.items()}
