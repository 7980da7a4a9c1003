"""The sources of one live session: started and stopped from the 直播间 or ``copilot live connect``,
each in its own background thread, all feeding the same session.

    hub = hub_for(session)
    hub.start("oba")                       # ws://127.0.0.1:12354
    hub.start("douyin-grab", url="ws://192.168.1.8:8888")
    hub.forward().take(body)               # a wxlivespy POST (the HTTP endpoint calls this)
    hub.statuses()                         # what the 来源 panel shows
"""

from __future__ import annotations

import os
import shutil
import threading
import weakref

from copilot.base.errors import InputError
from copilot.live.jobs import Jobs
from copilot.live.sources.base import Source
from copilot.live.sources.channels import ChannelsSource
from copilot.live.sources.forward import ForwardSource
from copilot.live.sources.websocket import DouyinGrabSource, ObaSource

SOURCES: dict[str, type[Source]] = {"wechat-channels": ChannelsSource, "oba": ObaSource,
                                     "douyin-grab": DouyinGrabSource, "wxlivespy": ForwardSource}
LABELS = {k: cls.label for k, cls in SOURCES.items()}
_HUBS: weakref.WeakKeyDictionary[object, SourceHub] = weakref.WeakKeyDictionary()
_HUBS_LOCK = threading.Lock()


def chromium_path() -> str | None:
    """The system's Chromium (Debian's, installed by the set-up), or COPILOT_CHROMIUM."""
    return os.environ.get("COPILOT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def make_source(kind: str, sink, *, settings=None, url: str = "", hosts=(), headless: bool = False) -> Source:
    cls = SOURCES.get(kind)
    if cls is None:
        raise InputError(f"不认识的来源「{kind}」", hint=f"可选：{'、'.join(SOURCES)}")
    if cls is ChannelsSource:
        profile = settings.data_dir / "browser" / "wechat-channels" if settings is not None else None
        return ChannelsSource(sink, url=url, hosts=hosts, profile_dir=profile, headless=headless,
                              executable=chromium_path())
    return cls(sink, url=url, hosts=hosts)


class SourceHub:
    def __init__(self, session, settings=None) -> None:
        self.session = session
        self.settings = settings or getattr(session, "settings", None)
        self.jobs = Jobs()
        self.sources: dict[str, Source] = {}
        self._lock = threading.Lock()

    def _sink(self, comments):
        return self.session.receive_batch(comments)

    def _hosts(self) -> tuple[str, ...]:
        catalog = getattr(self.session, "catalog", None)
        return (catalog.store.name,) if catalog is not None else ()

    def start(self, kind: str, *, url: str = "", headless: bool = False) -> Source:
        """Start (or restart) the source ``kind``; one of each kind at a time."""
        with self._lock:
            if self.jobs.running(kind):
                raise InputError(f"{LABELS.get(kind, kind)} 已经在运行", hint="先点“停止”，再重新连接")
            old = self.sources.get(kind)
            if kind == "wxlivespy" and old is not None:
                source = old
            else:
                source = make_source(kind, self._sink, settings=self.settings, url=url, hosts=self._hosts(),
                                     headless=headless)
            self.sources[kind] = source
            self.jobs.start(kind, source.run)
            return source

    def stop(self, kind: str) -> bool:
        stopped = self.jobs.stop(kind)
        if stopped:
            self.jobs.join(kind, 5)
        return stopped

    def stop_all(self) -> None:
        for kind in list(self.sources):
            self.stop(kind)

    def forward(self) -> ForwardSource:
        """The wxlivespy source, created (and shown in the panel) on its first post."""
        with self._lock:
            source = self.sources.get("wxlivespy")
            if source is None:
                source = ForwardSource(self._sink, hosts=self._hosts())
                self.sources["wxlivespy"] = source
            if not self.jobs.running("wxlivespy"):
                self.jobs.start("wxlivespy", source.run)
            return source

    def statuses(self) -> list[dict]:
        out = []
        for kind, source in list(self.sources.items()):
            st = source.status()
            if not self.jobs.running(kind) and st["state"] != "stopped":
                st.update(state="stopped", state_zh="已停止")
            out.append(st)
        return out


def hub_for(session) -> SourceHub:
    """The one hub of ``session`` (created on first use)."""
    with _HUBS_LOCK:
        hub = _HUBS.get(session)
        if hub is None:
            hub = _HUBS[session] = SourceHub(session)
        return hub
