"""复盘 of one 场次: per product (time presented, comments, questions, orders, waitlist, cancellations,
sell-through, revenue, the clip), per minute (comments with the product switches, orders), the
knowledge gaps (what the knowledge base could not answer) and the share of repeat buyers.

Every number is counted from the ledger's own rows with the ledger's own rules (an amount is
``round(qty * unit_price, 2)`` per line; revenue counts reserved, paid and picked-up lines), so the
report reconciles exactly with the ledger.

    rep = build_report(settings.ledger_url, catalog, "2026-11-22")
    rep.revenue, rep.products[0].sell_through, rep.gaps[0].text
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import select

from copilot.base.catalog import Catalog
from copilot.base.db import reading
from copilot.live.events import ANSWERED, QUESTION, SWITCH
from copilot.orders.schema import ALLOCATED, CANCELLED, REVIEW, WAITLIST, order_lines
from copilot.report.source import StreamData, clip_links, load_stream, open_engine

log = logging.getLogger(__name__)
GAP_SKIP = ("injection", "off_topic")  # not a gap in the knowledge: nothing to write down


@dataclass
class ProductStats:
    sku: str
    link: int | None
    name: str
    unit: str
    presented_min: float = 0.0
    comments: int = 0
    questions: int = 0
    answered: int = 0       # answered from the knowledge base
    handed_over: int = 0    # handed to the assistant (the knowledge base had no answer)
    unanswered: int = 0     # handed over and never marked answered
    orders: int = 0         # reserved, paid or picked-up lines
    qty: float = 0.0
    buyers: int = 0
    waitlist: int = 0       # lines still waiting
    waitlist_qty: float = 0.0
    cancelled: int = 0
    stock: float = 0.0
    sell_through: float = 0.0  # % of the stream's stock that went to buyers
    revenue: float = 0.0
    sold_out_min: float | None = None  # minute of the stream when the last unit went
    clip: str = ""


@dataclass
class Gap:
    """A question the knowledge base could not answer: add the answer to the product's notes."""
    text: str
    sku: str | None
    name: str
    asks: int
    reason: str
    handled: bool  # the assistant marked it answered by hand


@dataclass
class StreamReport:
    stream: str
    store: str
    started_at: datetime | None
    products: list[ProductStats]
    minutes: list[tuple[int, int, int]]  # (minute, comments, orders)
    switches: list[tuple[float, str | None, str]]  # (minute, sku, label)
    gaps: list[Gap]
    buyers: int = 0
    repeat_buyers: int = 0
    comments: int = 0
    review: int = 0
    notices: list[str] = field(default_factory=list)

    @property
    def revenue(self) -> float:
        return round(sum(p.revenue for p in self.products), 2)

    @property
    def orders(self) -> int:
        return sum(p.orders for p in self.products)

    @property
    def repeat_share(self) -> float:
        return round(100 * self.repeat_buyers / self.buyers, 1) if self.buyers else 0.0

    @property
    def questions(self) -> int:
        return sum(p.questions for p in self.products)

    def to_dict(self) -> dict:
        return {"stream": self.stream, "store": self.store,
                "started_at": self.started_at.isoformat() if self.started_at else None,
                "revenue": self.revenue, "orders": self.orders, "buyers": self.buyers,
                "repeat_buyers": self.repeat_buyers, "repeat_share": self.repeat_share,
                "comments": self.comments, "questions": self.questions, "review": self.review,
                "products": [asdict(p) for p in self.products],
                "minutes": [{"minute": m, "comments": c, "orders": o} for m, c, o in self.minutes],
                "switches": [{"minute": m, "sku": s, "label": lab} for m, s, lab in self.switches],
                "gaps": [asdict(g) for g in self.gaps], "notices": self.notices}


def build_report(url: str, catalog: Catalog, stream: str, *, clips: bool = True) -> StreamReport:
    """The 复盘 of ``stream`` from the ledger at ``url`` (and the clips kept beside it)."""
    engine = open_engine(url)
    data = load_stream(engine, stream)
    products = _products(catalog, data)
    by_sku = {p.sku: p for p in products}
    _presented(data, by_sku, catalog)
    _questions(data, by_sku)
    if clips:
        for sku, path in clip_links(url, set(by_sku), stream, data.started_at).items():
            by_sku[sku].clip = path
    rep = StreamReport(stream=stream, store=catalog.store.name, started_at=data.started_at, products=products,
                       minutes=_per_minute(data), switches=_switches(data, catalog), gaps=_gaps(data, catalog),
                       comments=len(data.comment_ts), review=sum(ln.status == REVIEW for ln in data.lines))
    rep.buyers, rep.repeat_buyers = _repeat(engine, data)
    if not any(e.kind == SWITCH for e in data.events):
        rep.notices.append("直播间没有记录商品切换：讲解时长按评论当时的商品估算")
    return rep


def _products(catalog: Catalog, data: StreamData) -> list[ProductStats]:
    skus = list(dict.fromkeys([p.sku for p in catalog.products if p.sku in data.stock]
                              + [ln.sku for ln in data.lines if ln.sku]))
    if not skus:
        skus = [p.sku for p in catalog.products]
    out: dict[str, ProductStats] = {}
    for sku in skus:
        p = catalog.get(sku)
        out[sku] = ProductStats(sku, p.link if p else None, p.name if p else sku, p.unit if p else "",
                                stock=data.stock.get(sku, p.stock if p else 0.0))
    buyers: dict[str, set] = defaultdict(set)
    last_sale: dict[str, float] = {}
    for ln in data.lines:
        st = out.get(ln.sku or "")
        if st is None:
            continue
        if ln.status in ALLOCATED:
            st.orders += 1
            st.qty += ln.qty
            st.revenue += ln.amount
            buyers[ln.sku].add(ln.buyer_key)
            if ln.comment_ts is not None:
                last_sale[ln.sku] = max(last_sale.get(ln.sku, 0.0), ln.comment_ts)
        elif ln.status == WAITLIST:
            st.waitlist += 1
            st.waitlist_qty += ln.qty
        elif ln.status == CANCELLED:
            st.cancelled += 1
    for sku, st in out.items():
        st.qty, st.waitlist_qty, st.revenue = round(st.qty, 3), round(st.waitlist_qty, 3), round(st.revenue, 2)
        st.buyers = len(buyers[sku])
        st.sell_through = round(100 * st.qty / st.stock, 1) if st.stock else 0.0
        if st.stock and st.qty >= st.stock - 0.0005 and sku in last_sale:
            st.sold_out_min = round(last_sale[sku] / 60, 1)
    for ts, sku in data.comment_ts:
        if sku in out:
            out[sku].comments += 1
    return sorted(out.values(), key=lambda p: (p.link is None, p.link or 0, p.sku))


def _end_ts(data: StreamData) -> float:
    times = [ts for ts, _ in data.comment_ts if ts is not None]
    times += [e.ts for e in data.events if e.ts is not None]
    times += [ln.comment_ts for ln in data.lines if ln.comment_ts is not None]
    return max(times) if times else 0.0


def _presented(data: StreamData, by_sku: dict[str, ProductStats], catalog: Catalog) -> None:
    """Minutes per product: from the live room's product switches; without them, the minutes in which
    most comments came while that product was current."""
    switches = [(e.ts, e.sku) for e in data.events if e.kind == SWITCH and e.ts is not None]
    if switches:
        end = max(_end_ts(data), switches[-1][0])
        for (ts, sku), nxt in zip(switches, [s[0] for s in switches[1:]] + [end]):
            if sku in by_sku:
                by_sku[sku].presented_min += max(0.0, nxt - ts) / 60
    else:
        per_minute: dict[int, Counter] = defaultdict(Counter)
        for ts, sku in data.comment_ts:
            if ts is not None and sku:
                per_minute[int(ts // 60)][sku] += 1
        for counts in per_minute.values():
            sku = counts.most_common(1)[0][0]
            if sku in by_sku:
                by_sku[sku].presented_min += 1
    for st in by_sku.values():
        st.presented_min = round(st.presented_min, 1)


def _question_groups(data: StreamData) -> tuple[list, set]:
    asks = [e for e in data.events if e.kind == QUESTION]
    handled = {e.payload.get("group") for e in data.events if e.kind == ANSWERED}
    return asks, handled


def _questions(data: StreamData, by_sku: dict[str, ProductStats]) -> None:
    asks, handled = _question_groups(data)
    for e in asks:
        st = by_sku.get(e.sku or "")
        if st is None:
            continue
        st.questions += 1
        if e.payload.get("answered"):
            st.answered += 1
        else:
            st.handed_over += 1
            st.unanswered += e.payload.get("group") not in handled


def _gaps(data: StreamData, catalog: Catalog, top: int = 20) -> list[Gap]:
    asks, handled = _question_groups(data)
    groups: dict = {}
    for e in asks:
        if e.payload.get("answered") or e.payload.get("reason") in GAP_SKIP:
            continue
        gid = e.payload.get("group")
        key = gid if gid is not None else e.payload.get("text")
        if key not in groups:
            p = catalog.get(e.sku or "")
            groups[key] = Gap(str(e.payload.get("text") or ""), e.sku, p.name if p else "（未指定商品）", 0,
                              str(e.payload.get("reason") or ""), gid in handled)
        groups[key].asks += 1
    return sorted(groups.values(), key=lambda g: (-g.asks, g.handled, g.text))[:top]


def _per_minute(data: StreamData) -> list[tuple[int, int, int]]:
    comments = Counter(int(ts // 60) for ts, _ in data.comment_ts if ts is not None and ts >= 0)
    orders = Counter(int(ln.comment_ts // 60) for ln in data.lines
                     if ln.sku and ln.status != REVIEW and ln.comment_ts is not None and ln.comment_ts >= 0)
    last = max([*comments, *orders], default=-1)
    return [(m, comments.get(m, 0), orders.get(m, 0)) for m in range(last + 1)]


def _switches(data: StreamData, catalog: Catalog) -> list[tuple[float, str | None, str]]:
    out = []
    for e in data.events:
        if e.kind == SWITCH and e.ts is not None:
            p = catalog.get(e.sku or "")
            out.append((round(e.ts / 60, 2), e.sku, f"{p.link}号 {p.aliases[0] if p.aliases else p.name}"
                        if p else "（无商品）"))
    return out


def _repeat(engine, data: StreamData) -> tuple[int, int]:
    """Buyers of this stream, and how many of them had bought in an earlier stream."""
    mine = {ln.buyer_key for ln in data.lines if ln.status in ALLOCATED}
    if not mine or data.started_at is None:
        return len(mine), 0
    q = select(order_lines.c.buyer_key).distinct().where(
        order_lines.c.stream != data.stream, order_lines.c.status.in_(ALLOCATED),
        order_lines.c.created_at < data.started_at)
    with reading(engine) as conn:
        earlier = set(conn.execute(q).scalars())
    return len(mine), len(mine & earlier)
