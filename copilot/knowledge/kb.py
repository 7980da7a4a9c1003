"""The product knowledge base: ingest the knowledge dir into chromadb, hybrid retrieval
(dense e5 sentences + BM25 over jieba tokens, fused, product-aware) and typed, grounded answers.

    kb = KnowledgeBase.open(settings, catalog, stock=ledger.remaining)
    kb.ingest(progress)                       # incremental: changed files replaced, deleted removed
    kb.answer("酸奶保质期多久", current_sku="yogurt", user="王阿姨")
    -> Answer(answered=True, text="@王阿姨 酸奶保质期 21 天，冷藏。", aspect="storage", kind="duration",
              value="21 天", why="问的是：储存 · 时长；依据：notes/yogurt.md「保质期」；...", sources=[...])

A passage answers only when it is about the product asked (or the store), about the aspect asked and
holds a value of the kind asked (``judge.Judge``). Price, stock, limit, link and spec are answered live
from the catalog and the ``stock`` callable, never from retrieved text or a model; the spec only answers
what it holds (按盒卖 is no answer to 一盒几个). A question the knowledge does not cover is refused
(``answered=False``, reason ``not_in_kb``) so the live room hands it to a person.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path

import numpy as np

from copilot.base.catalog import Catalog
from copilot.base.errors import InputError, KnowledgeError
from copilot.base.progress import Progress
from copilot.base.settings import Settings
from copilot.knowledge.asking import Asking
from copilot.knowledge.conditions import conditioned_clause
from copilot.knowledge.decides import decides
from copilot.knowledge.docs import LIVE_KEYS, Chunk, build_docs, short_name
from copilot.knowledge.embeddings import CachedEmbedder, get_embedder
from copilot.knowledge.grouping import QuestionGrouper
from copilot.knowledge.index import ANN_MIN_CHUNKS, Hit, Index, chroma_client
from copilot.knowledge.judge import Judge
from copilot.knowledge.parts import pick as part_pick
from copilot.knowledge.question import (
    Question,
    analyse,
    clean_question,
    guard,
    unglued,
    word_in,
)
from copilot.knowledge.records import REFUSAL_TEXT, Answer, Source
from copilot.knowledge.replies import phrase, the_value, why_answered, why_refused
from copilot.knowledge.rewrite import llm_answer
from copilot.knowledge.shelf import Shelf
from copilot.knowledge.store_rules import rule_answer, rule_clause
from copilot.knowledge.text import add_words, ask_words, content_hash, overlap, tokens
from copilot.knowledge.wordlists import lexicon

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 300
# Calibrated on the tuning sets (evals/data/kb_questions.jsonl, 289 questions, `python -m evals.kb --calibrate`;
# the five tuning stores, 523 questions, `python -m evals.kb_stores`): the share of a question's residual
# content words the answering passage must contain, once product, aspect and kind of value match (0.6:
# demo 87.9% answered / 100% refused, stores 98.1% / 100%; 0.55 answers three more demo questions but sits
# at the edge: 0.5 lets 6% of the demo's and 5% of the stores' unanswerable questions through; 0.67 refuses
# 5% more answerable ones), and the minimum dense cosine, which depends on the embedding model (flat for
# e5-small up to 0.80; unknown models: none).
MIN_COVERAGE = 0.6
MIN_DENSE = {"e5-small": 0.80}
RRF_K = 60
TOPIC_BOOST = 1.5 / RRF_K
PRODUCT_BOOST = 0.5 / RRF_K
OVERLAP_BOOST = 1.0 / RRF_K   # times the share of the question's words found in the sentence itself
LEAD_BOOST = 0.3 / RRF_K      # the first sentence of a section usually states its point
CUE_BOOST = 1.0 / RRF_K       # the sentence holds the kind of value asked (a time, a duration, a place)
DENSE_BOOST = 10.0 / RRF_K    # times the e5 cosine above DENSE_FLOOR: closeness in meaning breaks ties
DENSE_FLOOR = 0.85


class KnowledgeBase(Asking):
    def __init__(self, settings: Settings, catalog: Catalog, embedder, stock=None, client=None) -> None:
        self.settings = settings
        self.catalog = catalog
        self.embedder = embedder
        self._client = client
        self._collection = None
        self._ix = Index([])
        self._loaded = False
        self._lock = threading.RLock()  # one ingest / index load at a time; answers never wait on it
        self.judge = Judge(catalog, MIN_COVERAGE, MIN_DENSE.get(getattr(embedder, "name", ""), 0.0))
        self.shelf = Shelf(catalog, stock)

    stock = property(lambda self: self.shelf.stock, lambda self, v: setattr(self.shelf, "stock", v))
    # the two refusal thresholds (``evals.kb --calibrate`` sets them)
    min_coverage = property(lambda self: self.judge.min_coverage,
                            lambda self, v: setattr(self.judge, "min_coverage", v))
    min_dense = property(lambda self: self.judge.min_dense, lambda self, v: setattr(self.judge, "min_dense", v))

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings, catalog: Catalog, *, embedder=None, stock=None) -> "KnowledgeBase":
        emb = CachedEmbedder(embedder if embedder is not None else get_embedder(settings))
        return cls(settings, catalog, emb, stock=stock)

    @property
    def chunks(self) -> list[Chunk]:
        return self._ix.chunks

    @property
    def root(self) -> Path:
        return Path(self.catalog.root) if self.catalog.root else self.settings.knowledge_dir

    @property
    def collection(self):
        if self._collection is None:
            client = self._client or chroma_client(self.settings)
            slug = re.sub(r"[^A-Za-z0-9._-]+", "-", self.embedder.name).strip("-.")[:40] or "emb"
            name = f"kb-{slug}-{content_hash(str(self.root.resolve()))[:8]}"
            try:
                self._collection = client.get_or_create_collection(
                    name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}})
            except Exception as exc:
                raise KnowledgeError(f"无法打开知识库向量库：{exc}",
                                     hint="检查数据目录权限，或 COPILOT_CHROMA_URL 指向的 Chroma 服务") from exc
        return self._collection

    # -- ingest --------------------------------------------------------------------------------

    def ingest(self, progress: Progress | None = None) -> dict:
        """Bring the store in line with the knowledge dir: new/changed docs (by content hash)
        re-read, deleted ones removed; sentences an edit left as they were keep their vectors."""
        with self._lock:
            return self._ingest(progress or (lambda f, m: None))

    def _ingest(self, progress: Progress) -> dict:
        if self.catalog.root is not None and (Path(self.catalog.root) / "products.yaml").exists():
            self.catalog = Catalog.load(self.catalog.root)  # pick up edits to products.yaml
            self.judge.catalog = self.shelf.catalog = self.catalog
        progress(0.02, "读取知识库文件")
        docs = build_docs(self.catalog, self.root)
        existing = self._existing_docs()
        stale = [d for d in existing if d not in docs or existing[d][0] != docs[d][0].hash]
        todo = [d for d in docs if d not in existing or existing[d][0] != docs[d][0].hash]
        removed = sum(len(existing[d][1]) for d in stale)
        reuse = self._vectors_of([cid for d in stale for cid in existing[d][1]])
        for d in stale:
            self.collection.delete(ids=existing[d][1])
        added = self._embed_docs([c for d in todo for c in docs[d]], progress, reuse)
        unchanged = sum(len(v) for d, v in docs.items() if d not in todo)
        self._load_index()
        progress(1.0, "导入完成")
        stats = {"products": len(self.catalog), "chunks": len(self.chunks), "added": added,
                 "removed": removed, "unchanged": unchanged}
        log.info("kb ingest %s", stats)
        return stats

    def _existing_docs(self) -> dict[str, tuple[str, list[str]]]:
        got = self.collection.get(include=["metadatas"])
        out: dict[str, tuple[str, list[str]]] = {}
        for cid, meta in zip(got["ids"], got["metadatas"]):
            h, ids = out.get(meta["doc"], (meta["hash"], []))
            ids.append(cid)
            out[meta["doc"]] = (h, ids)
        return out

    def _vectors_of(self, ids: list[str]) -> dict[str, list[float]]:
        """search text -> stored vector of the chunks about to be replaced: an edit re-embeds only the
        sentences it changed."""
        if not ids:
            return {}
        got = self.collection.get(ids=ids, include=["documents", "metadatas", "embeddings"])
        out = {}
        for cid, doc, meta, vec in zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"]):
            c = Index([(cid, doc, meta, vec)]).chunks[0]
            if not (c.layout == "fact" and c.key in LIVE_KEYS):   # those hold their product line's vector
                out.setdefault(c.search_text, list(map(float, vec)))
        return out

    def _embed_docs(self, chunks: list[Chunk], progress: Progress, reuse: dict, batch: int = 64) -> int:
        for i in range(0, len(chunks), batch):
            part = chunks[i:i + batch]
            new = list(dict.fromkeys(c.vector_text for c in part if c.vector_text not in reuse))
            vecs = dict(zip(new, self.embedder.passage(new))) if new else {}
            self.collection.upsert(
                ids=[c.id for c in part], documents=[c.text for c in part], metadatas=[c.metadata() for c in part],
                embeddings=[list(map(float, reuse.get(c.vector_text) or vecs[c.vector_text])) for c in part])
            done = min(i + batch, len(chunks))
            progress(0.05 + 0.9 * done / max(len(chunks), 1), f"向量化 {done}/{len(chunks)} 段：{part[-1].file}")
        return len(chunks)

    def _load_index(self) -> None:
        got = self.collection.get(include=["documents", "metadatas", "embeddings"])
        self._use_words()
        self._ix = Index(list(zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"])),
                         strip=self.judge.nameless)
        self._loaded = True

    def _use_words(self) -> None:
        """jieba cuts with this store's product names (and no other store's)."""
        if getattr(self, "_words_of", None) is not self.catalog:
            self._words_of, self._words = self.catalog, frozenset(n for p in self.catalog.products for n in p.names)
        add_words(self._words)

    def ensure_ready(self, progress: Progress | None = None) -> None:
        """Load the index from the store; ingest first when the store is empty."""
        if self._loaded and self.chunks:
            return
        with self._lock:
            if self._loaded and self.chunks:
                return
            self._load_index()
            if not self.chunks:
                log.info("knowledge base empty, ingesting %s", self.root)
                self.ingest(progress)

    # -- retrieval -----------------------------------------------------------------------------

    def search(self, query: str, current_sku: str | None = None, k: int = 5) -> list[Source]:
        text = ask_words(clean_question(query))
        if not text:
            raise InputError("问题是空的", hint="输入要查的问题，例如“芒果甜不甜”")
        self._use_words()
        self.ensure_ready()
        products, names = self._products_in(text)
        q = analyse(text, names)
        targets = self._targets(products, current_sku)
        return [_source(h) for h in self._retrieve(self._ix, text, q, targets, names)[:k]]

    def _retrieve(self, ix: Index, text: str, q: Question, targets: list[str], names: list[str] = (),
                  n: int = 40) -> list[Hit]:
        """Dense (e5 sentences) and BM25 candidates, every in-scope passage of the aspects asked and every
        passage of the products asked, fused by reciprocal rank and boosted for aspect, product, kind of
        value, lead sentence and word overlap."""
        if not ix.chunks:
            return []
        scope = None
        if targets:
            scope = set(ix.by_sku.get("", set()))
            for sku in targets:
                scope |= ix.by_sku.get(sku, set())
        qvec = np.asarray(self.embedder.query(text), dtype=np.float32)
        toks = tokens(text)
        bm = ix.bm25.scores(toks, allowed=scope)
        fused: dict[int, float] = {}
        for ranked in (self._dense(ix, qvec, targets, scope, n), sorted(bm, key=lambda i: -bm[i])[:n]):
            for rank, i in enumerate(ranked):
                fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank + 1)
        pool = set().union(*(ix.by_topic.get(t, set()) for t in q.topics)) if q.topics else set()
        # with no product asked, only the store's passages of the aspect (a product's cannot answer)
        for i in sorted(pool & (scope if scope is not None else ix.by_sku.get("", set())))[:300]:
            fused.setdefault(i, 0.0)
        for sku in targets[:3]:
            for i in sorted(ix.by_sku.get(sku, set()))[:200]:
                fused.setdefault(i, 0.0)
        ids = list(fused)
        cos = ix.vectors[ids] @ qvec if ids else np.zeros(0)
        topics = set(q.topics) | set(q.soft)
        words = [w for w in toks if not w.startswith("#") and w not in names]
        words += [w for t in topics for w in lexicon().aspects[t].heading[:1]]  # 取货 -> 自提: the heading word
        named = [n for s in targets for n in (self.catalog.get(s).names if self.catalog.get(s) else ())]
        for j, i in enumerate(ids):
            fused[i] += self._boost(ix, i, q, topics, targets, words, named) + \
                DENSE_BOOST * max(0.0, float(cos[j]) - DENSE_FLOOR)
        order = sorted(range(len(ids)), key=lambda j: -fused[ids[j]])
        return [ix.hit(ids[j], fused[ids[j]], float(cos[j])) for j in order]

    @staticmethod
    def _boost(ix: Index, i: int, q: Question, topics: set[str], targets: list[str], words: list[str],
               named: list[str]) -> float:
        c, t = ix.chunks[i], ix.types[i]
        boost = OVERLAP_BOOST * overlap(words, f"{c.key} {c.text}")
        if topics & (t.head or t.aspects):  # a heading that names another aspect outweighs passing words
            boost += TOPIC_BOOST
        if c.sku and c.sku in targets or not c.sku and topics & lexicon().store_aspects:
            boost += PRODUCT_BOOST
        elif not c.sku and targets and any(n in c.key or n in c.text for n in named):
            boost += PRODUCT_BOOST   # a store rule that names the product (散装称重的（小米、绿豆）)
        if i in ix.lead:
            boost += LEAD_BOOST
        if q.kind in t.values:
            boost += CUE_BOOST
        return boost

    def _dense(self, ix: Index, qvec, targets: list[str], scope: set[int] | None, n: int) -> list[int]:
        """Nearest chunks within the scope (the products asked about + store-wide knowledge).

        Up to ANN_MIN_CHUNKS chunks this is an exact dot product over the in-memory vectors (about a
        millisecond for 10,000 chunks); above it, chroma's HNSW index answers with a ``where`` filter."""
        if len(ix.chunks) > ANN_MIN_CHUNKS:
            return self._dense_chroma(ix, qvec, targets, n)
        idx = np.fromiter(scope, dtype=np.int64) if scope is not None else np.arange(len(ix.chunks))
        if not len(idx):
            return []
        sims = ix.vectors[idx] @ qvec
        top = np.argpartition(-sims, min(n, len(idx)) - 1)[:n] if len(idx) > n else np.arange(len(idx))
        return [int(idx[j]) for j in top[np.argsort(-sims[top])]]

    def _dense_chroma(self, ix: Index, qvec, targets: list[str], n: int) -> list[int]:
        where = {"sku": {"$in": [*targets, ""]}} if targets else None
        try:
            res = self.collection.query(query_embeddings=[qvec.tolist()], n_results=min(n, len(ix.chunks)),
                                        where=where, include=[])
        except Exception as exc:
            raise KnowledgeError(f"知识库检索失败：{exc}", hint="运行 copilot kb ingest 重新导入知识库") from exc
        return [ix.by_id[cid] for cid in res["ids"][0] if cid in ix.by_id]

    # -- answers -------------------------------------------------------------------------------

    def answer(self, question: str, current_sku: str | None = None, user: str | None = None,
               llm=None) -> Answer:
        text = ask_words(clean_question(question or ""))
        if not text:
            raise InputError("问题是空的", hint="输入要回答的问题，例如“芒果甜不甜”")
        if len(text) > MAX_QUESTION_CHARS:
            raise InputError(f"问题太长（{len(text)} 个字）", hint=f"每个问题不超过 {MAX_QUESTION_CHARS} 个字")
        start = time.perf_counter()
        result, q = self._answer(self._store_as_shop(text), current_sku, user)   # 托管班在哪: the store, as 店在哪
        if llm is not None and result.answered and result.mode == "extractive":
            result = llm_answer(llm, self.catalog, self.shelf, self.min_coverage, text, user, result, q)
        log.debug("answer mode=%s reason=%s kind=%s aspect=%s ms=%.1f", result.mode, result.reason, result.kind,
                  result.aspect, (time.perf_counter() - start) * 1000)
        return result

    def _answer(self, text: str, current_sku: str | None, user: str | None) -> tuple[Answer, Question | None]:
        prefix = f"@{user} " if user else ""
        self._use_words()
        products, names = self._products_in(text, bool(current_sku) and self.catalog.get(current_sku) or False)
        products, names, q = self._on_air_parts(text, products, names, current_sku)   # 电池能用多久 of a lock
        named = [p for _s, _e, p in self.catalog.mentions(text) if p in products]
        if q.injection:
            return Answer(False, REFUSAL_TEXT, [], reason="injection", mode="refused",
                          why="评论里夹带指令，不照做，交给助理"), q
        if q.off_topic and not products and not set(q.topics) & lexicon().store_aspects and \
                not self._off_topic_of_store(q, current_sku):   # 下雨开门吗: the hours
            return Answer(False, "", [], reason="off_topic", mode="refused", why="与店铺无关，不回答"), q
        self._link_only(q, text)
        missing = self.shelf.missing_links(text, q, products)
        if missing:
            return self.shelf.missing_link_answer(missing, prefix), q
        family = self.shelf.family(text, prefix)
        if family is not None:   # 有几种豆浆: the catalog's products of that family
            return family, q
        if not products and guard("sells").search(text):  # 有没有酸奶卖: not in the catalog, the owner says
            return Answer(False, REFUSAL_TEXT, [], reason="not_in_kb", mode="refused",
                          why="商品目录里没有这个商品，交给店主回答"), q
        targets = self._targets(products, current_sku, q)
        size = self.shelf.other_size(text, targets)
        if size:  # 8寸的多少钱 of a 6 寸 cake: a product the catalog does not have
            return Answer(False, REFUSAL_TEXT, [], reason="not_in_kb", mode="refused",
                          why=f"商品目录里这个商品没有「{size}」的，交给助理回答"), q
        variant = self._variant(q, text, targets)
        self.ensure_ready()
        parts = self._keys_of(q, targets)   # 猪肉 of 猪肉水饺
        q.residual = self._drop_product_words(q.residual, targets, any(p.sku in targets for p in named), q.text,
                                              parts, tuple(q.topics), q.kind)
        q.residual += [[variant]] if variant else []   # the notes must say the variant asked
        self._link_only(q, text)
        final, catalog, used = self.shelf.part(q, products, targets, prefix, self.min_coverage)
        if final is not None:
            return final, q
        if catalog is not None:  # the catalog says the price; the notes must say the rest, of its own kind
            q.retype(used)
        ix = self._ix
        q.residual = unglued(q.residual, ix.corpus)   # 水能浇花吗: 水 + 能, not the word 水能
        q.unknown = {w for g in q.residual for w in g if not word_in(w, ix.corpus)}
        if (refused := self._other_kind_refused(q, targets, ix.corpus)) is not None:
            return refused, q   # 门把手能换吗 of a 窗户把手 券 whose notes never say 门把手
        hits = self._retrieve(ix, text, q, targets, names)
        picked = part_pick(self.judge, ix, q, hits, targets)   # a part's attribute: its own row or clause
        if not picked and q.second_reading():   # 双人被加多少: no amount put in, the sum the case adds
            hits = self._retrieve(ix, text, q, targets, names)
            picked = part_pick(self.judge, ix, q, hits, targets)
        subject = short_name(self.catalog.get(targets[0])) if targets and self.catalog.get(targets[0]) else ""
        if not picked or not decides(self.judge, q, picked):   # a related passage that does not decide: hand over
            return self._unpicked(q, hits, targets, prefix, subject), q
        return self._extractive(ix, q, picked, hits, catalog, prefix), q

    def _extractive(self, ix: Index, q: Question, picked: list[Hit], hits: list[Hit], catalog, prefix: str) -> Answer:
        """The reply quoting the picked passages (after the catalog's price, when it says that part), its sources, and
        why: the aspect, the kind of value and the passage that answered."""
        reply = "".join(phrase(h.chunk, self.catalog.get(h.chunk.sku) if h.chunk.sku else None,
                               subject=i == 0 and not catalog) for i, h in enumerate(picked))
        rest = [h for h in hits[:5] if h.idx not in {c.idx for c in picked}]
        sources = [_source(h) for h in [*picked, *rest][:5]]
        if catalog:  # price from the catalog, the rest from the notes
            reply, sources = catalog.text + reply, [*catalog.sources, *sources][:5]
        best = next((h for h in picked if h.chosen), picked[0])   # the passage that answered; another completes it
        aspects = sorted(set(q.topics) & ix.types[best.idx].aspects) or sorted(ix.types[best.idx].head)
        bound = conditioned_clause(q.unnamed, best.chunk.text, q.kind, q.units)   # 冷冻能放 3 个月, not 冷藏 2 天
        value, q.chosen = the_value(q.kind, [bound or best.chunk.text]), best.chunk.text
        return Answer(True, prefix + reply, sources, mode="extractive", aspect=",".join(aspects), kind=q.kind,
                      value=value, why=why_answered(aspects, q.kind, best.chunk, value))

    def _unpicked(self, q: Question, hits: list[Hit], targets: list[str], prefix: str, subject: str) -> Answer:
        """No passage answers whole: the clause of a store rule that says the question's words (能寄外地吗:
        外地发韵达, store_rules.py), else refused with the passages looked at."""
        rule = rule_clause(q.residual, q.kind, hits, self._names_of(targets), q.topics, q.text,
                           q.soft, q.facts)
        if rule is not None and decides(self.judge, q, [rule.hit]):
            return rule_answer(rule, q, prefix, [_source(h) for h in [rule.hit, *hits[:5]]])
        return Answer(False, REFUSAL_TEXT, [_source(h) for h in hits[:3]], reason="not_in_kb", mode="refused",
                      aspect=",".join(q.topics), kind=q.kind, why=why_refused(q.topics, q.kind, subject))


def _source(hit: Hit) -> Source:
    c = hit.chunk
    return Source(file=c.file, sku=c.sku or None, text=c.quoted, score=hit.score, section=c.section, kind=c.kind,
                  key=c.key if c.layout != "fact" else "")


__all__ = ["Answer", "KnowledgeBase", "QuestionGrouper", "Source", "REFUSAL_TEXT", "build_docs"]
