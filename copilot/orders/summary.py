"""What a stream's order lines add up to: the stock summary, pick lists (分拣单) per product and
pickup slips (取货单) per buyer.

They read the ledger through :class:`LedgerReader` (anything with ``catalog``, ``stream``,
``lines()`` and ``stock_rows()``), so exports and reports depend on the records, not on the ledger.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from copilot.base.catalog import Catalog
from copilot.orders.records import OrderLine, PickLine, SlipItem
from copilot.orders.schema import ALLOCATED, PAID, PICKED_UP, RESERVED, REVIEW, WAITLIST


class LedgerReader(Protocol):
    catalog: Catalog
    stream: str

    def lines(self, *, sku=None, status=None, buyer=None, stream=None) -> list[OrderLine]: ...

    def stock_rows(self) -> dict[str, tuple[float, float]]: ...


def _r(x: float) -> float:
    return round(x or 0.0, 3)


def _product_order(ledger: LedgerReader, skus) -> list[str]:
    links = {p.sku: p.link for p in ledger.catalog.products}
    return sorted(skus, key=lambda s: (links.get(s, 10**6), s))


def stock_summary(ledger: LedgerReader) -> list[dict]:
    """Per product: sku, name, unit, total, reserved, paid, picked_up, waitlist, remaining, buyers,
    amount (of reserved + paid + picked up), plus link and review (lines waiting for a person)."""
    stock = ledger.stock_rows()
    sums: dict[tuple[str, str], float] = defaultdict(float)
    amounts: dict[str, float] = defaultdict(float)
    buyers: dict[str, set[str]] = defaultdict(set)
    review: dict[str, int] = defaultdict(int)
    for ln in ledger.lines():
        if not ln.sku:
            continue
        sums[ln.sku, ln.status] += ln.qty or 0
        review[ln.sku] += ln.status == REVIEW
        if ln.status in ALLOCATED:
            amounts[ln.sku] += ln.amount
            buyers[ln.sku].add(ln.buyer)
    out = []
    for p in ledger.catalog.products:
        total, held = stock.get(p.sku, (p.stock, 0.0))
        out.append({"sku": p.sku, "link": p.link, "name": p.name, "unit": p.unit, "price": p.price,
                    "total": _r(total), "reserved": _r(sums[p.sku, RESERVED]), "paid": _r(sums[p.sku, PAID]),
                    "picked_up": _r(sums[p.sku, PICKED_UP]), "waitlist": _r(sums[p.sku, WAITLIST]),
                    "remaining": max(0.0, _r(total - held)), "buyers": len(buyers[p.sku]),
                    "amount": round(amounts[p.sku], 2), "review": review[p.sku]})
    return sorted(out, key=lambda r: r["link"])


def pick_list(ledger: LedgerReader) -> list[dict]:
    """分拣单: per product with something to pack (reserved + paid, not yet picked up):
    link, sku, name, unit, total, lines [(buyer, qty, note)] in order of the first line of each buyer; the note
    joins what the buyer said on those lines (120码, 切片), each once."""
    per: dict[str, dict[str, float]] = defaultdict(dict)
    notes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ln in ledger.lines(status=(RESERVED, PAID)):
        if ln.sku:
            per[ln.sku][ln.buyer] = per[ln.sku].get(ln.buyer, 0.0) + (ln.qty or 0)
            if ln.note and ln.note not in notes[ln.sku, ln.buyer]:
                notes[ln.sku, ln.buyer].append(ln.note)
    out = []
    for sku in _product_order(ledger, per):
        p = ledger.catalog.get(sku)
        lines = [PickLine(b, _r(q), "；".join(notes[sku, b])) for b, q in per[sku].items()]
        out.append({"sku": sku, "link": p.link if p else None, "name": p.name if p else sku,
                    "unit": p.unit if p else "", "total": _r(sum(ln.qty for ln in lines)), "lines": lines})
    return out


def _slip_status(lines: list[OrderLine]) -> str:
    statuses = {ln.status for ln in lines}
    if statuses == {PICKED_UP}:
        return "已取货"
    if statuses <= {PAID, PICKED_UP}:
        return "已付款"
    return "待付款"


def pickup_slips(ledger: LedgerReader) -> list[dict]:
    """取货单: per buyer: items [(name, qty, unit, unit_price, amount)], total, pickup window, status."""
    per: dict[str, list[OrderLine]] = defaultdict(list)
    for ln in ledger.lines(status=ALLOCATED):
        if ln.sku:
            per[ln.buyer].append(ln)
    pickup = ledger.catalog.store.pickup
    out = []
    for buyer, lines in per.items():
        merged: dict[tuple[str, float], list[float]] = {}
        for ln in lines:
            acc = merged.setdefault((ln.sku, ln.unit_price or 0.0), [0.0, 0.0])
            acc[0] += ln.qty or 0
            acc[1] += ln.amount
        links = {p.sku: p.link for p in ledger.catalog.products}
        items = []
        for (sku, price), (qty, amount) in sorted(merged.items(), key=lambda kv: (links.get(kv[0][0], 10**6), kv[0][0])):
            p = ledger.catalog.get(sku)
            items.append(SlipItem(p.name if p else sku, _r(qty), p.unit if p else "", price, round(amount, 2)))
        out.append({"buyer": buyer, "items": items, "total": round(sum(i.amount for i in items), 2),
                    "pickup": pickup, "status": _slip_status(lines), "line_ids": [ln.id for ln in lines]})
    return out
