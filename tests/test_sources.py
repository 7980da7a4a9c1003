"""Comment sources against local fakes that speak each tool's protocol, replaying the recorded
formats of tests/data/sources/: repeats, error replies, bad frames, disconnects and reconnects.
Nothing may be lost or doubled."""

from __future__ import annotations

import gzip
import json
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from copilot.base.db import reading
from copilot.live.api import create_api
from copilot.live.session import LiveSession
from copilot.live.sources.base import Backoff
from copilot.live.sources.convert import convert_capture
from copilot.live.sources.hub import hub_for
from copilot.live.sources.websocket import DouyinGrabSource, ObaSource
from copilot.orders.ledger import Ledger
from copilot.orders.schema import comments as comments_table

DATA = Path(__file__).parent / "data" / "sources"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
FILES = {"oba": "oba.jsonl", "douyin-grab": "douyin_grab.jsonl", "wxlivespy": "wxlivespy.jsonl",
         "wechat-channels": "wechat_channels.jsonl"}
EVENT_NAMES = {"room_enter": "enter", "room_like": "like", "room_follow": "follow", "live_order": "order",
               "ecom_fansclub_participate": "fansclub"}
TOKEN = "tok-123"


def lines(kind: str) -> list[str]:
    return [ln for ln in (DATA / FILES[kind]).read_text(encoding="utf-8").splitlines() if ln.strip()]


def expected_ids(kind: str, drop_host: bool = False) -> list[str]:
    rows = EXPECTED[FILES[kind]]["comments"]
    return [r["id"] for r in rows if not (drop_host and r["user"] == "邻里鲜果铺")]


@pytest.fixture
def session(settings, catalog):
    s = LiveSession(settings, catalog, Ledger.open(settings, catalog, "2026-11-22"))
    s.current_sku = "strawberry"
    return s


def ledger_ids(session) -> list[str]:
    with reading(session.ledger.engine) as conn:
        q = select(comments_table.c.comment_id).where(comments_table.c.stream == session.stream)
        return [r[0] for r in conn.execute(q.order_by(comments_table.c.id))]


# -- the recorded formats ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(FILES))
def test_convert_matches_the_recorded_evening(kind):
    want = EXPECTED[FILES[kind]]
    got = convert_capture(kind, lines(kind))
    rows = [{"id": r["id"], "user": r["user"], "user_id": r.get("user_id"), "text": r["text"]} for r in got.rows]
    assert rows == want["comments"]
    assert got.events == {EVENT_NAMES.get(k, k): v for k, v in want["events"].items()}
    assert got.duplicates == want["duplicates_dropped"]
    if kind == "wechat-channels":
        assert (got.errors, got.empty) == (want["other"]["error_bodies"], want["other"]["empty_polls"])


def test_convert_cli_keeps_events_drops_the_host_and_replays(tmp_path, settings, monkeypatch):
    from copilot.base.comments import load_comment_file
    from copilot.cli import app

    runner = CliRunner()
    out = runner.invoke(app, ["comments", "convert", "--from", "oba", str(DATA / "oba.jsonl"), "--host", "邻里鲜果铺"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(x) for x in out.stdout.splitlines() if x.startswith("{")]
    assert [r["id"] for r in rows] == expected_ids("oba", drop_host=True)
    assert all(r["ts"] >= 0 for r in rows if "ts" in r)
    f = tmp_path / "evening.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert [c.user_id for c in load_comment_file(f)][:1] == [EXPECTED["oba.jsonl"]["comments"][0]["user_id"]]
    typed = runner.invoke(app, ["comments", "convert", "--from", "douyin-grab", "--events",
                                str(DATA / "douyin_grab.jsonl")])
    kinds = [json.loads(x).get("type") for x in typed.stdout.splitlines() if x.startswith("{")]
    assert kinds.count("gift") == 3 and kinds.count(None) == 13
    bad = runner.invoke(app, ["comments", "convert", "--from", "tiktok", str(DATA / "oba.jsonl")])
    assert bad.exit_code != 0


def test_two_viewers_with_one_nickname_are_two_buyers(session):
    src = ObaSource(session.receive_batch)
    src.feed(convert_events("oba", lines("oba")[18:]))
    buyers = {ln.buyer_key for ln in session.ledger.lines() if ln.buyer == "小雨"}
    assert len(buyers) == 2 and all(k.startswith("id:") for k in buyers)


def convert_events(kind, frames):
    from copilot.live.sources.formats import DECODERS

    return [ev for f in frames for ev in DECODERS[kind](json.loads(f))]


# -- WebSocket forwarders ------------------------------------------------------------------------------

class FakeWsServer:
    """A WebSocket server that, on its k-th connection, sends ``scripts[k]`` and then closes (a
    disconnect) or keeps the connection open (the last script)."""

    def __init__(self, scripts: list[list[str]], port: int = 0) -> None:
        from websockets.sync.server import serve

        self.scripts, self.connections, self.received = scripts, 0, []
        self.server = serve(self._handle, "127.0.0.1", port)
        self.port = self.server.socket.getsockname()[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def _handle(self, ws) -> None:
        k = self.connections
        self.connections += 1
        for frame in self.scripts[min(k, len(self.scripts) - 1)] if k < len(self.scripts) else []:
            ws.send(frame)
            time.sleep(0.002)
        if k < len(self.scripts) - 1:
            return  # the tool drops the connection
        try:
            for msg in ws:  # a client must never send text: DouyinBarrageGrab reads it as a command
                self.received.append(msg)
        except Exception:
            pass

    def close(self) -> None:
        self.server.shutdown()


def wait_for(cond, timeout: float = 15.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if cond():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


@pytest.mark.parametrize("cls, kind", [(ObaSource, "oba"), (DouyinGrabSource, "douyin-grab")])
def test_websocket_source_survives_repeats_garbage_and_disconnects(session, cls, kind):
    frames = lines(kind)
    half = len(frames) // 2
    scripts = [frames[:half] + ["not json {"],           # first connection, then the tool drops it
               frames[half - 3:] + frames[:2]]           # reconnect: some frames again, then the rest
    server = FakeWsServer(scripts)
    src = cls(session.receive_batch, url=f"ws://127.0.0.1:{server.port}", backoff=Backoff(0.05, 0.2))
    stop = threading.Event()
    t = threading.Thread(target=src.run, args=(stop,), daemon=True)
    t.start()
    try:
        want = expected_ids(kind)
        wait_for(lambda: src.comments >= len(want) and server.connections >= 2)
        time.sleep(0.3)
        assert ledger_ids(session) == want  # every comment once, in order
        assert src.comments == len(want) and src.duplicates >= 5 and src.errors >= 2
        assert not [it for it in session.feed if it.status == "duplicate"]
        assert src.state == "connected" and src.last_comment_at is not None
        assert server.received == []
    finally:
        stop.set()
        t.join(5)
        server.close()
    assert src.state == "stopped"


def test_a_tool_that_is_not_running_yet_is_retried_until_it_is(session):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    src = ObaSource(session.receive_batch, url=f"ws://127.0.0.1:{port}", backoff=Backoff(0.05, 0.2))
    stop = threading.Event()
    t = threading.Thread(target=src.run, args=(stop,), daemon=True)
    t.start()
    try:
        wait_for(lambda: src.errors >= 2)
        assert src.state in ("reconnecting", "connecting")
        assert "连不上 oba-live-tool" in src.last_error and "开始监听" in src.last_error
        server = FakeWsServer([lines("oba")], port=port)
        wait_for(lambda: src.comments == len(expected_ids("oba")))
        assert src.state == "connected"
        server.close()
    finally:
        stop.set()
        t.join(5)


def test_bad_urls_are_refused_in_chinese(session):
    from copilot.base.errors import InputError

    with pytest.raises(InputError, match="不是 WebSocket 地址"):
        ObaSource(session.receive_batch, url="http://127.0.0.1:12354")
    assert ObaSource(session.receive_batch).url == "ws://127.0.0.1:12354"
    assert DouyinGrabSource(session.receive_batch).url == "ws://127.0.0.1:8888"


def test_backoff_grows_and_resets():
    b = Backoff(0.5, 4)
    delays = [b.next() for _ in range(6)]
    assert delays[0] < 0.7 and 3.0 < delays[-1] <= 4.8 and delays[2] > delays[0]
    b.reset()
    assert b.next() < 0.7


# -- wxlivespy's HTTP forward ---------------------------------------------------------------------------

@pytest.fixture
def client(session, catalog):
    return TestClient(create_api(lambda: session, lambda: TOKEN, dict, catalog=catalog))


def test_wxlivespy_forward_takes_each_comment_once(client, session):
    bodies = lines("wxlivespy")
    url = f"/api/sources/wxlivespy?token={TOKEN}"
    for body in bodies + bodies[2:5]:  # wxlivespy sends every event of every poll; some polls again
        r = client.post(url, content=body.encode("utf-8"), headers={"Content-Type": "application/json"})
        assert r.status_code == 200, r.text
    packed = gzip.compress(bodies[-1].encode("utf-8"))
    r = client.post(url, content=packed, headers={"Content-Encoding": "gzip"})
    assert r.status_code == 200 and r.json()["comments"] == 0 and r.json()["duplicates"] > 0
    assert ledger_ids(session) == expected_ids("wxlivespy")
    [st] = hub_for(session).statuses()
    assert (st["kind"], st["state"], st["comments"]) == ("wxlivespy", "connected", 9)
    assert {ln.buyer_key for ln in session.ledger.lines() if ln.buyer == "小雨"} == {
        "id:o9hHn5mHGQsY176KdHz0xdtUx0UJ", "id:o9hHn5wdiuU-jFbhHR8RJRCXqjLe"}


def test_wxlivespy_forward_refuses_what_it_should(client, session):
    body = lines("wxlivespy")[0].encode("utf-8")
    assert client.post("/api/sources/wxlivespy", content=body).status_code == 401
    assert client.post("/api/sources/wxlivespy?token=nope", content=body).status_code == 401
    r = client.post("/api/sources/wxlivespy", content=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200
    r = client.post(f"/api/sources/wxlivespy?token={TOKEN}", content=b'{"comments": []}')
    assert r.status_code == 422 and "events" in r.json()["error"]
    r = client.post(f"/api/sources/wxlivespy?token={TOKEN}", content=b"\x1f\x8bnot gzip")
    assert r.status_code == 422
    big = b'{"events": [' + b" " * 2_100_000 + b"]}"
    assert client.post(f"/api/sources/wxlivespy?token={TOKEN}", content=big).status_code == 413
    bomb = gzip.compress(b'{"events": [' + b" " * 5_000_000 + b"]}")
    assert client.post(f"/api/sources/wxlivespy?token={TOKEN}", content=bomb,
                       headers={"Content-Encoding": "gzip"}).status_code == 422
    assert len(ledger_ids(session)) == 1


# -- copilot live connect -------------------------------------------------------------------------------

def test_a_source_handling_a_slow_batch_is_not_idle():
    """--until-idle counts from the last message received or handled: a batch the session takes long over
    (the evening's first question loads the knowledge base) must not end the run half-way."""
    from copilot.live.sources.base import Source
    from copilot.live.sources.formats import Event

    entered, release = threading.Event(), threading.Event()

    def slow_sink(batch):
        entered.set()
        release.wait(10)
        return []

    src = Source(slow_sink)
    worker = threading.Thread(target=src.feed, args=([Event("comment", "m1", user="阿芳", text="苹果有货吗")],))
    worker.start()
    try:
        assert entered.wait(10)
        time.sleep(0.3)
        assert src.idle_for() == 0.0
    finally:
        release.set()
        worker.join(10)
    assert 0.0 <= src.idle_for() < 5 and src.comments == 1


def test_live_connect_runs_a_source_until_idle(settings, monkeypatch):
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_KNOWLEDGE", str(settings.knowledge_dir))
    frames = lines("douyin-grab")
    server = FakeWsServer([frames[:10], frames + frames[-4:]])
    try:
        out = CliRunner().invoke(app, ["live", "connect", "douyin-grab", "--url", f"ws://127.0.0.1:{server.port}",
                                       "--stream", "s9", "--until-idle", "2"])
    finally:
        server.close()
    assert out.exit_code == 0, out.output
    summary = json.loads([x for x in out.stdout.splitlines() if x.startswith("{")][-1])
    assert summary["source"] == "douyin-grab" and summary["comments"] == 13
    assert summary["orders"] + summary["review"] >= 6 and summary["questions"] >= 1 and summary["duplicates"] >= 4


def test_live_connect_listens_for_wxlivespy(settings, monkeypatch):
    import socket

    import httpx

    from copilot.cli import app

    monkeypatch.setenv("COPILOT_KNOWLEDGE", str(settings.knowledge_dir))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/forward"

    def poster():
        deadline = time.time() + 20
        for body in lines("wxlivespy") * 2:
            while time.time() < deadline:
                try:
                    httpx.post(url + "?token=t1", content=body.encode("utf-8"), timeout=5)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)

    t = threading.Thread(target=poster, daemon=True)
    t.start()
    out = CliRunner().invoke(app, ["live", "connect", "wxlivespy", "--url", url, "--token", "t1",
                                   "--stream", "s8", "--until-idle", "2"])
    t.join(5)
    summary = json.loads([x for x in out.stdout.splitlines() if x.startswith("{")][-1])
    assert summary["comments"] == 9 and summary["duplicates"] > 9, out.output
