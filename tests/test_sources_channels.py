"""The built-in 视频号 console capture, driven by Playwright (chromium, headless here) against a local
page whose script polls a fake ``live/msg`` endpoint with the recorded replies: re-deliveries, an empty
poll, error replies (the login expired: 需要扫码), a page reload. Nothing lost or doubled."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from copilot.base.db import reading
from copilot.live.session import LiveSession
from copilot.live.sources.base import Backoff
from copilot.live.sources.channels import ChannelsSource
from copilot.orders.ledger import Ledger
from copilot.orders.schema import comments as comments_table

pytestmark = pytest.mark.browser
DATA = Path(__file__).parent / "data" / "sources"
CHROMIUM = "/usr/bin/chromium"
EMPTY = json.dumps({"errCode": 0, "errMsg": "", "data": {"msgList": [], "appMsgList": []}})
ERROR = json.dumps({"errCode": 300333, "errMsg": ""})
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>视频号助手</title></head><body>
<h1>直播控制台（测试）</h1><script>
let n = 0;
async function poll() {
  n += 1;
  try { await fetch('/micro/live/cgi-bin/mmfinderassistant-bin/live/msg?_aid=1', {method: 'POST', body: '{}'}); }
  catch (e) {}
  if (n === 5 && !sessionStorage.getItem('reloaded')) { sessionStorage.setItem('reloaded', '1'); location.reload(); return; }
  setTimeout(poll, 80);
}
poll();
</script></body></html>"""


class FakeConsole:
    def __init__(self, replies: list[str]) -> None:
        self.replies, self.served = list(replies), 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self._send(PAGE, "text/html; charset=utf-8")

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = fake.replies.pop(0) if fake.replies else EMPTY
                fake.served += 1
                self._send(body, "application/json")

            def _send(self, text: str, ctype: str) -> None:
                raw = text.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/platform/live/liveBuild"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


def test_console_capture_takes_each_comment_once_and_asks_for_a_rescan(settings, catalog, tmp_path):
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["wechat_channels.jsonl"]
    recorded = [ln for ln in (DATA / "wechat_channels.jsonl").read_text(encoding="utf-8").splitlines() if ln]
    # the recording (its last reply is an error), re-deliveries, then the login expires and comes back
    replies = recorded[:-1] + recorded[2:6] + [ERROR, ERROR, ERROR] + recorded[5:9]
    console = FakeConsole(replies)
    session = LiveSession(settings, catalog, Ledger.open(settings, catalog, "2026-11-22"))
    source = ChannelsSource(session.receive_batch, url=console.url, profile_dir=tmp_path / "profile",
                            headless=True, executable=CHROMIUM, backoff=Backoff(0.1, 0.5))
    stop = threading.Event()
    worker = threading.Thread(target=source.run, args=(stop,), daemon=True)
    worker.start()
    states = set()
    try:
        deadline = time.time() + 90
        while time.time() < deadline and not (console.served > len(replies) + 3 and source.state == "connected"):
            states.add(source.state)
            time.sleep(0.05)
        with reading(session.ledger.engine) as conn:
            ids = [r[0] for r in conn.execute(select(comments_table.c.comment_id).order_by(comments_table.c.id))]
        assert ids == [c["id"] for c in expected["comments"]]
        assert source.comments == len(expected["comments"]) and source.duplicates >= 7
        assert "needs_scan" in states and source.state == "connected"
        assert "扫码" in source.last_error
        assert {ln.buyer_key for ln in session.ledger.lines() if ln.buyer == "小雨"} <= {
            "id:" + c["user_id"] for c in expected["comments"] if c["user"] == "小雨"}
        assert (tmp_path / "profile").is_dir()  # the login would survive a restart
    finally:
        stop.set()
        worker.join(20)
        console.close()
    assert source.state == "stopped"
