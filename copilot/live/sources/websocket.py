"""The WebSocket forwarders sellers already run: oba-live-tool (default ws://127.0.0.1:12354) and
DouyinBarrageGrab (default ws://127.0.0.1:8888). Both are servers that push one JSON text frame per
message to every connected client, keep nothing for a client that was away, and come and go with the
seller's tool; so we connect as a client and reconnect with back-off. We never send a text frame
(DouyinBarrageGrab reads inbound text as commands: Cmd 1 shuts it down)."""

from __future__ import annotations

import json
import logging
import threading
import time
from urllib.parse import urlparse

from copilot.base.errors import InputError
from copilot.live.sources.base import Source
from copilot.live.sources.formats import decode_douyin, decode_oba

log = logging.getLogger(__name__)
MAX_FRAME = 1_000_000
BATCH_FRAMES = 200      # frames handed to the session together when they arrive in a burst
BATCH_SECONDS = 0.05


def check_ws_url(url: str, default: str) -> str:
    url = (url or default).strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("ws", "wss") or not parsed.hostname:
        raise InputError(f"地址「{url[:80]}」不是 WebSocket 地址", hint=f"写成 {default} 这样，以 ws:// 开头")
    return url


class WebSocketSource(Source):
    default_url = ""
    tool = ""
    hint = ""

    def __init__(self, sink, *, url: str = "", **kw) -> None:
        super().__init__(sink, url=check_ws_url(url, self.default_url), **kw)

    def decode(self, obj) -> list:
        raise NotImplementedError

    def run(self, stop: threading.Event) -> None:
        from websockets.exceptions import WebSocketException
        from websockets.sync.client import connect

        first = True
        while not stop.is_set():
            self.set_state("connecting" if first else "reconnecting")
            try:
                with connect(self.url, open_timeout=5, max_size=MAX_FRAME, ping_interval=20, ping_timeout=20,
                             close_timeout=1) as ws:
                    self.set_state("connected")
                    self.backoff.reset()
                    self._read(ws, stop)
                if not stop.is_set():
                    self.fail(f"{self.tool} 断开了连接，正在重连")
            except (OSError, TimeoutError, WebSocketException) as exc:
                self.fail(self._explain(exc))
            first = False
            if stop.wait(self.backoff.next()):
                break
        self.set_state("stopped")

    def _read(self, ws, stop: threading.Event) -> None:
        from websockets.exceptions import ConnectionClosed

        while not stop.is_set():
            try:
                frame = ws.recv(timeout=0.5)
            except TimeoutError:
                continue
            except ConnectionClosed:
                return
            frames, deadline, closed = [frame], time.monotonic() + BATCH_SECONDS, False
            while len(frames) < BATCH_FRAMES and time.monotonic() < deadline:
                try:
                    frames.append(ws.recv(timeout=0))
                except TimeoutError:
                    break
                except ConnectionClosed:  # what already arrived is still taken
                    closed = True
                    break
            self._take(frames)
            if closed:
                return

    def _take(self, frames: list) -> None:
        events = []
        for frame in frames:
            try:
                obj = json.loads(frame)
            except (json.JSONDecodeError, RecursionError, TypeError):
                self.fail(f"收到一条看不懂的消息（不是 JSON）：{str(frame)[:40]}")
                continue
            events += self.decode(obj)
        if events:
            self.feed(events)

    def _explain(self, exc: Exception) -> str:
        if isinstance(exc, ConnectionRefusedError) or "refused" in str(exc).lower():
            return f"连不上 {self.tool}（{self.url}）：{self.hint}"
        if isinstance(exc, TimeoutError) or "timed out" in str(exc).lower():
            return f"连接 {self.tool}（{self.url}）超时：请检查地址和端口，以及两台电脑是否在同一网络"
        return f"和 {self.tool} 的连接断了（{type(exc).__name__}），正在重连"


class ObaSource(WebSocketSource):
    kind = "oba"
    label = "oba-live-tool"
    tool = "oba-live-tool"
    default_url = "ws://127.0.0.1:12354"
    hint = "请确认 oba 已打开、在“自动回复”里开启了 WebSocket 转发（端口 12354），并点了“开始监听”"

    def decode(self, obj) -> list:
        return decode_oba(obj)


class DouyinGrabSource(WebSocketSource):
    kind = "douyin-grab"
    label = "抖音弹幕抓取（DouyinBarrageGrab）"
    tool = "DouyinBarrageGrab"
    default_url = "ws://127.0.0.1:8888"
    hint = "请确认 DouyinBarrageGrab 已运行（端口 8888），并且直播间或直播伴侣是在它启动之后打开的"

    def decode(self, obj) -> list:
        return decode_douyin(obj)
