"""The in-memory search index over the ingested chunks (BM25 + dense vectors) and the chromadb client.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from copilot.base.errors import KnowledgeError
from copilot.base.settings import Settings
from copilot.knowledge.docs import Chunk, seq_of
from copilot.knowledge.kinds import PassageType, passage_type
from copilot.knowledge.text import BM25Index, tokens

ANN_MIN_CHUNKS = 50_000       # above this many chunks dense search goes to chroma's HNSW index


@dataclass
class Hit:
    idx: int
    chunk: Chunk
    score: float
    dense: float
    chosen: bool = False   # the passage that answers (a second one only completes it)
    rank: tuple = ()       # how well it answers, for the judge (lower is better)


class Index:
    """One consistent snapshot of the stored chunks (text, BM25, vectors); replaced whole after an
    ingest, so a question answered during a re-ingest sees either the old or the new knowledge."""

    def __init__(self, rows: list[tuple], strip=None) -> None:
        """``rows``: (id, text, metadata, vector); ``strip`` removes product names before a passage is typed
        (希腊式酸奶 does not make a price line about taste)."""
        strip = strip or (lambda t: t)
        rows = sorted(rows, key=lambda r: (r[2].get("doc", ""), seq_of(r[0])))
        self.chunks = [Chunk(id=cid, text=doc, **{k: m.get(k, "") or "" for k in
                                                   ("doc", "file", "sku", "kind", "section", "title", "hash", "key",
                                                    "layout")})
                       for cid, doc, m, _v in rows]
        # the query side keeps a copy of the vectors: exact cosine for every candidate it scores
        self.vectors = (np.asarray([r[3] for r in rows], dtype=np.float32) if rows
                        else np.zeros((0, 1), dtype=np.float32))
        # what each passage speaks of (aspects) and the kinds of value it holds
        self.types: list[PassageType] = [passage_type(strip(c.section), strip(c.key), strip(c.text))
                                         for c in self.chunks]
        self.by_topic: dict[str, set[int]] = {}
        for i, t in enumerate(self.types):
            for a in t.aspects:
                self.by_topic.setdefault(a, set()).add(i)
        self.by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self.by_sku: dict[str, set[int]] = {}
        for i, c in enumerate(self.chunks):
            self.by_sku.setdefault(c.sku, set()).add(i)
        self.bm25 = BM25Index([tokens(c.search_text) for c in self.chunks])
        self.corpus = "\n".join(f"{c.section}：{c.text}" for c in self.chunks)  # is a word used at all
        chunks = self.chunks
        self.lead = {i for i, c in enumerate(chunks)
                     if i == 0 or (chunks[i - 1].doc, chunks[i - 1].section) != (c.doc, c.section)}

    def hit(self, i: int, score: float, dense: float) -> Hit:
        return Hit(i, self.chunks[i], score, dense)


def chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        from urllib.parse import urlparse

        u = urlparse(settings.chroma_url)
        if not u.hostname:
            raise KnowledgeError(f"COPILOT_CHROMA_URL 无效：{settings.chroma_url}",
                                 hint="写成 http://主机:端口，例如 http://127.0.0.1:8000")
        return chromadb.HttpClient(host=u.hostname, port=u.port or (443 if u.scheme == "https" else 8000),
                                   ssl=u.scheme == "https", settings=chroma_settings)
    path = settings.data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
