"""Docs that cannot drift: every command has help, and every command the README shows exists."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import typer
from typer.testing import CliRunner

from copilot.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _commands(group, prefix=()):
    # typer vendors click, so go by shape: a group has a ``commands`` mapping
    for name, cmd in sorted(getattr(group, "commands", {}).items()):
        yield (*prefix, name), cmd
        yield from _commands(cmd, (*prefix, name))


def test_every_command_has_help():
    root = typer.main.get_command(app)
    found = list(_commands(root))
    assert len(found) >= 10
    for path, cmd in found:
        assert (cmd.help or cmd.short_help or "").strip(), f"copilot {' '.join(path)} has no help"
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path


def test_readme_commands_exist():
    root = typer.main.get_command(app)
    known = {" ".join(path) for path, _ in _commands(root)}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"^copilot ([^#\n]+)", readme, flags=re.M)
    assert shown, "the README shows the commands"
    for line in shown:
        words = [w for w in shlex.split(line.replace("<", " ").replace(">", " ")) if not w.startswith("-")]
        assert words[0] in known, f"README shows unknown command: copilot {line}"
        if getattr(root.commands[words[0]], "commands", None):
            assert f"{words[0]} {words[1]}" in known, f"README shows unknown subcommand: copilot {line}"


def test_readme_has_the_two_setup_commands_and_ci_runs_the_same_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## 快速开始", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["python3 app.py", ".venv/bin/python -m pytest"]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/setup" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
