"""采购单 (以销定采): what to buy from each supplier for one 场次, from what the buyers ordered.

Per product: demand is what is reserved or paid and not yet handed over, plus the waitlist, minus the
stock on hand (counted by the owner, per 场次; 0 when not counted: fresh goods are bought to order).
Products are grouped by their ``supplier`` in products.yaml. The list can be built at any time: in
the afternoon from the group's 接龙 pre-orders, after the stream with the live orders too.

The cut-off (截单时间) is the store's ``order_cutoff`` on the 场次's day (a time before 06:00 means the
next morning), or one given for this list; orders placed after it wait for the next purchase and are
counted apart. Lines still waiting for a person (待确认) are counted apart too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone

from copilot.base.errors import InputError
from copilot.orders.counter import load_on_hand
from copilot.orders.pickup import PickupSchedule, day_text, stream_date
from copilot.orders.records import OrderLine, qty_text
from copilot.orders.schema import PAID, RESERVED, REVIEW, WAITLIST

NO_SUPPLIER = "未填供货商"
DEMAND = (RESERVED, PAID, WAITLIST)
NO_CUTOFF = ("无", "不截单", "none", "no", "off")
EARLY_MORNING = time(6, 0)


@dataclass
class PurchaseItem:
    sku: str
    name: str
    unit: str
    link: int
    supplier: str
    ordered: float = 0.0  # reserved + paid: sold, not yet handed over
    waitlist: float = 0.0
    on_hand: float = 0.0
    buyers: int = 0

    @property
    def qty(self) -> float:
        """What to buy: ordered + waitlist - on hand, never below 0."""
        return max(0.0, round(self.ordered + self.waitlist - self.on_hand, 3))

    def to_dict(self) -> dict:
        return {"sku": self.sku, "name": self.name, "qty": self.qty, "unit": self.unit, "ordered": self.ordered,
                "waitlist": self.waitlist, "on_hand": self.on_hand, "buyers": self.buyers}


@dataclass
class SupplierOrder:
    supplier: str
    items: list[PurchaseItem]

    def to_dict(self) -> dict:
        return {"supplier": self.supplier, "items": [i.to_dict() for i in self.items]}


@dataclass
class PurchasePlan:
    stream: str
    store: str
    address: str
    day: datetime  # the 场次's day (midnight, local)
    delivery: PickupSchedule  # goods must be in before the buyers come
    cutoff: datetime | None
    items: list[PurchaseItem] = field(default_factory=list)  # every product with demand or stock on hand
    late_lines: int = 0  # orders after the cut-off (next purchase)
    review_lines: int = 0

    @property
    def suppliers(self) -> list[SupplierOrder]:
        """What to order, per supplier (named suppliers first, by name; products by link)."""
        per: dict[str, list[PurchaseItem]] = {}
        for item in self.items:
            if item.qty > 0:
                per.setdefault(item.supplier, []).append(item)
        names = sorted(per, key=lambda s: (s == NO_SUPPLIER, s))
        return [SupplierOrder(s, sorted(per[s], key=lambda i: i.link)) for s in names]

    def to_dict(self) -> dict:
        return {"stream": self.stream, "cutoff": self.cutoff.isoformat(timespec="minutes") if self.cutoff else None,
                "delivery": self.delivery.to_dict(), "suppliers": [s.to_dict() for s in self.suppliers],
                "products": [i.to_dict() | {"supplier": i.supplier} for i in self.items],
                "late_lines": self.late_lines, "review_lines": self.review_lines}


def purchase_plan(ledger, *, cutoff: str | None = None, on_hand: dict[str, float] | None = None) -> PurchasePlan:
    """The purchase list of ``ledger.stream``. ``cutoff``: see :func:`resolve_cutoff`; ``on_hand``
    overrides the counted stock of some products for this list."""
    lines = ledger.lines()
    catalog, store = ledger.catalog, ledger.catalog.store
    day = stream_date(ledger.stream, lines)
    at = resolve_cutoff(store, day, cutoff)
    counted = {**load_on_hand(ledger.engine, ledger.stream), **(on_hand or {})}
    plan = PurchasePlan(ledger.stream, store.name, store.address, datetime.combine(day, time()),
                        PickupSchedule.of(store, ledger.stream, lines), at)
    items = {p.sku: PurchaseItem(p.sku, p.name, p.unit, p.link, (p.supplier or "").strip() or NO_SUPPLIER,
                                 on_hand=round(float(counted.get(p.sku, 0.0)), 3)) for p in catalog.products}
    buyers: dict[str, set[str]] = {}
    for ln in lines:
        if ln.status == REVIEW:
            plan.review_lines += 1
        if ln.status not in DEMAND or ln.sku not in items:
            continue
        if at is not None and _created(ln) > at:
            plan.late_lines += 1
            continue
        item = items[ln.sku]
        if ln.status == WAITLIST:
            item.waitlist = round(item.waitlist + (ln.qty or 0), 3)
        else:
            item.ordered = round(item.ordered + (ln.qty or 0), 3)
        buyers.setdefault(ln.sku, set()).add(ln.buyer_key or ln.buyer)
    for sku, item in items.items():
        item.buyers = len(buyers.get(sku, ()))
    plan.items = sorted((i for i in items.values() if i.ordered or i.waitlist or i.on_hand), key=lambda i: i.link)
    return plan


def _created(ln: OrderLine) -> datetime:
    at = ln.created_at
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


def resolve_cutoff(store, day, text: str | None) -> datetime | None:
    """The cut-off as a local time: ``text`` ("22:00", "2026-11-22 22:00", or 无 for none), else the
    store's ``order_cutoff`` on ``day``; a time before 06:00 is the next morning. None: no cut-off."""
    if text is not None and text.strip().lower() in NO_CUTOFF:
        return None
    raw = (text or "").strip()
    if not raw:
        at = store.cutoff_time()
        return _on(day, at) if at else None
    m = re.fullmatch(r"(?:(\d{4})-(\d{1,2})-(\d{1,2})[ T])?(\d{1,2})[:：](\d{2})", raw)
    try:
        if m is None:
            raise ValueError(raw)
        clock = time(int(m.group(4)), int(m.group(5)))
        if m.group(1):
            return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), clock.hour, clock.minute).astimezone()
    except ValueError:
        raise InputError(f"截单时间「{raw[:30]}」看不懂", hint="写成 22:00 或 2026-11-22 22:00；不截单写“无”") from None
    return _on(day, clock)


def _on(day, clock: time) -> datetime:
    when = datetime.combine(day, clock)
    if clock < EARLY_MORNING:
        when += timedelta(days=1)
    return when.astimezone()


def supplier_message(plan: PurchasePlan, order: SupplierOrder) -> str:
    """The message to send the supplier: what, how much, by when and where."""
    who = "" if order.supplier == NO_SUPPLIER else f"{order.supplier}您好，"
    rows = [f"{i}. {it.name} {qty_text(it.qty)}{it.unit}" for i, it in enumerate(order.items, start=1)]
    start = plan.delivery.start
    by = f"{day_text(plan.delivery.day)}{start:%H:%M} 前" if start else f"{day_text(plan.delivery.day)}"
    where = f"送到{plan.address}" if plan.address else "送到店里"
    cut = f"（截至 {plan.cutoff.month}月{plan.cutoff.day}日 {plan.cutoff:%H:%M} 的订单）" if plan.cutoff else ""
    return "\n".join([f"{who}我是{plan.store}，这次要货{cut}：", *rows, f"请在 {by}{where}，谢谢！"])


def parse_on_hand(pairs: list[str], catalog) -> dict[str, float]:
    """``["strawberry=10", "大米=3"]`` -> {sku: qty}; a product by sku or name; clear errors."""
    out: dict[str, float] = {}
    for pair in pairs:
        name, sep, raw = pair.replace("＝", "=").partition("=")
        p = catalog.get(name.strip()) or catalog.find(name.strip())
        if not sep or p is None:
            raise InputError(f"现有库存「{pair}」看不懂", hint="写成 商品=数量，例如 strawberry=10 或 大米=3")
        try:
            qty = float(raw)
        except ValueError:
            qty = -1.0
        if not 0 <= qty < 1e9:
            raise InputError(f"{p.name} 的现有库存「{raw}」不对", hint="填 0 或更大的数")
        out[p.sku] = round(qty, 3)
    return out
