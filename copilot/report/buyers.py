"""Buyers over time, across every 场次 in the ledger: orders, amount, pickup rate, and simple tiers —
新客 (one 场次), 回头客 (two or more), 沉睡 (nothing for more than 30 days) — and the share of repeat
buyers per stream.

A buyer is the ledger's buyer key (the platform's viewer id, else the nickname), shown with the
nickname they used last. Counts follow the ledger's rules: orders and amount are reserved, paid and
picked-up lines; the pickup rate is picked-up lines over those lines.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone

from copilot.base.db import reading
from copilot.base.errors import InputError
from copilot.orders.schema import ALLOCATED, CANCELLED, PICKED_UP
from copilot.report.source import Line, open_engine, read_lines, stream_starts

NEW, REPEAT, DORMANT = "新客", "回头客", "沉睡"
TIERS = (NEW, REPEAT, DORMANT)
DORMANT_DAYS = 30


@dataclass
class BuyerStream:
    stream: str
    orders: int = 0
    qty: float = 0.0
    amount: float = 0.0
    picked_up: int = 0
    cancelled: int = 0


@dataclass
class Buyer:
    key: str
    name: str
    streams: int = 0
    orders: int = 0
    amount: float = 0.0
    picked_up: int = 0
    cancelled: int = 0
    first: datetime | None = None
    last: datetime | None = None
    tier: str = NEW
    history: list[BuyerStream] = field(default_factory=list)

    @property
    def pickup_rate(self) -> float:
        return round(100 * self.picked_up / self.orders, 1) if self.orders else 0.0

    def to_dict(self, history: bool = False) -> dict:
        d = {"key": self.key, "buyer": self.name, "tier": self.tier, "streams": self.streams,
             "orders": self.orders, "amount": self.amount, "picked_up": self.picked_up,
             "pickup_rate": self.pickup_rate, "cancelled": self.cancelled,
             "first": self.first.date().isoformat() if self.first else None,
             "last": self.last.date().isoformat() if self.last else None}
        if history:
            d["history"] = [asdict(h) for h in self.history]
        return d


@dataclass
class StreamRepeat:
    stream: str
    started_at: datetime
    buyers: int
    repeat: int

    @property
    def share(self) -> float:
        return round(100 * self.repeat / self.buyers, 1) if self.buyers else 0.0


def _as_of(as_of: datetime | None) -> datetime:
    as_of = as_of or datetime.now(timezone.utc)
    return as_of if as_of.tzinfo else as_of.replace(tzinfo=timezone.utc)


def buyers_from_lines(lines: list[Line], as_of: datetime | None = None) -> list[Buyer]:
    """Buyers from order lines of any streams, biggest spenders first."""
    as_of = _as_of(as_of)
    people: dict[str, Buyer] = {}
    per: dict[str, dict[str, BuyerStream]] = defaultdict(dict)
    for ln in lines:
        if not ln.sku or (ln.status not in ALLOCATED and ln.status != CANCELLED):
            continue
        b = people.get(ln.buyer_key)
        if b is None:
            b = people[ln.buyer_key] = Buyer(ln.buyer_key, ln.buyer)
        h = per[ln.buyer_key].setdefault(ln.stream, BuyerStream(ln.stream))
        if ln.status == CANCELLED:
            b.cancelled += 1
            h.cancelled += 1
            continue
        b.name = ln.buyer  # the nickname they used last
        b.orders += 1
        h.orders += 1
        h.qty += ln.qty
        h.amount += ln.amount
        if ln.status == PICKED_UP:
            b.picked_up += 1
            h.picked_up += 1
        b.first = ln.created_at if b.first is None else min(b.first, ln.created_at)
        b.last = ln.created_at if b.last is None else max(b.last, ln.created_at)
    out = []
    for key, b in people.items():
        b.history = [h for h in per[key].values() if h.orders]
        for h in b.history:
            h.qty, h.amount = round(h.qty, 3), round(h.amount, 2)
        if not b.history:
            continue  # cancelled everything: not a buyer
        b.streams = len(b.history)
        b.amount = round(sum(h.amount for h in b.history), 2)
        b.tier = tier(b, as_of)
        out.append(b)
    return sorted(out, key=lambda b: (-b.amount, b.name))


def tier(b: Buyer, as_of: datetime) -> str:
    if b.last is not None and as_of - b.last > timedelta(days=DORMANT_DAYS):
        return DORMANT
    return REPEAT if b.streams >= 2 else NEW


def buyers_history(url: str, as_of: datetime | None = None) -> list[Buyer]:
    """Every buyer of the ledger at ``url``, across its streams."""
    engine = open_engine(url)
    with reading(engine) as conn:
        return buyers_from_lines(read_lines(conn), as_of)


def find_buyer(buyers: list[Buyer], query: str) -> Buyer:
    """A buyer by key, exact nickname, or a part of the nickname that matches one buyer only."""
    q = (query or "").strip()
    if not q:
        raise InputError("没有给出买家", hint="写买家昵称，例如 copilot buyers show 王阿姨")
    for test in (lambda b: b.key == q, lambda b: b.name == q, lambda b: q in b.name):
        found = [b for b in buyers if test(b)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "、".join(f"{b.name}（{b.key}）" for b in found[:5])
            raise InputError(f"有 {len(found)} 位买家符合「{q}」：{names}", hint="用完整昵称或买家编号（key）")
    raise InputError(f"没有找到买家「{q}」", hint="用 copilot buyers list 查看所有买家")


def repeat_by_stream(url: str) -> list[StreamRepeat]:
    """Per stream, oldest first: its buyers and how many had bought in an earlier stream."""
    engine = open_engine(url)
    starts = stream_starts(engine)
    with reading(engine) as conn:
        lines = read_lines(conn)
    return repeat_from_lines(lines, starts)


def repeat_from_lines(lines: list[Line], starts: dict[str, datetime]) -> list[StreamRepeat]:
    first_buy: dict[str, datetime] = {}
    buyers: dict[str, set[str]] = defaultdict(set)
    for ln in lines:
        if ln.sku and ln.status in ALLOCATED:
            buyers[ln.stream].add(ln.buyer_key)
            if ln.buyer_key not in first_buy or ln.created_at < first_buy[ln.buyer_key]:
                first_buy[ln.buyer_key] = ln.created_at
    out = []
    for stream in sorted(buyers, key=lambda s: starts.get(s) or datetime.max.replace(tzinfo=timezone.utc)):
        start = starts.get(stream)
        repeat = sum(1 for k in buyers[stream] if start is not None and first_buy[k] < start)
        out.append(StreamRepeat(stream, start, len(buyers[stream]), repeat))
    return out


def tier_counts(buyers: list[Buyer]) -> dict[str, int]:
    return {t: sum(b.tier == t for b in buyers) for t in TIERS}
