"""The knowledge dir as docs and chunks: catalog facts per product, store facts, notes and other
``*.md`` files read into facts (``notes.split_markdown``: sentences, bullet keys, Q&A pairs, table rows)
that keep their product, file, heading and key. Also the live catalog facts (price, stock, limit,
link, spec) phrased for a reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from copilot.base.catalog import MAX_NOTES_BYTES, Catalog, Product, fmt_number, read_knowledge_text
from copilot.base.errors import CatalogError, KnowledgeError
from copilot.knowledge.notes import split_markdown
from copilot.knowledge.text import content_hash

LIVE_KEYS = ("价格", "优惠", "限购")
# Bumped when notes are read differently: every doc is then re-read and re-embedded on the next ingest.
FORMAT = "5"
SUPPLY_KEY = "供货"   # the key of the catalog's supplier line
STORE_LABELS = {"name": "店名", "address": "地址", "hours": "营业时间", "pickup": "自提", "delivery": "送货上门",
                "payment": "付款方式", "phone": "电话", "wechat": "进群与会员", "after_sales": "售后"}


@dataclass
class Chunk:
    id: str
    doc: str       # unit of incremental ingest: "notes/mango.md", "faq.md", "products.yaml#mango"
    file: str      # what the viewer-facing source names: "notes/mango.md", "products.yaml"
    sku: str       # "" for store-wide knowledge
    kind: str      # "fact" | "note" | "faq"
    section: str
    title: str
    text: str
    hash: str      # content hash of the whole doc
    key: str = ""  # bullet key, table row's first cell, or the question of a Q&A pair
    layout: str = ""  # "sentence" | "bullet" | "table" | "qa" | "fact"
    shares: str = ""  # embed this text instead (a price line shares its product line's vector)

    @property
    def search_text(self) -> str:
        if self.key and self.layout != "fact":
            return f"{self.title} {self.section} {self.key}：{self.text}"
        return f"{self.title} {self.section}：{self.text}"

    @property
    def vector_text(self) -> str:
        return self.shares or self.search_text

    @property
    def quoted(self) -> str:
        """The passage as a source shows it: a bullet or table value with its key."""
        if self.key and self.layout in ("bullet", "table"):
            return f"{self.key}：{self.text}"
        return self.text

    def metadata(self) -> dict:
        return {"doc": self.doc, "file": self.file, "sku": self.sku, "kind": self.kind,
                "section": self.section, "title": self.title, "hash": self.hash, "key": self.key,
                "layout": self.layout}


def short_name(p: Product) -> str:
    """What the host calls it on air: the first alias (草莓), else the full name."""
    return p.aliases[0] if p.aliases else p.name


def catalog_facts(p: Product, remaining: float, wanted: list[str]) -> list[str]:
    """Live catalog facts as short Chinese phrases, in the order asked."""
    short, unit = short_name(p), p.unit
    out = []
    for key in wanted:
        if key == "stock":
            out.append(f"{short}已经卖完了，扣1的按顺序排候补，补到货在群里通知" if remaining <= 0
                       else f"{short}还剩 {fmt_number(remaining)} {unit}，要的扣1")
        elif key == "price":
            s = f"{short}直播间价 {fmt_number(p.price)} 元/{unit}"
            if p.original_price:
                s += f"（原价 {fmt_number(p.original_price)} 元）"
            out.append(s + (f"，{p.offer}" if p.offer else ""))
        elif key == "limit":
            out.append(f"{short}每人限购 {fmt_number(p.limit_per_buyer)} {unit}" if p.limit_per_buyer
                       else f"{short}不限购，现在还剩 {fmt_number(remaining)} {unit}")
        elif key == "link":
            out.append(f"{short}是 {p.link} 号链接，评论区扣 {p.link} 号加数量就行")
        elif key == "have":
            out.append(f"有的，{p.name}是 {p.link} 号链接，直播间价 {fmt_number(p.price)} 元/{unit}")
        elif key == "what":
            out.append(f"{p.link} 号链接是{p.name}，直播间价 {fmt_number(p.price)} 元/{unit}")
        elif key == "offer":
            out.append(f"{short}{p.offer}")
        elif key == "original_price":
            out.append(f"{short}原价 {fmt_number(p.original_price)} 元/{unit}，现在直播间价 {fmt_number(p.price)} 元"
                       if p.original_price else f"{short}没有填原价")
        elif key == "minimum":
            out.append(f"{short}{_joined(p.spec or '')}")
        elif key == "spec":
            out.append(f"{short}{_joined(p.spec)}" if p.spec else f"{short}按{unit}卖")
    return out


def _joined(spec: str) -> str:
    """A spec after a name: "每袋 10 斤" as is, "6 寸，约 2 人份" after a space (奶油蛋糕 6 寸, not 蛋糕6 寸)."""
    return f" {spec}" if spec[:1].isdigit() else spec


def product_fact_texts(p: Product) -> list[tuple[str, str]]:
    """(section, text) facts from the catalog fields of one product (price and stock stay live)."""
    names = "、".join(p.aliases)
    out = [("商品信息", f"商品：{p.name}" + (f"，也叫{names}" if names else "") + f"，{p.link} 号链接，按{p.unit}卖")]
    for part in (x.strip() for x in re.split(r"[；;]", p.spec or "")):   # a long spec is one fact a clause group
        if part:
            out.append(("商品信息", f"规格：{p.name}{_joined(part)}"))
    out.append(("价格", f"价格：{p.name}直播间价 {fmt_number(p.price)} 元/{p.unit}"
                + (f"，原价 {fmt_number(p.original_price)} 元" if p.original_price else "")))
    if p.offer:
        out.append(("价格", f"优惠：{p.offer}"))
    if p.origin:
        out.append(("产地", f"产地：{p.name}产自{p.origin}"))
    if p.supplier:   # who the shop gets it from: answers 谁家的货 only, not 什么牌子 (judge, guards.yaml brand)
        out.append((SUPPLY_KEY, f"{SUPPLY_KEY}：{p.name}的供货商是{p.supplier}"))
    if p.limit_per_buyer:
        out.append(("限购", f"限购：{p.name}每人限购 {fmt_number(p.limit_per_buyer)} {p.unit}"))
    return out


def build_docs(catalog: Catalog, root: Path) -> dict[str, list[Chunk]]:
    """Every doc of the knowledge dir as chunks: catalog facts per product, store facts, notes, other md."""
    docs: dict[str, list[Chunk]] = {}
    store_facts = [(STORE_LABELS.get(k, k), f"{STORE_LABELS.get(k, k)}：{part.strip()}")
                   for k, v in catalog.store.facts().items() for part in re.split(r"[；;]", v) if part.strip()]
    _add_doc(docs, "products.yaml#store", "products.yaml", "", "fact", catalog.store.name, _facts(store_facts))
    for p in catalog.products:
        _add_doc(docs, f"products.yaml#{p.sku}", "products.yaml", p.sku, "fact", short_name(p),
                 _facts(product_fact_texts(p)))
        # price, offer and limit are answered live from the catalog, never from their stored line: they
        # share the product line's vector, so a store of many products embeds fewer sentences
        first = docs[f"products.yaml#{p.sku}"][0]
        for c in docs[f"products.yaml#{p.sku}"][1:]:
            if c.key in LIVE_KEYS:
                c.shares = first.search_text
    notes_owner = {str(Path(p.notes)): p for p in catalog.products if p.notes}
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        if path.name.lower() == "readme.md" or any(part.startswith(".") for part in path.parts):
            continue  # the format guide is not store knowledge
        if not path.is_file():
            continue  # a folder whose name ends in .md
        try:  # UTF-8 (BOM or not) and a size limit, said in Chinese
            text = read_knowledge_text(path, MAX_NOTES_BYTES)
        except CatalogError as exc:
            raise KnowledgeError(exc.message, hint=exc.hint) from None
        owner = notes_owner.get(rel) or catalog.get(path.stem)
        title, pieces = split_markdown(text)
        if not pieces:
            continue  # an empty notes file says nothing yet
        kind = "note" if owner else "faq"
        title = short_name(owner) if owner else (title or path.stem)
        skus = [owner.sku] * len(pieces) if owner else [_row_product(catalog, pc) for pc in pieces]
        _add_doc(docs, rel, rel, skus, kind, title, [(pc.section, pc.key, pc.text, pc.layout) for pc in pieces],
                 raw=text)
    return docs


def _row_product(catalog: Catalog, piece) -> str:
    """A store file's row or Q&A keyed by one product's name ("| 草莓 | 冷藏 2 天 |", "问：鸡蛋能放多久？")
    is about that product; the rest of the file is about the store ("")."""
    if piece.key and piece.layout in ("bullet", "table", "qa"):
        named = {p.sku for _s, _e, p in catalog.mentions(piece.key)}
        if len(named) == 1:
            return named.pop()
    return ""


def _facts(pairs: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """Catalog facts ("规格：每袋 10 斤") keep their label in the text; the label is also their key."""
    return [(sec, txt.split("：", 1)[0] if "：" in txt else "", txt, "fact") for sec, txt in pairs]


def _add_doc(docs, doc: str, file: str, sku: str | list[str], kind: str, title: str,
             pieces: list[tuple[str, str, str, str]], raw: str | None = None) -> None:
    """``sku``: the doc's product ("" for the store), or one per piece."""
    skus = sku if isinstance(sku, list) else [sku] * len(pieces)
    h = content_hash(f"{FORMAT}\n{title}\n{raw if raw is not None else repr(pieces)}\n{skus}")
    docs[doc] = [Chunk(id=f"{doc}::{h}::{i}", doc=doc, file=file, sku=s, kind=kind, section=sec,
                       title=title, text=txt, hash=h, key=key, layout=layout)
                 for i, ((sec, key, txt, layout), s) in enumerate(zip(pieces, skus))]


def seq_of(chunk_id: str) -> int:
    try:
        return int(chunk_id.rsplit("::", 1)[1])
    except (IndexError, ValueError):
        return 0


def prev_id(chunk_id: str) -> str:
    head, _, n = chunk_id.rpartition("::")
    return f"{head}::{seq_of(chunk_id) - 1}" if head else ""


def next_id(chunk_id: str) -> str:
    head, _, n = chunk_id.rpartition("::")
    return f"{head}::{seq_of(chunk_id) + 1}" if head else ""
