"""The house rules (README: 代码结构), checked on every run: the import-linter contracts in
pyproject.toml, ruff's checks for unused names, import order and syntax errors, no private names across
modules, and the size limits.

The contracts run through ``lint-imports`` itself; a copy of the package with one bad import shows
that they can fail.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "copilot"
LINT = Path(sys.executable).with_name("lint-imports")
RUFF = Path(sys.executable).with_name("ruff")
RUFF_RULES = "F,I,E9"  # pyflakes (unused and undefined names), isort, syntax errors
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
MAX_UI_BUILD_LINES = 80


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--config", str(ROOT / "pyproject.toml"), "--no-cache"], cwd=cwd,
                          capture_output=True, text=True, env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"})


def test_import_contracts_are_kept():
    out = _lint(ROOT)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def _ruff(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(RUFF), "check", "--select", RUFF_RULES, "--no-cache", *map(str, paths)], cwd=ROOT,
                          capture_output=True, text=True)


def test_code_passes_ruff():
    out = _ruff(*(ROOT / name for name in ("copilot", "evals", "tests", "benchmarks", "app.py")))
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-1000:]


def test_ruff_catches_an_unused_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    out = _ruff(bad)
    assert out.returncode != 0 and "F401" in out.stdout


@pytest.mark.parametrize("module, bad_import, contract", [
    ("orders/ledger.py", "import copilot.live.session", "Layers"),
    ("media/clips.py", "import copilot.orders.ledger", "do not import each other"),
    ("plan/model.py", "import gradio", "Only ui imports gradio"),
    ("orders/records.py", "import copilot.orders.ledger", "No import cycles"),
])
def test_a_bad_import_is_caught(tmp_path, module, bad_import, contract):
    shutil.copytree(PACKAGE, tmp_path / "copilot", ignore=shutil.ignore_patterns("__pycache__", "samples", "rules"))
    target = tmp_path / "copilot" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{bad_import}  # deliberately wrong\n", encoding="utf-8")
    out = _lint(tmp_path)
    assert out.returncode != 0
    broken = [line for line in out.stdout.splitlines() if "BROKEN" in line]  # "BROKEN (1 ignored import)"
    assert any(contract in line for line in broken), out.stdout[-2000:]


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_no_module_imports_another_modules_private_names():
    found = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("copilot"):
                found += [f"{path.relative_to(ROOT)}: {node.module}.{a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    assert found == []


def test_modules_and_functions_stay_small():
    too_big = []
    for path, tree in _modules():
        rel = path.relative_to(ROOT).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            too_big.append(f"{rel}: {lines} lines")
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1
                ui_build = rel.startswith("copilot/ui/") and node.name.startswith("build")
                limit = MAX_UI_BUILD_LINES if ui_build else MAX_FUNCTION_LINES
                if size > limit and not (rel.startswith("copilot/ui/") and _is_wiring(node)):
                    too_big.append(f"{rel}:{node.lineno} {node.name}() {size} lines")
    assert too_big == []


def _is_wiring(node) -> bool:
    """A ui ``_wire_*`` function only connects events to handlers; it is held to the build limit."""
    return node.name.startswith("_wire") and node.end_lineno - node.lineno + 1 <= MAX_UI_BUILD_LINES


def test_every_package_says_what_it_is_and_may_import():
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "May import" in doc and "Public" in doc, f"{init.relative_to(ROOT)} needs its docstring"
