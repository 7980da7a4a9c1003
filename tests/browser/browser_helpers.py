"""Helpers for the browser tests (not in conftest.py: tests/conftest.py owns that module name)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def open_tab(page, label: str) -> None:
    page.get_by_role("tab", name=label).click()
    page.wait_for_timeout(400)


ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("COPILOT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningApp:
    def __init__(self, url: str, home: Path, proc: subprocess.Popen, log: Path) -> None:
        self.url, self.home, self.proc, self.log = url, home, proc, log

    @property
    def token(self) -> str:
        return (self.home / "api_token").read_text().strip()


def start_app(home: Path, host: str = "127.0.0.1") -> RunningApp:
    """``python app.py`` with its own data dir and a free port; returns once it answers."""
    port = free_port()
    env = {**os.environ, "COPILOT_HOME": str(home), "GRADIO_SERVER_PORT": str(port),
           "GRADIO_SERVER_NAME": host, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1",
           "COPILOT_LOG_LEVEL": "INFO"}
    for var in ("COPILOT_LLM_BASE_URL", "COPILOT_LLM_MODEL", "COPILOT_DATABASE_URL", "COPILOT_RAISE"):
        env.pop(var, None)
    log = home / "app.log"
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log.open("w"),
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"app exited with {proc.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200 and \
                    httpx.get(url + "/", timeout=2).status_code == 200:
                return RunningApp(url, home, proc, log)
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.kill()
    pytest.fail(f"app did not start within 180 s:\n{log.read_text()}")


def stop_app(app: RunningApp) -> None:
    app.proc.terminate()
    try:
        app.proc.wait(10)
    except subprocess.TimeoutExpired:
        app.proc.kill()
