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
    def __init__(self, settings: Settings, stream: str | None = None) -> None:
        self.settings = settings
        self._stream = stream
        self._lock = threading.Lock()

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
