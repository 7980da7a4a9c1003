"""Tonight's plan: a run-of-show and a script in the owner's voice, drafted from the catalog and the
sourcing notes, compliance-checked before anyone sees it.

``draft(catalog, skus, minutes, theme, host)`` plans the segments (opening, one per product, 抽奖 and
问答, closing), allocates the minutes and writes the lines: with an LLM through ``prompts/script.yaml``
(validated, then repaired or rejected against the catalog), otherwise with the template engine in
``script_templates``. Every factual line carries its source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from . import compliance
from . import script_templates as tpl
from .catalog import Catalog, Product, fmt_number
from .errors import CopilotError, InputError
from .script_templates import DEFAULT_THEME, SECTIONS, THEMES, Fact

log = logging.getLogger("copilot.script")

MIN_MINUTES, MAX_MINUTES = 10, 240
LOW_STOCK = 15
WEIGHTS = {"opening": 1.5, "product": 4.0, "interaction": 1.5, "closing": 1.5}
SegmentKind = Literal["opening", "product", "interaction", "closing"]


class Line(BaseModel):
    text: str
    source: str | None = None


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


# -- knowledge: notes, store facts, numbers ---------------------------------------------------------

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
            parsed = parse_notes(path.read_text(encoding="utf-8"))
            notes[p.sku] = {sec: [Fact(s, f"{rel}#{sec}") for s in sents] for sec, sents in parsed.items()}
        docs = {}
        if catalog.root is not None:
            for md in sorted(Path(catalog.root).glob("*.md")):
                if md.name.lower() != "readme.md":
                    docs[md.name] = parse_notes(md.read_text(encoding="utf-8"))
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
    from .zhnum import zh_to_number

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


# -- planning ---------------------------------------------------------------------------------------


def resolve_products(catalog: Catalog, skus: list[str]) -> list[Product]:
    """skus (or link numbers / names) -> products, in the given order, without duplicates."""
    tokens = [s.strip() for s in skus if s and s.strip()]
    if not tokens:
        raise InputError("没有选择商品", hint=f"用 --skus 选一个或几个：{', '.join(p.sku for p in catalog)}")
    out: list[Product] = []
    for t in tokens:
        p = catalog.get(t) or catalog.find(t)
        if p is None:
            raise InputError(f"找不到商品「{t}」",
                             hint=f"可用的 sku：{', '.join(p.sku for p in catalog)}")
        if p not in out:
            out.append(p)
    return out


def check_minutes(minutes: float) -> float:
    try:
        m = float(minutes)
    except (TypeError, ValueError):
        raise InputError(f"直播时长「{minutes}」不是数字", hint="例如 --minutes 45") from None
    if not MIN_MINUTES <= m <= MAX_MINUTES:
        raise InputError(f"直播时长 {fmt_number(m)} 分钟不在 {MIN_MINUTES}-{MAX_MINUTES} 分钟之间",
                         hint=f"请填 {MIN_MINUTES} 到 {MAX_MINUTES} 之间的分钟数")
    return round(m * 2) / 2


def check_theme(theme: str | None) -> str:
    theme = (theme or DEFAULT_THEME).strip()
    if theme not in THEMES:
        raise InputError(f"没有「{theme}」这个主题", hint=f"可选：{'、'.join(THEMES)}")
    return theme


def discount(p: Product) -> float:
    return 1 - p.price / p.original_price if p.original_price and p.original_price > p.price else 0.0


def order_products(products: list[Product], theme: str) -> tuple[list[Product], Product | None]:
    """Hook first (an offer, best discount), low-stock ones last where urgency helps."""
    if not products:
        return [], None
    hook = max(products, key=lambda p: (bool(p.offer) or discount(p) > 0, discount(p), -products.index(p)))
    if not (hook.offer or discount(hook) > 0):
        hook = None
    rest = [p for p in products if p is not hook]
    if theme == "晚市特惠":
        rest.sort(key=lambda p: -discount(p))
    rest.sort(key=lambda p: p.stock <= LOW_STOCK)  # stable: low stock to the end
    return ([hook] if hook else []) + rest, hook


def allocate(weights: list[float], minutes: float) -> list[float]:
    """Half-minute slots proportional to ``weights``, at least one each, summing exactly to ``minutes``."""
    units = int(round(minutes * 2))
    n = len(weights)
    if units < n:
        raise InputError(f"{fmt_number(minutes)} 分钟放不下 {n} 个环节", hint="加长直播时长或少选几样商品")
    rest = units - n
    total = sum(weights)
    raw = [w / total * rest for w in weights]
    got = [int(r) for r in raw]
    left = rest - sum(got)
    for i in sorted(range(n), key=lambda i: (-(raw[i] - got[i]), i))[:left]:
        got[i] += 1
    return [(g + 1) / 2 for g in got]


def plan(catalog: Catalog, skus: list[str], minutes: float, theme: str | None = None) -> list[Segment]:
    """The run-of-show skeleton: segments with kind, sku, title and minutes, no lines yet."""
    minutes = check_minutes(minutes)
    theme = check_theme(theme)
    products, hook = order_products(resolve_products(catalog, skus), theme)
    segs = [Segment(kind="opening", title="开场")]
    lottery_after = (len(products) + 1) // 2 if len(products) >= 2 and minutes >= 20 else None
    for i, p in enumerate(products, start=1):
        segs.append(Segment(kind="product", sku=p.sku, title=f"{p.link}号 {p.name}"))
        if i == lottery_after:
            segs.append(Segment(kind="interaction", title="互动·抽奖"))
    segs.append(Segment(kind="interaction", title="互动·问答"))
    segs.append(Segment(kind="closing", title="收尾"))
    weights = [WEIGHTS[s.kind] * (1.25 if hook and s.sku == hook.sku else 1) for s in segs]
    start = 0.0
    for s, m in zip(segs, allocate(weights, minutes)):
        s.start_min, s.minutes = start, m
        start += m
    return segs


# -- drafting ---------------------------------------------------------------------------------------


def guess_host(catalog: Catalog) -> str:
    for text in catalog.store.facts().values():
        m = re.search(r"店长(老.|小.|阿.)", text)
        if m:
            return m.group(1)
    return "店长"


def seed_for(skus: list[str], theme: str, day: dt.date) -> int:
    key = f"{','.join(sorted(skus))}|{theme}|{day.isoformat()}"
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)


def choose_notes(rng: random.Random, sections: dict[str, list[Fact]], theme: str, budget: int) -> list[Fact]:
    """Talking points for the theme: its sections first, then the rest, each in notes order."""
    order = THEMES.get(theme) or rng.sample(SECTIONS, 3)
    order = [s for s in order if s in sections] + [s for s in SECTIONS if s in sections and s not in order]
    picked: list[Fact] = []
    per = max(1, min(3, budget // max(1, len(order[:3]))))
    for sec in order:
        facts = sections[sec]
        take = min(per, len(facts), budget - len(picked))
        if take <= 0:
            break
        idx = sorted(rng.sample(range(len(facts)), take))
        picked += [facts[i] for i in idx]
    return picked


def template_draft(kn: Knowledge, segs: list[Segment], theme: str, host: str, minutes: float,
                   day: dt.date) -> ScriptDraft:
    cat = kn.catalog
    skus = [s.sku for s in segs if s.sku]
    rng = random.Random(seed_for(skus, theme, day))
    products = [cat.require(s) for s in skus]
    hook = products[0] if products and (products[0].offer or discount(products[0]) > 0) else None
    live_time, live_src = kn.live_time()
    slots = tpl.Slots(host=host, store=cat.store.name, theme=theme, live_time=live_time,
                      live_time_source=live_src, faq_order_source=kn.order_rule_source(),
                      store_facts=cat.store.facts())
    out = []
    for seg in segs:
        lines = segment_lines(rng, kn, slots, seg, products, hook)
        out.append(seg.model_copy(update={"lines": [Line(text=ln.text, source=ln.source) for ln in lines]}))
    return ScriptDraft(title=f"{cat.store.name} · {theme} · 今晚直播", theme=theme, host=host,
                       minutes=minutes, segments=out, mode="template")


def segment_lines(rng, kn: Knowledge, slots, seg: Segment, products: list[Product], hook) -> list:
    if seg.kind == "opening":
        return tpl.opening(rng, slots, products, hook)
    if seg.kind == "closing":
        return tpl.closing(rng, slots, products)
    if seg.kind == "interaction" and "抽奖" in seg.title:
        gift = min(products, key=lambda p: (p.price, p.link))
        return tpl.lottery(rng, slots, gift)
    if seg.kind == "interaction":
        return tpl.qa(rng, slots, products, kn.notes)
    p = kn.catalog.require(seg.sku)
    budget = max(2, min(9, int(seg.minutes * 1.5)))
    notes = choose_notes(rng, kn.notes.get(p.sku, {}), slots.theme, budget)
    return tpl.product_lines(rng, slots, p, notes, hook=hook is not None and p.sku == hook.sku,
                             low_stock=p.stock <= LOW_STOCK, notes_budget=budget)


def draft(catalog: Catalog, skus: list[str], minutes: float = 45, theme: str | None = None,
          host: str | None = None, *, model=None, day: dt.date | None = None) -> ScriptDraft:
    """Tonight's script. With ``model`` (a ChatModel) the LLM writes it and is vetted; otherwise
    (or when the LLM fails or states a wrong price) the template engine writes it, and says so."""
    theme = check_theme(theme)
    minutes = check_minutes(minutes)
    host = (host or "").strip() or guess_host(catalog)
    day = day or dt.date.today()
    segs = plan(catalog, skus, minutes, theme)
    kn = Knowledge.load(catalog)
    base = template_draft(kn, segs, theme, host, minutes, day)
    result = base
    if model is not None:
        from .script_llm import llm_draft

        try:
            result = llm_draft(model, kn, base)
        except CopilotError as exc:
            log.warning("llm script rejected, using template: %s", exc.message)
            result = base.model_copy(update={"notices": [f"{exc.message}，已改用离线模板草稿"]})
    return check_draft(result)


def check_draft(d: ScriptDraft) -> ScriptDraft:
    """Run the compliance check over every line; attach the violations."""
    found = []
    for si, seg in enumerate(d.segments):
        for li, ln in enumerate(seg.lines):
            for v in compliance.check(ln.text):
                found.append(LineViolation(**v.model_dump(), segment=si, line=li))
    return d.model_copy(update={"compliance": found})


def apply_text(d: ScriptDraft, text: str) -> ScriptDraft:
    """The owner's edited text (``to_text`` format) back into the draft: unchanged lines keep their
    source, edited lines have none; then re-checked."""
    parts = re.split(r"^【[^】]*】\s*$", text, flags=re.M)
    blocks = parts[1:]
    if blocks and parts[0].strip():  # lines typed above the first heading belong to the opening
        blocks[0] = parts[0] + "\n" + blocks[0]
    if len(blocks) != len(d.segments):
        raise InputError(f"脚本有 {len(blocks)} 个【】段落，应为 {len(d.segments)} 个",
                         hint="不要删改【时间 标题】那一行，只改下面的台词")
    segs = []
    for seg, block in zip(d.segments, blocks):
        known = {ln.text: ln.source for ln in seg.lines}
        lines = [Line(text=t.strip(), source=known.get(t.strip()))
                 for t in block.splitlines() if t.strip()]
        segs.append(seg.model_copy(update={"lines": lines}))
    return check_draft(d.model_copy(update={"segments": segs}))


def warmup(catalog: Catalog, skus: list[str], theme: str | None = None, host: str | None = None,
           day: dt.date | None = None) -> dict[str, str]:
    """Warm-up posts for tonight: a WeChat group post, a 1v1 message, a poster line."""
    from .cuecards import warmup_posts

    theme = check_theme(theme)
    products, _ = order_products(resolve_products(catalog, skus), theme)
    kn = Knowledge.load(catalog)
    live_time, _ = kn.live_time()
    host = (host or "").strip() or guess_host(catalog)
    rng = random.Random(seed_for([p.sku for p in products], theme, day or dt.date.today()))
    return warmup_posts(rng, catalog.store, products, theme, host, live_time)
