"""The built-in 视频号 console capture, the way oba-live-tool and wxlivespy do it: a visible Chromium
(Playwright) on the seller's own 视频号助手 live console, whose page polls
``…/mmfinderassistant-bin/live/msg``; we read those replies as the page receives them.

The owner signs in once by scanning the QR code; the browser profile lives under COPILOT_HOME
(``browser/wechat-channels``), so the login survives restarts. A reply with errCode != 0, or the
page landing on the login screen, means the login expired: the state says 需要扫码 until the owner
scans again. A reloaded page keeps being read (the listener is on the browser context); a closed
window or a crashed browser is opened again with back-off.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from copilot.base.files import private_dir
from copilot.live.sources.base import Source
from copilot.live.sources.formats import ConsoleError, decode_channels

log = logging.getLogger(__name__)
CONSOLE_URL = "https://channels.weixin.qq.com/platform/live/liveBuild"
MSG_PATH = "mmfinderassistant-bin/live/msg"
BAD_REPLIES = 2  # error replies in a row before we ask for a new scan
RESCAN = "视频号助手需要重新扫码登录：请在弹出的浏览器窗口里用微信扫码，扫完会自动继续"
ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-dev-shm-usage", "--disable-blink-features=AutomationControlled"]


class ChannelsSource(Source):
    kind = "wechat-channels"
    label = "视频号助手（内置浏览器）"

    def __init__(self, sink, *, url: str = "", profile_dir: str | Path | None = None, headless: bool = False,
                 executable: str | None = None, **kw) -> None:
        super().__init__(sink, url=url or CONSOLE_URL, **kw)
        self.profile_dir = Path(profile_dir) if profile_dir else None
        self.headless = headless
        self.executable = executable
        self.bad_replies = 0
        self.polls = 0

    def run(self, stop: threading.Event) -> None:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        first = True
        while not stop.is_set():
            if self.state != "needs_scan":
                self.set_state("connecting" if first else "reconnecting")
            try:
                with sync_playwright() as pw:
                    context = self._launch(pw)
                    try:
                        self._watch(context, stop)
                    finally:
                        context.close()
            except PlaywrightError as exc:
                self.fail(self._explain(exc))
            first = False
            if stop.wait(self.backoff.next()):
                break
        self.set_state("stopped")

    def _launch(self, pw):
        profile = private_dir(self.profile_dir) if self.profile_dir else None
        args = ARGS + (["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])  # root: no sandbox
        options = {"headless": self.headless, "args": args, "no_viewport": True, "locale": "zh-CN"}
        if self.executable:
            options["executable_path"] = self.executable
        if profile is None:
            return pw.chromium.launch(**{k: v for k, v in options.items() if k in ("headless", "args",
                                                                                   "executable_path")}).new_context()
        return pw.chromium.launch_persistent_context(str(profile), **options)

    def _watch(self, context, stop: threading.Event) -> None:
        context.on("response", self._on_response)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(self.url, wait_until="domcontentloaded")
        self.backoff.reset()
        checked = 0.0
        while not stop.is_set():
            pages = [p for p in context.pages if not p.is_closed()]
            if not pages:
                self.fail("视频号助手的浏览器窗口被关掉了，正在重新打开")
                return
            page = pages[0]
            if time.monotonic() - checked > 2:
                self._check_page(page)
                checked = time.monotonic()
            page.wait_for_timeout(200)  # lets Playwright deliver the page's responses to us

    def _check_page(self, page) -> None:
        url = page.url or ""
        if "login" in url.lower():
            self.set_state("needs_scan")
            self.last_error = RESCAN
        elif self.state in ("connecting", "reconnecting"):
            self.set_state("connected")
        elif self.state == "needs_scan" and self.bad_replies == 0 and "liveBuild" not in url and url.startswith("http"):
            page.goto(self.url, wait_until="domcontentloaded")  # signed in again: back to the live console

    def _on_response(self, response) -> None:
        if MSG_PATH not in response.url:
            return
        try:
            body = response.json()
        except Exception as exc:  # a reply that is not JSON (the page navigated away, a network error)
            log.debug("live/msg reply not readable: %s", exc)
            return
        self.polls += 1
        try:
            events = decode_channels(body)
        except ConsoleError as exc:
            self.bad_replies += 1
            self.fail(f"视频号助手返回错误（errCode {exc.code}）")
            if self.bad_replies >= BAD_REPLIES:
                self.set_state("needs_scan")
                self.last_error = RESCAN
            return
        self.bad_replies = 0
        if self.state != "connected":
            self.set_state("connected")
        self.feed(events)

    def _explain(self, exc: Exception) -> str:
        text = str(exc)
        if "Executable doesn't exist" in text or "executable" in text.lower():
            return "找不到 Chromium 浏览器：请先运行 python3 app.py 完成安装（会装好 chromium）"
        if "Target page, context or browser has been closed" in text or "closed" in text.lower():
            return "视频号助手的浏览器被关掉了，正在重新打开"
        return f"视频号助手的浏览器出错了（{type(exc).__name__}），正在重新打开"
