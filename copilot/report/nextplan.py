"""The next stream, from the last one's data: a starting plan the owner can take or leave.

It proposes the products with unmet demand (still waitlisted), the products whose questions the
knowledge base could not answer (each question with the answer the owner has added since, looked up
in the knowledge base again, so the script can answer it), and the products that sold out fast.

    plan = suggest(settings.ledger_url, catalog, kb=kb)       # the latest stream with orders
    plan.skus, plan.products[0].reasons, plan.faq_answered()   # -> [(sku, question, answer, source)]
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from copilot.base.catalog import Catalog, fmt_number
from copilot.base.errors import CopilotError
from copilot.report.review import StreamReport, build_report
from copilot.report.source import list_streams, open_engine

log = logging.getLogger(__name__)
FAST_MINUTES = 30.0  # sold out within this many minutes of the stream: "sold out fast"


@dataclass
class Faq:
    sku: str
    question: str
    asks: int
    answer: str | None = None  # from the knowledge base now; None while it still cannot answer
    source: str | None = None


@dataclass
class Proposal:
    sku: str
    name: str
    reasons: list[str] = field(default_factory=list)
    score: float = 0.0


@dataclass
class NextPlan:
    stream: str | None
    products: list[Proposal] = field(default_factory=list)
    faq: list[Faq] = field(default_factory=list)

    @property
    def skus(self) -> list[str]:
        return [p.sku for p in self.products]

    def faq_answered(self) -> list[tuple[str, str, str, str | None]]:
        return [(f.sku, f.question, f.answer, f.source) for f in self.faq if f.answer]

    def markdown(self) -> str:
        if self.stream is None:
            return "还没有上一场的数据：直播结束后，这里会根据候补、没答上的问题和售罄情况给出建议。"
        if not self.products:
            return f"上一场（{self.stream}）没有需要特别安排的商品：没有候补、没有答不上的问题、没有提前卖完。"
        lines = [f"**根据上一场（{self.stream}）的数据，建议今晚安排：**（由您决定，点“采用建议的商品”会勾选它们）"]
        lines += [f"- **{p.name}**：{'；'.join(p.reasons)}" for p in self.products]
        if self.faq:
            lines.append("\n**观众上次问了、知识库没答上的问题：**")
            lines += [f"- {f.question}（{f.asks} 人问）→ " + (f"已补充答案，生成脚本时写进去：{f.answer}" if f.answer else
                                                      "还没有答案：在“复盘”里点“补进资料”写上") for f in self.faq]
        return "\n".join(lines)


def latest_stream(url: str, exclude: str | None = None) -> str | None:
    for name in list_streams(open_engine(url)):
        if name != exclude:
            return name
    return None


def suggest(url: str, catalog: Catalog, stream: str | None = None, *, kb=None, exclude: str | None = None) -> NextPlan:
    """Proposals from ``stream`` (default: the latest stream other than ``exclude``, e.g. tonight's)."""
    stream = stream or latest_stream(url, exclude)
    if stream is None:
        return NextPlan(None)
    rep = build_report(url, catalog, stream, clips=False)
    proposals = _proposals(rep)
    faq = [Faq(g.sku, g.text, g.asks) for g in rep.gaps if g.sku and catalog.get(g.sku) is not None]
    if kb is not None:
        for f in faq:
            f.answer, f.source = _answer(kb, f)
    return NextPlan(stream, sorted(proposals.values(), key=lambda p: -p.score), faq)


def _proposals(rep: StreamReport) -> dict[str, Proposal]:
    out: dict[str, Proposal] = {}

    def add(p, reason: str, score: float) -> None:
        prop = out.setdefault(p.sku, Proposal(p.sku, p.name))
        prop.reasons.append(reason)
        prop.score += score

    for p in rep.products:
        if p.waitlist_qty > 0:
            add(p, f"候补 {fmt_number(p.waitlist_qty)}{p.unit}（{p.waitlist} 笔）没买到，多备货", 2 + p.waitlist)
        if p.unanswered or any(g.sku == p.sku for g in rep.gaps):
            n = sum(g.sku == p.sku for g in rep.gaps)
            add(p, f"{n} 个问题知识库没答上，补上答案后讲清楚", 1 + n)
        if p.sold_out_min is not None and p.sold_out_min <= FAST_MINUTES:
            add(p, f"开播第 {fmt_number(p.sold_out_min)} 分钟就卖完了（库存 {fmt_number(p.stock)}{p.unit}）", 3)
    return out


def _answer(kb, f: Faq) -> tuple[str | None, str | None]:
    try:
        ans = kb.answer(f.question, current_sku=f.sku)
    except CopilotError as exc:
        log.warning("kb answer for the plan failed: %s", exc)
        return None, None
    if not ans.answered:
        return None, None
    src = ans.sources[0] if ans.sources else None
    return ans.text, (f"{src.file}#{src.section}" if src and getattr(src, "section", "") else (src.file if src else None))
