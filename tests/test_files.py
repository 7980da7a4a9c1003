"""Everything the app writes lives under COPILOT_HOME and is the owner's alone (files 0600, folders 0700);
the checkout's knowledge/ stays the untouched demo."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from copilot.base.files import write_private
from copilot.base.settings import BUNDLED_KNOWLEDGE, Settings
from copilot.knowledge.files import save_file

ROOT = Path(__file__).resolve().parents[1]


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_commands_write_private_files_only_under_the_data_dir(tmp_path):
    home = tmp_path / "home"
    comments = tmp_path / "c.jsonl"
    comments.write_text('{"id": "c1", "user": "王阿姨", "text": "2号链接1袋"}\n', encoding="utf-8")
    env = {**os.environ, "COPILOT_HOME": str(home), "COPILOT_KNOWLEDGE": str(BUNDLED_KNOWLEDGE)}
    env.pop("COPILOT_RAISE", None)
    cli = [sys.executable, "-c", "import sys; from copilot.cli import main; sys.argv[0] = 'copilot'; main()"]
    for args in (["orders", "ingest", str(comments)], ["accounts", "token"],
                 ["orders", "export", "--format", "xlsx", "--out", str(home / "exports" / "x")]):
        subprocess.run([*cli, *args], env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
    written = [p for p in home.rglob("*")]
    assert any(p.name == "ledger.db" for p in written) and any(p.name == "api_token" for p in written)
    assert any(p.suffix == ".xlsx" for p in written)
    loose = [f"{p.relative_to(home)} {oct(_mode(p))}" for p in [home, *written]
             if _mode(p) & 0o077]  # nothing readable, writable or searchable by others
    assert loose == []


def test_write_private_is_never_readable_by_others_even_briefly(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(_mode(Path(src)))  # the temporary file, before it takes the final name
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    previous = os.umask(0o022)  # as a careless caller would have it
    try:
        p = write_private(tmp_path / "d" / "token", "secret")
    finally:
        os.umask(previous)
    assert seen == [0o600] and _mode(p) == 0o600 and _mode(p.parent) == 0o700


def test_the_knowledge_dir_is_the_data_dirs_own_copy_of_the_demo(tmp_path):
    before = (BUNDLED_KNOWLEDGE / "products.yaml").read_bytes()
    settings = Settings(home=tmp_path / "home", _env_file=None)
    kd = settings.knowledge_dir
    assert kd == tmp_path / "home" / "knowledge" and (kd / "notes" / "mango.md").exists()
    text = (kd / "products.yaml").read_text(encoding="utf-8").replace("巷口优选", "我的小店", 1)
    save_file(kd, "products.yaml", text)
    assert (BUNDLED_KNOWLEDGE / "products.yaml").read_bytes() == before  # the checkout's demo is untouched
    assert "我的小店" in (Settings(home=tmp_path / "home", _env_file=None).knowledge_dir / "products.yaml").read_text()
