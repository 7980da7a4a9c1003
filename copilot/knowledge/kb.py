"""The product knowledge base: ingest the knowledge dir into chromadb, hybrid retrieval
(dense + BM25 over jieba tokens, fused, product-aware) and grounded answers with sources.

    kb = KnowledgeBase.open(settings, catalog, stock=ledger.remaining)
    kb.ingest(progress)                       # incremental: changed files replaced, deleted removed
    kb.answer("芒果甜不甜", current_sku="mango", user="王阿姨")
    -> Answer(answered=True, text="@王阿姨 芒果口感细滑，香甜多汁，带一点清香。", sources=[...])

Price, stock, limit, link and spec are answered live from the catalog and the ``stock`` callable,
never from retrieved text or a model. A question the knowledge does not cover is refused
(``answered=False``, reason ``not_in_kb``) so the live room hands it to a person.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path

import numpy as np

from copilot.base.catalog import Catalog, Product
from copilot.base.errors import CopilotError, InputError, KnowledgeError
from copilot.base.llm import complete
from copilot.base.progress import Progress
from copilot.base.prompts import load_prompt
from copilot.base.settings import Settings
from copilot.knowledge.claims import unsupported_claims
from copilot.knowledge.docs import Chunk, build_docs, catalog_facts, next_id, prev_id, seq_of, short_name
from copilot.knowledge.embeddings import CachedEmbedder, get_embedder
from copilot.knowledge.grouping import QuestionGrouper
from copilot.knowledge.index import ANN_MIN_CHUNKS, Hit, Index, chroma_client
from copilot.knowledge.question import (
    SELLS,
    STORE_TOPICS,
    TOPICS,
    Question,
    analyse,
    clean_question,
    coverage,
    section_topics,
    word_in,
)
from copilot.knowledge.records import Answer, Source
from copilot.knowledge.text import add_words, content_hash, tokens

log = logging.getLogger(__name__)
REFUSAL_TEXT = "这个我确认一下，稍后回复您"
ASK_PRODUCT_TEXT = "请问您问的是哪个商品？报商品名或链接号就行"
MAX_QUESTION_CHARS = 300
# Calibrated on evals/data/kb_questions.jsonl, 289 questions (`python -m evals.kb --calibrate`): the
# share of a question's residual content words the answering chunk must contain (0.6: answer 86.8%,
# refusal 100%; 0.55 answers one more but sits at the edge, 0.5 lets 6 unanswerable through, 0.67
# refuses 12 answerable), and the minimum dense cosine, which depends on the embedding model (flat for
# e5-small up to 0.80; unknown models: none).
MIN_COVERAGE = 0.6
MIN_DENSE = {"e5-small": 0.80}
RRF_K = 60
TOPIC_BOOST = 1.5 / RRF_K
PRODUCT_BOOST = 0.5 / RRF_K
OVERLAP_BOOST = 1.0 / RRF_K   # times the share of the question's words found in the sentence itself
LEAD_BOOST = 0.3 / RRF_K      # the first sentence of a section usually states its point
CUE_BOOST = 1.0 / RRF_K       # the sentence holds what the question wants (a time, a duration, a place)


class KnowledgeBase:
    def __init__(self, settings: Settings, catalog: Catalog, embedder, stock=None, client=None) -> None:
        self.settings = settings
        self.catalog = catalog
        self.embedder = embedder
        self.stock = stock
        self._client = client
        self._collection = None
        self._ix = Index([])
        self._loaded = False
        self._lock = threading.RLock()  # one ingest / index load at a time; answers never wait on it
        self.min_coverage = MIN_COVERAGE
        self.min_dense = MIN_DENSE.get(getattr(embedder, "name", ""), 0.0)

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
        re-embedded, deleted ones removed. Returns chunk counts."""
        with self._lock:
            return self._ingest(progress or (lambda f, m: None))

    def _ingest(self, progress: Progress) -> dict:
        if self.catalog.root is not None and (Path(self.catalog.root) / "products.yaml").exists():
            self.catalog = Catalog.load(self.catalog.root)  # pick up edits to products.yaml
        progress(0.02, "读取知识库文件")
        docs = build_docs(self.catalog, self.root)
        existing = self._existing_docs()
        stale = [d for d in existing if d not in docs or existing[d][0] != docs[d][0].hash]
        todo = [d for d in docs if d not in existing or existing[d][0] != docs[d][0].hash]
        removed = sum(len(existing[d][1]) for d in stale)
        for d in stale:
            self.collection.delete(ids=existing[d][1])
        added = self._embed_docs([c for d in todo for c in docs[d]], progress)
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

    def _embed_docs(self, chunks: list[Chunk], progress: Progress, batch: int = 64) -> int:
        for i in range(0, len(chunks), batch):
            part = chunks[i:i + batch]
            vecs = self.embedder.passage([c.search_text for c in part])
            self.collection.upsert(ids=[c.id for c in part], embeddings=[list(map(float, v)) for v in vecs],
                                   documents=[c.text for c in part], metadatas=[c.metadata() for c in part])
            done = min(i + batch, len(chunks))
            progress(0.05 + 0.9 * done / max(len(chunks), 1), f"向量化 {done}/{len(chunks)} 段：{part[-1].file}")
        return len(chunks)

    def _load_index(self) -> None:
        got = self.collection.get(include=["documents", "metadatas", "embeddings"])
        add_words(n for p in self.catalog.products for n in p.names)
        self._ix = Index(list(zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"])))
        self._loaded = True

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
        text = clean_question(query)
        if not text:
            raise InputError("问题是空的", hint="输入要查的问题，例如“芒果甜不甜”")
        self.ensure_ready()
        products, names = self._products_in(text)
        q = analyse(text, names)
        targets = self._targets(products, q, current_sku)
        return [_source(h) for h in self._retrieve(self._ix, text, q, targets, names)[:k]]

    def _products_in(self, text: str) -> tuple[list[Product], list[str]]:
        found: dict[str, Product] = {}
        names = []
        for s, e, p in self.catalog.mentions(text):
            found.setdefault(p.sku, p)
            names.append(text[s:e])
        for s, e, p, _n in self.catalog.links(text):
            if p is not None:
                found.setdefault(p.sku, p)
                names.append(text[s:e])
        for s, e, p in self.catalog.sound_alikes(text):  # 草霉 for 草莓
            if not found or p.sku in found:
                found.setdefault(p.sku, p)
                names.append(text[s:e])
        return list(found.values()), names

    def _targets(self, products: list[Product], q: Question, current_sku: str | None) -> list[str]:
        if products:
            return [p.sku for p in products]
        if current_sku and self.catalog.get(current_sku):
            return [current_sku]
        return []

    def _retrieve(self, ix: Index, text: str, q: Question, targets: list[str], names: list[str] = (),
                  n: int = 40) -> list[Hit]:
        """Dense (chroma) and BM25 candidates plus every in-scope chunk of the asked-about sections,
        fused by reciprocal rank and boosted for topic, product, lead sentence, word overlap and cue."""
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
        if q.topics:
            pool = set().union(*(ix.by_topic.get(t, set()) for t in q.topics))
            for i in sorted(pool & scope if scope is not None else pool)[:300]:
                fused.setdefault(i, 0.0)
        ids = list(fused)
        cos = ix.vectors[ids] @ qvec if ids else np.zeros(0)
        topics = set(q.topics) | set(q.soft)
        words = [w for w in toks if not w.startswith("#") and w not in names]
        words += [sec for t in topics for sec in TOPICS[t][2]]  # 取货 -> 自提: the section's own word
        for i in ids:
            fused[i] += self._boost(ix, i, q, topics, targets, words)
        order = sorted(range(len(ids)), key=lambda j: -fused[ids[j]])
        return [ix.hit(ids[j], fused[ids[j]], float(cos[j])) for j in order]

    @staticmethod
    def _boost(ix: Index, i: int, q: Question, topics: set[str], targets: list[str], words: list[str]) -> float:
        c = ix.chunks[i]
        boost = OVERLAP_BOOST * _overlap(words, c.text)
        if topics & ix.topics[i]:
            boost += TOPIC_BOOST
        if c.sku and c.sku in targets:
            boost += PRODUCT_BOOST
        if i in ix.lead:
            boost += LEAD_BOOST
        if q.cues and all(cue.search(c.text) for cue in q.cues):
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
        text = clean_question(question or "")
        if not text:
            raise InputError("问题是空的", hint="输入要回答的问题，例如“芒果甜不甜”")
        if len(text) > MAX_QUESTION_CHARS:
            raise InputError(f"问题太长（{len(text)} 个字）", hint=f"每个问题不超过 {MAX_QUESTION_CHARS} 个字")
        start = time.perf_counter()
        result = self._answer(text, current_sku, user)
        if llm is not None and result.answered and result.mode == "extractive":
            result = self._llm_answer(llm, text, user, result)
        log.debug("answer mode=%s reason=%s ms=%.1f", result.mode, result.reason,
                  (time.perf_counter() - start) * 1000)
        return result

    def _answer(self, text: str, current_sku: str | None, user: str | None) -> Answer:
        prefix = f"@{user} " if user else ""
        products, names = self._products_in(text)
        q = analyse(text, names)
        if q.injection:
            return Answer(False, REFUSAL_TEXT, [], reason="injection", mode="refused")
        if q.off_topic and not products:
            return Answer(False, "", [], reason="off_topic", mode="refused")
        if not products and SELLS.search(text):  # 有没有酸奶卖: not in the catalog, the owner says
            return Answer(False, REFUSAL_TEXT, [], reason="not_in_kb", mode="refused")
        targets = self._targets(products, q, current_sku)
        q.residual = self._drop_product_words(q.residual, targets)
        catalog = None
        if q.facts and not (set(q.topics) & {"delivery", "pickup", "payment", "ordering"} and not products):
            if targets:
                catalog = self._catalog_answer(q, [self.catalog.require(s) for s in targets[:3]], "")
                if not q.topics and coverage(q.residual, catalog.text) >= self.min_coverage:
                    catalog.text = prefix + catalog.text
                    return catalog
            elif not (q.residual or q.topics) or set(q.topics) - STORE_TOPICS:  # 有货吗 / 有货吗 甜不甜
                return Answer(False, ASK_PRODUCT_TEXT, [], reason="no_product", mode="refused")
            # it asks more than the catalog says (苹果多少钱 甜不甜; 一块多少热量): the notes must say the rest
        self.ensure_ready()
        ix = self._ix
        q.unknown = {w for g in q.residual for w in g if not word_in(w, ix.corpus)}
        hits = self._retrieve(ix, text, q, targets, names)
        picked = self._pick(ix, q, hits)
        if not picked:
            return Answer(False, REFUSAL_TEXT, [_source(h) for h in hits[:3]], reason="not_in_kb", mode="refused")
        reply = "".join(self._phrase(h.chunk, subject=i == 0 and not catalog) for i, h in enumerate(picked))
        chosen = {h.idx for h in picked}
        rest = [h for h in hits[:5] if h.idx not in chosen]
        sources = [_source(h) for h in [*picked, *rest][:5]]
        if catalog:  # price from the catalog, the rest from the notes
            reply, sources = catalog.text + reply, [*catalog.sources, *sources][:5]
        return Answer(True, prefix + reply, sources, mode="extractive")

    def _drop_product_words(self, residual: list[list[str]], targets: list[str]) -> list[list[str]]:
        """"这个肉" names the current product by its kind: 肉 is in 五花肉, not a question word."""
        products = [p for p in (self.catalog.get(s) for s in targets) if p]
        kinds = {n[-1] for p in products for n in p.names} | {p.category for p in products if p.category}
        return [g for g in residual if not any(w in kinds for w in g)]

    def _pick(self, ix: Index, q: Question, hits: list[Hit], window: int = 10) -> list[Hit]:
        """The chunk(s) that answer the question, or [] when the knowledge does not say."""
        if not q.topics and not q.residual:
            return []
        ok = [h for h in hits[:window] if self._answers(ix, q, h)]
        if not ok:
            return []
        best, first = ok[0], ok[0].chunk
        picked = [best]
        missing = [g for g in q.residual if not any(word_in(w, self._cover_text(first)) for w in g)]
        for h in ok[1:]:  # a second sentence of the same section, when both are short
            if h.chunk.doc == first.doc and h.chunk.section == first.section and \
                    len(h.chunk.text) + len(first.text) <= 60:
                picked.append(h)
                break
        if missing and len(picked) == 1:  # the neighbour sentence that says the rest ("这是……正常现象")
            for nid in (next_id(first.id), prev_id(first.id)):
                j = ix.by_id.get(nid)
                if j is not None and ix.chunks[j].section == first.section and \
                        coverage(missing, self._cover_text(ix.chunks[j]), q.unknown) > 0:
                    picked.append(ix.hit(j, best.score, best.dense))
                    break
        return sorted(picked, key=lambda h: seq_of(h.chunk.id))

    def _cover_text(self, c: Chunk) -> str:
        """What a chunk says, without its product's own names (鲜活鲈鱼 does not say the fish is alive)."""
        text = f"{c.section}：{c.text}"
        p = self.catalog.get(c.sku) if c.sku else None
        for n in sorted(p.names if p else (), key=len, reverse=True):
            text = text.replace(n, " ")
        return text

    def _answers(self, ix: Index, q: Question, h: Hit) -> bool:
        c = h.chunk
        if h.dense < self.min_dense:
            return False
        if q.topics and not set(q.topics) & section_topics(c.section):
            return False
        if any(not cue.search(c.text) for cue in q.cues):
            return False
        text = self._cover_text(c)
        alone = coverage(q.residual, text, q.unknown)
        if alone >= self.min_coverage:
            return True
        if alone == 0:
            return False
        # an answer told in two sentences ("冬天油里可能出现絮状物。" "这是……正常现象"): _pick adds the other
        for j in (ix.by_id.get(next_id(c.id)), ix.by_id.get(prev_id(c.id))):
            other = ix.chunks[j] if j is not None else None
            if other and other.doc == c.doc and other.section == c.section and \
                    coverage(q.residual, text, q.unknown, extra=self._cover_text(other)) >= self.min_coverage:
                return True
        return False

    def _phrase(self, c: Chunk, subject: bool = True) -> str:
        text = c.text.rstrip("；;，, ")
        if c.kind == "fact" and "：" in text:
            text = text.split("：", 1)[1]
        product = self.catalog.get(c.sku) if c.sku else None
        if subject and product and not any(n in text for n in product.names):
            short = short_name(product)
            text = short + ("，" if text[:1].isdigit() else "") + text
        return text if text.endswith(("。", "！", "？", "）")) else text + "。"

    def _remaining(self, p: Product) -> float:
        if self.stock is None:
            return p.stock
        try:
            return float(self.stock(p.sku))
        except Exception as exc:  # the ledger failing must not break the answer
            log.warning("stock callable failed sku=%s: %s", p.sku, exc)
            return p.stock

    def _catalog_answer(self, q: Question, products: list[Product], prefix: str) -> Answer:
        parts, sources = [], []
        for p in products:
            facts = catalog_facts(p, self._remaining(p), q.facts)
            parts.append("，".join(facts))
            sources.append(Source(file="products.yaml", sku=p.sku, text="；".join(facts), score=1.0,
                                  section="商品信息", kind="fact"))
        text = prefix + "；".join(parts) + "。"
        return Answer(True, text, sources, mode="catalog")

    def _llm_answer(self, llm, text: str, user: str | None, extractive: Answer) -> Answer:
        products = {s.sku for s in extractive.sources if s.sku}
        facts = [f"{p.name}（{'、'.join(p.aliases)}）：{'；'.join(catalog_facts(p, self._remaining(p), ['price', 'spec']))}"
                 for p in (self.catalog.get(s) for s in sorted(products)) if p]
        sources = [{"n": i + 1, "file": s.file, "section": s.section, "text": s.text}
                   for i, s in enumerate(extractive.sources)]
        try:
            reply = complete(llm, load_prompt("answer"), question=text, sources=sources, facts=facts,
                             store=self.catalog.store.name)
        except CopilotError as exc:
            log.warning("llm answer failed, using extractive: %s", exc)
            return extractive
        except Exception as exc:  # a broken client must never take the live room down
            log.warning("llm answer crashed, using extractive: %r", exc)
            return extractive
        reply = re.sub(r"^(@\S+\s*)+", "", reply.strip().strip("\"“”")).strip()
        if not reply or "确认一下" in reply or len(reply) > 150:
            log.info("llm reply unusable (%d chars), using extractive", len(reply))
            return extractive
        evidence = "\n".join([text, *facts, *(s.text for s in extractive.sources),
                              *(f"{p.name} {' '.join(p.aliases)} {p.origin or ''}" for p in
                                (self.catalog.get(s) for s in products) if p)])
        bad = unsupported_claims(reply, evidence)
        if bad:
            log.warning("llm reply states unsupported %s, using extractive", bad)
            return Answer(True, extractive.text, extractive.sources, reason=f"llm_unsupported:{','.join(bad)}",
                          mode="extractive")
        prefix = f"@{user} " if user else ""
        return Answer(True, prefix + reply, extractive.sources, mode="llm")


def _source(hit: Hit) -> Source:
    c = hit.chunk
    return Source(file=c.file, sku=c.sku or None, text=c.text, score=hit.score, section=c.section, kind=c.kind)


def _overlap(words: list[str], text: str) -> float:
    if not words:
        return 0.0
    return sum(len(w) for w in words if w in text) / sum(len(w) for w in words)


__all__ = ["Answer", "KnowledgeBase", "QuestionGrouper", "Source", "REFUSAL_TEXT", "build_docs"]
