"""wxlivespy's HTTP forward: it POSTs one body per 视频号 console poll, ``{"host_info", "live_info",
"events": [...]}``, to a URL the seller sets (its ``forward_url``; wxlivespy's default is
http://127.0.0.1:8000/forward). Events repeat from poll to poll, so each is taken once, by its
``msg_id`` (``live_id#seq`` when it has none). The body may come gzipped (``gzip_forward_data``).

The app takes it at ``POST /api/sources/wxlivespy?token=<令牌>`` (wxlivespy cannot add a header, so
the token may ride in the URL); ``copilot live connect wxlivespy`` listens on wxlivespy's default URL.
"""

from __future__ import annotations

import json
import threading
import zlib

from copilot.base.errors import InputError
from copilot.live.sources.base import Source
from copilot.live.sources.formats import decode_wxlivespy

MAX_BODY_BYTES = 2_000_000
DEFAULT_URL = "http://127.0.0.1:8000/forward"


def read_body(raw: bytes, encoding: str = "") -> dict:
    """A forward body, gunzipped within the size limit and checked to be wxlivespy's shape."""
    if "gzip" in (encoding or "").lower() or raw[:2] == b"\x1f\x8b":
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            raw = inflate.decompress(raw, MAX_BODY_BYTES + 1)
        except zlib.error:
            raise InputError("转发的内容是损坏的 gzip", hint="在 wxlivespy 里关掉 gzip_forward_data 再试") from None
    if len(raw) > MAX_BODY_BYTES:
        raise InputError(f"转发的内容太大（超过 {MAX_BODY_BYTES // 1_000_000} MB）", hint="这不像 wxlivespy 的转发")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise InputError("转发的内容不是有效的 JSON", hint="wxlivespy 的 forward_url 要指向这里，其他程序请用 /api/comments") \
            from None
    if not isinstance(body, dict) or not isinstance(body.get("events"), list):
        raise InputError("转发的内容里没有 events 列表", hint="这里只接收 wxlivespy 的转发；其他程序请用 /api/comments")
    return body


class ForwardSource(Source):
    """Fed by HTTP posts (the app's endpoint or the CLI's listener); its run() only keeps it alive."""

    kind = "wxlivespy"
    label = "wxlivespy 转发"

    def __init__(self, sink, *, url: str = "", **kw) -> None:
        super().__init__(sink, url=url or DEFAULT_URL, **kw)
        self.state = "waiting"
        self.live_id = ""
        self._posts = threading.Lock()  # posts are taken one at a time, in arrival order

    def run(self, stop: threading.Event) -> None:
        if self.state == "stopped":
            self.set_state("waiting")
        stop.wait()
        self.set_state("stopped")

    def take(self, raw: bytes, encoding: str = "") -> dict:
        """One POST body -> the session; returns what happened, for the reply."""
        try:
            body = read_body(raw, encoding)
        except InputError as exc:
            self.fail(exc.message)
            raise
        live = body.get("live_info") if isinstance(body.get("live_info"), dict) else {}
        self.live_id = str(live.get("live_id") or self.live_id)
        self.set_state("connected")
        with self._posts:
            before = (self.comments, self.duplicates, self.events)
            outcomes = self.feed(decode_wxlivespy(body))
            return {"events": len(body["events"]), "comments": self.comments - before[0],
                    "duplicates": self.duplicates - before[1], "other": self.events - before[2],
                    "outcomes": [o.to_dict() for o in outcomes if hasattr(o, "to_dict")]}
