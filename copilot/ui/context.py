"""What the workspaces share: settings and the services, created lazily once per app."""

from __future__ import annotations

import threading
from functools import cached_property

from ..catalog import Catalog
from ..config import Settings
from ..llm import describe, get_chat_model


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
        from ..ledger import default_stream

        return self._stream or self.settings.stream or default_stream()

    @cached_property
    def ledger(self):
        from ..ledger import Ledger

        return Ledger.open(self.settings, self.catalog)

    @cached_property
    def kb(self):
        from ..kb import KnowledgeBase

        return KnowledgeBase.open(self.settings, self.catalog)

    @cached_property
    def llm(self):
        return get_chat_model(self.settings)

    @property
    def llm_label(self) -> str:
        return describe(self.settings)
