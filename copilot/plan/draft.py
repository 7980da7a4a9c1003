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

from copilot.base.catalog import Catalog, Product, fmt_number
from copilot.base.errors import CopilotError, InputError
from copilot.plan import compliance
from copilot.plan import templates as tpl
from copilot.plan.llm_draft import llm_draft
from copilot.plan.model import (
    DEFAULT_THEME,
    SECTIONS,
    THEMES,
    Fact,
    Knowledge,
    Line,
    LineViolation,
    ScriptDraft,
    Segment,
)
from copilot.plan.warmup import warmup_posts

log = logging.getLogger(__name__)
MIN_MINUTES, MAX_MINUTES = 10, 240
LOW_STOCK = 15
WEIGHTS = {"opening": 1.5, "product": 4.0, "interaction": 1.5, "closing": 1.5}


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
        out.append(seg.model_copy(update={"lines": lines}))
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
          host: str | None = None, *, model=None, day: dt.date | None = None,
          faq: list[tuple[str, str, str, str | None]] | None = None) -> ScriptDraft:
    """Tonight's script. With ``model`` (a ChatModel) the LLM writes it and is vetted; otherwise
    (or when the LLM fails or states a wrong price) the template engine writes it, and says so.
    ``faq`` [(sku, question, answer, source)]: questions viewers asked last time, answered from the
    knowledge base since; each goes into its product's segment."""
    theme = check_theme(theme)
    minutes = check_minutes(minutes)
    host = (host or "").strip() or guess_host(catalog)
    day = day or dt.date.today()
    segs = plan(catalog, skus, minutes, theme)
    kn = Knowledge.load(catalog)
    base = template_draft(kn, segs, theme, host, minutes, day)
    result = base
    if model is not None:
        try:
            result = llm_draft(model, kn, base)
        except CopilotError as exc:
            log.warning("llm script rejected, using template: %s", exc.message)
            result = base.model_copy(update={"notices": [f"{exc.message}，已改用离线模板草稿"]})
    return check_draft(add_faq(result, faq or []), catalog)


def add_faq(d: ScriptDraft, faq: list[tuple[str, str, str, str | None]]) -> ScriptDraft:
    """Answer last stream's questions in the script: one line per question, in its product's segment,
    with the answer's source (the knowledge file it comes from)."""
    segs = []
    for seg in d.segments:
        extra = [Line(f"上次有朋友问“{q.strip('？?。 ')}”，{a.strip()}", source=src)
                 for sku, q, a, src in faq if sku == seg.sku and a and a.strip()]
        segs.append(seg.model_copy(update={"lines": [*seg.lines, *extra]}) if extra else seg)
    return d.model_copy(update={"segments": segs})


def check_draft(d: ScriptDraft, catalog: Catalog | None = None) -> ScriptDraft:
    """Run the compliance check over every line (with the catalog: claimed original prices against the
    segment's product too); attach the violations."""
    found = []
    for si, seg in enumerate(d.segments):
        for li, ln in enumerate(seg.lines):
            for v in compliance.check(ln.text, catalog=catalog, sku=seg.sku):
                found.append(LineViolation(**v.model_dump(), segment=si, line=li))
    return d.model_copy(update={"compliance": found})


def apply_text(d: ScriptDraft, text: str, catalog: Catalog | None = None) -> ScriptDraft:
    """The owner's edited text (``to_text`` format) back into the draft: unchanged lines keep their
    source, edited lines have none; then re-checked (against ``catalog`` when given)."""
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
    return check_draft(d.model_copy(update={"segments": segs}), catalog)


def warmup(catalog: Catalog, skus: list[str], theme: str | None = None, host: str | None = None,
           day: dt.date | None = None) -> dict[str, str]:
    """Warm-up posts for tonight: a WeChat group post, a 1v1 message, a poster line."""
    theme = check_theme(theme)
    products, _ = order_products(resolve_products(catalog, skus), theme)
    kn = Knowledge.load(catalog)
    live_time, _ = kn.live_time()
    host = (host or "").strip() or guess_host(catalog)
    rng = random.Random(seed_for([p.sku for p in products], theme, day or dt.date.today()))
    return warmup_posts(rng, catalog.store, products, theme, host, live_time)
