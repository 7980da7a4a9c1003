"""What every comment source shares: its state for the 来源 panel, counters, dedupe by the platform's
message id, reconnecting with back-off, and handing comments to the live session in batches.

States: 连接中 (connecting), 已连接 (connected), 需要扫码 (needs_scan: the 视频号 console wants a QR
scan), 断开，重连中 (reconnecting), 等待转发 (waiting: an HTTP-fed source before its first post),
已停止 (stopped). ``last_error`` is always plain Chinese for the person at the counter.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from copilot.base.comments import Comment, derived_id
from copilot.base.errors import CopilotError
from copilot.live.sources.formats import Event

log = logging.getLogger(__name__)
STATE_ZH = {"connecting": "连接中", "connected": "已连接", "needs_scan": "需要扫码", "reconnecting": "断开，重连中",
            "waiting": "等待转发", "stopped": "已停止"}
SEEN_SIZE = 100_000  # message ids remembered for dedupe (a long evening's comments and events)
SINK_TRIES = 3


class Backoff:
    """Reconnect delays: ``first`` doubling up to ``most`` seconds, with a little jitter; reset on success."""

    def __init__(self, first: float = 0.5, most: float = 30.0) -> None:
        self.first, self.most, self.n = first, most, 0

    def next(self) -> float:
        delay = min(self.most, self.first * (2 ** self.n))
        self.n += 1
        return delay * random.uniform(0.8, 1.2)

    def reset(self) -> None:
        self.n = 0


class Source:
    """A running comment source. Subclasses implement :meth:`run` (blocking until ``stop`` is set)
    and call :meth:`feed` with decoded events."""

    kind = ""
    label = ""

    def __init__(self, sink: Callable[[list[Comment]], list], *, url: str = "", hosts=(), name: str | None = None,
                 backoff: Backoff | None = None) -> None:
        self.sink = sink
        self.url = url
        self.name = name or self.kind
        self.hosts = {h.strip() for h in hosts if h and h.strip()}  # the host's own replies are no comments
        self.backoff = backoff or Backoff()
        self.state = "stopped"
        self.comments = self.events = self.duplicates = self.errors = 0
        self.orders = self.questions = self.review = 0
        self.last_comment_at: float | None = None
        self.last_message_at: float | None = None
        self._handling = 0  # batches in the sink now: a source busy booking them is not idle
        self.last_error = ""
        self.started_at = time.time()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    # -- to be implemented -------------------------------------------------------------------------

    def run(self, stop: threading.Event) -> None:
        raise NotImplementedError

    # -- state -------------------------------------------------------------------------------------

    def set_state(self, state: str, error: str | None = None) -> None:
        if state != self.state:
            log.info("source %s: %s -> %s %s", self.name, self.state, state, error or "")
        self.state = state
        if error:
            self.fail(error)

    def fail(self, error: str) -> None:
        with self._lock:
            self.errors += 1
            self.last_error = error

    def status(self) -> dict:
        return {"name": self.name, "kind": self.kind, "label": self.label, "url": self.url, "state": self.state,
                "state_zh": STATE_ZH.get(self.state, self.state), "comments": self.comments, "events": self.events,
                "duplicates": self.duplicates, "errors": self.errors, "orders": self.orders,
                "questions": self.questions, "review": self.review, "last_comment_at": self.last_comment_at,
                "last_error": self.last_error}

    # -- messages ----------------------------------------------------------------------------------

    def _first_time(self, key: str) -> bool:
        with self._lock:
            if key in self._seen:
                self._seen.move_to_end(key)
                return False
            self._seen[key] = None
            if len(self._seen) > SEEN_SIZE:
                self._seen.popitem(last=False)
            return True

    def _forget(self, keys: list[str]) -> None:
        with self._lock:
            for k in keys:
                self._seen.pop(k, None)

    def idle_for(self) -> float:
        """Seconds since the source last received or finished handling a message (since it started, if none);
        0 while a batch is being handled, however long the session takes over it (the first question of an
        evening loads the knowledge base)."""
        if self._handling:
            return 0.0
        return max(0.0, time.time() - (self.last_message_at or self.started_at))

    def feed(self, events: list[Event]) -> list:
        """Take decoded events: each message once (by its platform id), the viewers' comments to the
        live session as one batch. Returns the session's outcomes."""
        with self._lock:
            self._handling += 1
        self.last_message_at = time.time()
        try:
            return self._feed(events)
        finally:
            self.last_message_at = time.time()
            with self._lock:
                self._handling -= 1

    def _feed(self, events: list[Event]) -> list:
        comments: list[Comment] = []
        keys: list[str] = []
        for n, ev in enumerate(events):
            key = f"{ev.kind}:{ev.id}" if ev.id else ""
            if key and not self._first_time(key):
                self.duplicates += 1
                continue
            if not ev.is_comment or ev.user in self.hosts:
                self.events += 1
                continue
            cid = ev.id or derived_id(ev.user_id or ev.user, ev.text, ev.at, n)
            comments.append(Comment(id=cid, user=ev.user or "匿名", text=ev.text, user_id=ev.user_id))
            keys.append(key)
        if not comments:
            return []
        return self._deliver(comments, keys)

    def _deliver(self, comments: list[Comment], keys: list[str]) -> list:
        for attempt in range(1, SINK_TRIES + 1):
            try:
                outcomes = self.sink(comments) or []
                break
            except CopilotError as exc:
                error = f"评论没能写进直播间：{exc}"
            except Exception as exc:  # the ledger was busy or failed: try again, then say so
                log.warning("source %s: sink failed (%s), try %d", self.name, exc, attempt)
                error = f"评论没能写进直播间（{type(exc).__name__}），已重试"
            time.sleep(0.2 * attempt)
        else:
            self._forget(keys)  # a re-delivered copy may still be taken
            self.fail(error)
            return []
        with self._lock:
            self.comments += len(comments)
            self.last_comment_at = time.time()
            for o in outcomes:
                status = getattr(o, "status", "")
                self.orders += status == "order"
                self.questions += status == "question"
                self.review += status == "review"
        return outcomes
