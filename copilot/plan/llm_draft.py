"""The LLM path of the script drafter: prompt facts, structured output, and vetting against the catalog.

The model's draft is validated into ``ScriptDraft``; then every line is checked: a price that is not
the catalog's rejects the whole draft (the caller falls back to the template draft, labelled), a
number the knowledge lacks gets the template's line for that slot instead, a missing segment is filled
from the template, and advertising-law wording is rewritten.
"""

from __future__ import annotations

import logging
import re

from copilot.base.errors import LLMError
from copilot.base.llm import complete
from copilot.base.prompts import load_prompt
from copilot.plan import compliance
from copilot.plan.model import Knowledge, Line, ScriptDraft, Segment, numbers_in, prices_in

log = logging.getLogger(__name__)
THEME_HINTS = {
    "源头探访": "多讲产地、谁家种的养的、怎么采摘运到店里",
    "后场探秘": "多讲到店后的品控检查和储存",
    "门店日常": "轻松聊天，产地、口感、吃法都讲一点",
    "晚市特惠": "今天到店的货今晚按直播间价清，多讲价格、库存和怎么存",
    "新品试吃": "当场试吃，多讲口感和吃法",
}


class ScriptRejected(LLMError):
    """The model's draft states something the catalog contradicts (a wrong price)."""


def segment_facts(kn: Knowledge, seg: Segment, products) -> list[dict]:
    cat = kn.catalog
    if seg.kind == "product":
        p = cat.require(seg.sku)
        facts = [{"source": f"catalog:{p.sku}.{k}", "text": f"{label}：{v}"}
                 for k, label, v in (("name", "品名", p.name), ("link", "链接号", f"{p.link}号链接"),
                                     ("price", "直播间价", f"{p.price:g}元/{p.unit}"),
                                     ("original_price", "门店原价", p.original_price and f"{p.original_price:g}元/{p.unit}"),
                                     ("offer", "优惠", p.offer), ("spec", "规格", p.spec),
                                     ("stock", "今晚库存", f"{p.stock:g}{p.unit}"),
                                     ("limit_per_buyer", "每人限购", p.limit_per_buyer and f"{p.limit_per_buyer:g}{p.unit}"),
                                     ("origin", "产地", p.origin)) if v]
        for sec in kn.notes.get(p.sku, {}).values():
            facts += [{"source": f.source, "text": f.text} for f in sec]
        return facts
    facts = [{"source": f"catalog:{p.sku}.price", "text": f"{p.link}号{p.name} {p.price:g}元/{p.unit}"}
             for p in products]
    facts += [{"source": f"store.{k}", "text": v} for k, v in kn.catalog.store.facts().items()]
    order = kn.order_rule_source()
    if order:
        doc, sec = order.split("#", 1)
        facts += [{"source": order, "text": s} for s in kn.docs[doc][sec]]
    return facts


def llm_draft(model, kn: Knowledge, base: ScriptDraft) -> ScriptDraft:
    products = [kn.catalog.require(s.sku) for s in base.segments if s.sku]
    plan = [{"kind": s.kind, "sku": s.sku, "title": s.title, "start_min": s.start_min,
             "minutes": s.minutes, "facts": segment_facts(kn, s, products)} for s in base.segments]
    raw = complete(model, load_prompt("script"), schema=ScriptDraft, store=kn.catalog.store.name,
                   host=base.host, theme=base.theme, theme_hint=THEME_HINTS.get(base.theme, ""),
                   minutes=base.minutes, plan=plan)
    return vet(raw, kn, base)


def _align(raw: ScriptDraft, base: ScriptDraft) -> list[Segment | None]:
    """For each planned segment, the model's segment with the same kind and sku (in order), or None."""
    pool = list(raw.segments)
    out: list[Segment | None] = []
    for b in base.segments:
        match = next((s for s in pool if s.kind == b.kind and (s.sku or None) == b.sku and s.lines), None)
        if match is not None:
            pool.remove(match)
        out.append(match)
    return out


def known_sources(kn: Knowledge, base: ScriptDraft) -> set[str]:
    known = {ln.source for s in base.segments for ln in s.lines if ln.source}
    known |= {f.source for secs in kn.notes.values() for facts in secs.values() for f in facts}
    known |= {f"store.{k}" for k in kn.catalog.store.facts()}
    known |= {f"{doc}#{sec}" for doc, secs in kn.docs.items() for sec in secs}
    fields = ("name", "link", "price", "original_price", "offer", "spec", "stock", "limit_per_buyer", "origin")
    known |= {f"catalog:{p.sku}.{f}" for p in kn.catalog.products for f in fields}
    return known


def vet(raw: ScriptDraft, kn: Knowledge, base: ScriptDraft) -> ScriptDraft:
    """Repair or reject the model's draft; raise ScriptRejected on a wrong price."""
    pool = kn.number_pool()
    known = known_sources(kn, base)
    products = [kn.catalog.require(s.sku) for s in base.segments if s.sku]
    all_prices = set().union(*(kn.prices_for(p) for p in products)) | {
        n for v in kn.catalog.store.facts().values() for n in numbers_in(v)}
    texts = section_texts(kn)
    notices: list[str] = []
    segments = []
    for i, (b, r) in enumerate(zip(base.segments, _align(raw, base)), start=1):
        if r is None:
            notices.append(f"第{i}段「{b.title}」大模型没有写，已用模板补上")
            segments.append(b)
            continue
        allowed = kn.prices_for(kn.catalog.require(b.sku)) if b.sku else all_prices
        lines = [_vet_line(ln, i, j, b, allowed, pool, known, notices, texts) for j, ln in enumerate(r.lines)]
        segments.append(b.model_copy(update={"lines": [ln for ln in lines if ln is not None]}))
    title = raw.title.strip() or base.title
    return base.model_copy(update={"segments": segments, "title": title, "mode": "llm", "notices": notices})


def _vet_line(ln: Line, si: int, li: int, base_seg: Segment, allowed: set[float], pool: set[float],
              known: set[str], notices: list[str], kn_texts: dict[str, str]) -> Line | None:
    text = ln.text.strip()
    if not text:
        return None
    wrong = sorted(prices_in(text) - allowed)
    if wrong:
        raise ScriptRejected(f"大模型草稿第{si}段写的价格 {', '.join(f'{w:g}元' for w in wrong)} 与商品目录不符",
                             hint="价格只以 products.yaml 为准")
    unknown = sorted(numbers_in(text) - pool)
    if unknown:
        fallback = base_seg.lines[li] if li < len(base_seg.lines) else None
        what = "、".join(f"{u:g}" for u in unknown)
        notices.append(f"第{si}段第{li + 1}句提到资料里没有的数字 {what}，"
                       + ("已换成模板句" if fallback else "已删去"))
        return fallback
    source = ln.source if ln.source in known else None
    if source and "#" in source and not source.startswith("faq") and not supported(text, kn_texts.get(source, "")):
        fallback = base_seg.lines[li] if li < len(base_seg.lines) else None
        notices.append(f"第{si}段第{li + 1}句与它引用的资料（{source}）对不上，"
                       + ("已换成模板句" if fallback else "已删去"))
        return fallback
    if source is None and numbers_in(text):
        source = _infer_source(text, base_seg)
    violations = compliance.check(text)
    if violations:
        fixed = compliance.rewrite(text)
        notices.append(f"第{si}段第{li + 1}句：" + "，".join(
            f"「{v.term}」→「{v.suggestion or '删去'}」" for v in violations))
        text = fixed
    return Line(text=text, source=source)


CJK = re.compile(r"[\u4e00-\u9fff]")
SUPPORT_MIN = 0.25


def section_texts(kn: Knowledge) -> dict[str, str]:
    out = {f.source: "" for secs in kn.notes.values() for facts in secs.values() for f in facts}
    for secs in kn.notes.values():
        for facts in secs.values():
            for f in facts:
                out[f.source] += f.text
    return out


def supported(text: str, section: str) -> bool:
    """Does a line citing a notes section share enough of its wording (character bigrams)?"""
    chars = "".join(CJK.findall(text))
    grams = {chars[i:i + 2] for i in range(len(chars) - 1)}
    if len(grams) < 4:
        return True
    ref = "".join(CJK.findall(section))
    have = {ref[i:i + 2] for i in range(len(ref) - 1)}
    return len(grams & have) / len(grams) >= SUPPORT_MIN


def _infer_source(text: str, seg: Segment) -> str | None:
    """A sourceless line with numbers: the template line of this segment that states the same numbers."""
    nums = numbers_in(text)
    for ln in seg.lines:
        if ln.source and nums & numbers_in(ln.text) == nums:
            return ln.source
    m = re.search(r"catalog:\w+", " ".join(ln.source or "" for ln in seg.lines))
    return f"{m.group(0)}.price" if m and prices_in(text) else None
