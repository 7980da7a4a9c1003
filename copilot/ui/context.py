"""What the workspaces share: settings and the services, created lazily once per app,
plus who is signed in (role checks for the owner-only actions)."""

from __future__ import annotations

import logging
import threading
from functools import cached_property

from copilot.base.catalog import Catalog
from copilot.base.llm import describe, get_chat_model
from copilot.base.settings import Settings

log = logging.getLogger(__name__)


class AppContext:
    """``ctx.session`` / ``ctx.ledger`` are tonight's 场次 (the one the HTTP intake and the sources feed);
    ``session_for`` / ``ledger_for`` give any other 场次 a page has picked, e.g. the rehearsal one."""

    def __init__(self, settings: Settings, stream: str | None = None) -> None:
        self.settings = settings
        self._stream = stream
        self._lock = threading.Lock()
        self._sessions: dict[str, object] = {}
        self._ledgers: dict[str, object] = {}

    @cached_property
    def catalog(self) -> Catalog:
        return Catalog.load(self.settings.knowledge_dir)

    def reload_catalog(self) -> Catalog:
        self.__dict__.pop("catalog", None)
        return self.catalog

    @property
    def stream(self) -> str:
        from copilot.orders.ledger import default_stream

        return self._stream or self.settings.stream or default_stream()

    @cached_property
    def ledger(self):
        from copilot.orders.ledger import Ledger

        return Ledger.open(self.settings, self.catalog, self._stream)

    @cached_property
    def kb(self):
        from copilot.knowledge.kb import KnowledgeBase

        return KnowledgeBase.open(self.settings, self.catalog, stock=self.ledger.remaining)

    @cached_property
    def llm(self):
        return get_chat_model(self.settings)

    @property
    def llm_label(self) -> str:
        return describe(self.settings)

    @cached_property
    def session(self):
        """The live-room session of this app: the UI, the replay thread and the HTTP intake share it."""
        from copilot.live.session import LiveSession

        with self._lock:
            if "session" in self.__dict__:
                return self.__dict__["session"]
            session = LiveSession(self.settings, self.catalog, self.ledger, kb=self.kb, llm=self.llm,
                                  stream=self.stream)
        try:  # after a restart mid-stream the feed shows what was already handled
            session.restore()
        except Exception as exc:
            log.warning("could not restore the live feed: %s", exc)
        return session

    @property
    def rehearsal_stream(self) -> str:
        from copilot.orders.ledger import rehearsal_stream

        return rehearsal_stream()

    def streams(self) -> list[str]:
        """The 场次 a page may pick: tonight's, today's rehearsal, then every other one the ledger has."""
        from copilot.orders.ledger import known_streams

        return list(dict.fromkeys([self.stream, self.rehearsal_stream, *known_streams(self.ledger.engine)]))

    def ledger_for(self, stream: str | None):
        if not stream or stream == self.stream:
            return self.ledger
        from copilot.orders.ledger import Ledger

        with self._lock:
            if stream not in self._ledgers:
                self._ledgers[stream] = Ledger.open(self.settings, self.catalog, stream)
            return self._ledgers[stream]

    def session_for(self, stream: str | None):
        """The live session of ``stream``; another 场次 than tonight's gets its own (rehearsals, replays)."""
        if not stream or stream == self.stream:
            return self.session
        from copilot.live.session import LiveSession

        ledger = self.ledger_for(stream)
        with self._lock:
            if stream not in self._sessions:
                session = LiveSession(self.settings, self.catalog, ledger, kb=self.kb, llm=self.llm, stream=stream)
                session.restore()
                self._sessions[stream] = session
            return self._sessions[stream]

    def clear_rehearsal(self, stream: str) -> int:
        """Empty a rehearsal 场次: its ledger rows, its live events, its in-memory session."""
        n = self.ledger_for(stream).clear_rehearsal()
        session = self._sessions.pop(stream, None)
        if session is not None and session.events is not None:
            session.events.clear()
        else:
            from copilot.live.events import EventLog

            EventLog(self.ledger_for(stream).engine, stream).clear()
        return n

    def warm_up(self) -> threading.Thread:
        """Load the knowledge base in the background so the first question is answered quickly."""
        def run() -> None:
            try:
                self.kb.ensure_ready()
            except Exception as exc:  # logged; the first question will report it clearly
                log.warning("knowledge base warm-up failed: %s", exc)

        t = threading.Thread(target=run, name="kb-warm-up", daemon=True)
        t.start()
        return t

    # -- accounts and roles ---------------------------------------------------------------------

    @cached_property
    def accounts(self):
        from copilot.live.auth import Accounts

        return Accounts.load(self.settings)

    @cached_property
    def api_token(self) -> str:
        from copilot.live.auth import api_token

        return api_token(self.settings)

    def user(self, request=None) -> str | None:
        return getattr(request, "username", None) if request is not None else None

    def actor(self, request=None) -> str:
        """Who did an action, for undo: the signed-in name, or 本机 (the store PC without sign-in)."""
        return self.user(request) or "本机"

    def role(self, request=None) -> str:
        """owner / assistant of the signed-in user; without accounts (localhost) everyone is the owner."""
        return self.accounts.role_of(self.user(request))

    def is_owner(self, request=None) -> bool:
        from copilot.live.auth import OWNER

        return self.role(request) == OWNER

    def require_owner(self, request=None, what: str = "修改商品、价格、库存或知识库") -> None:
        """Call at the top of an owner-only handler: an assistant gets a clear gr.Error."""
        from copilot.live.auth import PermissionDenied, require_owner

        try:
            require_owner(self.role(request), what)
        except PermissionDenied as exc:
            import gradio as gr

            raise gr.Error(str(exc)) from None
