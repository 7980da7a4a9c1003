"""The draft of tonight's script and what it may state: ScriptDraft, Segment, Line, the themes, and the
Knowledge (notes per product, store facts, other markdown) with the numbers and prices it holds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from copilot.base.catalog import MAX_NOTES_BYTES, Catalog, Product, read_knowledge_text
from copilot.base.zhnum import zh_to_number
from copilot.plan import compliance

SegmentKind = Literal["opening", "product", "interaction", "closing"]
THEMES = {
    "源头探访": ["产地", "采摘/到货", "口感"],
    "后场探秘": ["品控", "储存", "采摘/到货"],
    "门店日常": [],  # a mix, chosen per product
    "晚市特惠": ["口感", "储存"],
    "新品试吃": ["口感", "吃法", "储存"],
}
DEFAULT_THEME = "门店日常"
SECTIONS = ["产地", "采摘/到货", "品控", "口感", "储存", "吃法"]  # the notes sections, in talking order


class Line(BaseModel):
    """One spoken line of the script and the knowledge it states (``catalog:sku.price``, ``notes/x.md#产地``)."""

    text: str
    source: str | None = None

    def __init__(self, text: str, source: str | None = None, **data) -> None:
        super().__init__(text=text, source=source, **data)


@dataclass
class Fact:
    """A sentence of the sourcing notes and where it is written."""

    text: str
    source: str


class Segment(BaseModel):
    kind: SegmentKind
    sku: str | None = None
    title: str = ""
    start_min: float = 0
    minutes: float = 0
    lines: list[Line] = Field(default_factory=list)


class LineViolation(compliance.Violation):
    segment: int = 0
    line: int = 0


class ScriptDraft(BaseModel):
    title: str = ""
    theme: str = DEFAULT_THEME
    host: str = ""
    minutes: float = 0
    segments: list[Segment] = Field(default_factory=list)
    compliance: list[LineViolation] = Field(default_factory=list)
    mode: Literal["template", "llm"] = "template"
    notices: list[str] = Field(default_factory=list)

    def to_contract(self) -> dict:
        """The ``copilot script draft --json`` shape (DESIGN.md), plus theme, host, mode and notices."""
        segs = [{"kind": s.kind, "sku": s.sku, "title": s.title, "start_min": s.start_min,
                 "minutes": s.minutes, "lines": [ln.text for ln in s.lines],
                 "sources": list(dict.fromkeys(ln.source for ln in s.lines if ln.source))}
                for s in self.segments]
        return {"title": self.title, "theme": self.theme, "host": self.host, "minutes": self.minutes,
                "mode": self.mode, "segments": segs,
                "compliance": [v.model_dump(exclude={"rule"}) for v in self.compliance],
                "notices": self.notices}

    def to_text(self) -> str:
        """Editable plain text: one 【heading】 per segment, one line per spoken line."""
        blocks = []
        for s in self.segments:
            head = f"【{clock(s.start_min)}-{clock(s.start_min + s.minutes)} {s.title}】"
            blocks.append("\n".join([head, *(ln.text for ln in s.lines)]))
        return "\n\n".join(blocks)


def clock(minutes: float) -> str:
    m = int(round(minutes * 60))
    return f"{m // 3600:d}:{m // 60 % 60:02d}:{m % 60:02d}" if m >= 3600 else f"{m // 60:02d}:{m % 60:02d}"


SENTENCE_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")


def parse_notes(text: str) -> dict[str, list[str]]:
    """Notes markdown -> {section title: [sentences]} (sections by ``## `` headings)."""
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("## "):
            current = line[3:].strip()
            sections.setdefault(current, [])
        elif line and not line.startswith("#") and current is not None:
            sections[current] += [s.strip() for s in SENTENCE_RE.findall(line) if len(s.strip()) > 1]
    return sections


@dataclass
class Knowledge:
    """What a script may state: notes per product, store facts, other markdown, and their numbers."""

    catalog: Catalog
    notes: dict[str, dict[str, list[Fact]]]
    docs: dict[str, dict[str, list[str]]]  # other *.md files: {file: {section: sentences}}

    @classmethod
    def load(cls, catalog: Catalog) -> "Knowledge":
        notes = {}
        for p in catalog.products:
            path = catalog.notes_path(p)
            if path is None or not path.exists():
                notes[p.sku] = {}
                continue
            rel = p.notes or path.name
            parsed = parse_notes(read_knowledge_text(path, MAX_NOTES_BYTES))
            notes[p.sku] = {sec: [Fact(s, f"{rel}#{sec}") for s in sents] for sec, sents in parsed.items()}
        docs = {}
        if catalog.root is not None:
            for md in sorted(Path(catalog.root).glob("*.md")):
                if md.name.lower() != "readme.md":
                    docs[md.name] = parse_notes(read_knowledge_text(md, MAX_NOTES_BYTES))
        return cls(catalog, notes, docs)

    def find_doc(self, pattern: str) -> tuple[re.Match, str] | None:
        for name, sections in self.docs.items():
            for sec, sents in sections.items():
                for s in sents:
                    m = re.search(pattern, s)
                    if m:
                        return m, f"{name}#{sec}"
        return None

    def live_time(self) -> tuple[str | None, str | None]:
        found = self.find_doc(r"每晚\s*(\d{1,2}:\d{2})")
        return (found[0].group(1), found[1]) if found else (None, None)

    def order_rule_source(self) -> str | None:
        found = self.find_doc(r"扣\s*1")
        return found[1] if found else None

    def number_pool(self) -> set[float]:
        """Every number stated anywhere in the knowledge: catalog, store, notes, other markdown."""
        texts = [str(v) for v in self.catalog.store.facts().values()]
        for p in self.catalog.products:
            texts += [str(v) for v in (p.link, p.price, p.original_price, p.stock, p.limit_per_buyer,
                                       p.spec, p.offer, p.origin, p.name) if v is not None]
        texts += [f.text for secs in self.notes.values() for facts in secs.values() for f in facts]
        texts += [s for secs in self.docs.values() for sents in secs.values() for s in sents]
        return {n for t in texts for n in numbers_in(t)}

    def prices_for(self, p: Product) -> set[float]:
        allowed = {p.price}
        if p.original_price:
            allowed.add(p.original_price)
        if p.offer:
            allowed |= numbers_in(p.offer)
        return allowed


ZH_NUM = "零〇一二两三四五六七八九十百千"
MEASURE = "个斤袋盒只条把块瓶桶枚片克度天年月周批次位份号点分秒成多小岁家样种箱层粒根颗"
_DIGIT_RE = re.compile(r"\d+(?:\.\d+)?")
_ZH_RE = re.compile(rf"[{ZH_NUM}]+(?=[{MEASURE}])")
_COLLOQUIAL_PRICE = re.compile(r"(\d+)\s*块\s*(\d)(?![\d斤袋盒个只条把瓶桶])")
_IDIOMS = re.compile(r"一(?:个个|点点|点儿|点(?![钟半\d])|样|些|下|起|定|直|共|般|边)")
_PRICE_RE = re.compile(r"(?:¥|￥)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:元|块钱)")


def numbers_in(text: str) -> set[float]:
    """Digits and Chinese numerals followed by a measure word (三天, 八成熟), as floats."""
    text = unicodedata.normalize("NFKC", text)
    out = {float(f"{a}.{b}") for a, b in _COLLOQUIAL_PRICE.findall(text)}
    text = _IDIOMS.sub(" ", _COLLOQUIAL_PRICE.sub(" ", text))
    out |= {float(m) for m in _DIGIT_RE.findall(text)}
    for m in _ZH_RE.findall(text):
        n = zh_to_number(m)
        if n is not None:
            out.add(n)
    return out


def prices_in(text: str) -> set[float]:
    """Numbers stated as money: 19.9元, 19块9, 20块钱, ¥19.9."""
    text = unicodedata.normalize("NFKC", text)
    out = {float(f"{a}.{b}") for a, b in _COLLOQUIAL_PRICE.findall(text)}
    for a, b in _PRICE_RE.findall(text):
        out.add(float(a or b))
    return out
