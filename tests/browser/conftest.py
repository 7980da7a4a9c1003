"""Start the real app (``python app.py``) on a free port with a temporary COPILOT_HOME, and drive it
with Playwright on Debian's chromium (headless). Screenshots go to artifacts/screenshots/
(see browser_helpers.py)."""

from __future__ import annotations

import pytest
from browser_helpers import ARGS, CHROMIUM, start_app, stop_app


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    app = start_app(tmp_path_factory.mktemp("copilot-home"))
    yield app
    stop_app(app)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page(browser, app_server):
    """One page per test module (the Gradio front end takes seconds to load); tests open their tab."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    context.set_default_timeout(30_000)
    pg = context.new_page()
    pg.goto(app_server.url + "/")
    pg.wait_for_selector("#tab-live-button, button[role=tab]", timeout=60_000)
    yield pg
    context.close()
