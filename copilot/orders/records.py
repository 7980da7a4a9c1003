"""The ledger's result records: an order line, what applying a comment did, ingest totals, pick and slip rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from copilot.base.catalog import Product, fmt_number
from copilot.orders.schema import STATUS_ZH, order_lines


@dataclass
class OrderLine:
    id: int
    stream: str
    buyer: str
    sku: str | None
    qty: float | None
    unit: str
    unit_price: float | None
    status: str
    reason: str
    comment_id: str | None
    comment_text: str
    comment_ts: float | None
    created_at: datetime
    updated_at: datetime | None = None
    buyer_key: str = ""  # who the buyer is: see buyer_key()
    note: str = ""

    @property
    def amount(self) -> float:
        return round((self.qty or 0) * (self.unit_price or 0), 2)

    @property
    def status_zh(self) -> str:
        return STATUS_ZH.get(self.status, self.status)

    @classmethod
    def from_row(cls, row) -> "OrderLine":
        m = row._mapping
        d = {k: m[k] for k in _LINE_FIELDS}
        for k in ("qty", "unit_price", "comment_ts"):
            d[k] = None if d[k] is None else float(d[k])
        return cls(**d)


_LINE_FIELDS = [c.name for c in order_lines.columns]
SNAPSHOT = ("status", "sku", "qty", "unit", "unit_price", "reason", "note")  # what undo restores


@dataclass
class ApplyResult:
    duplicate: bool = False
    created: list[OrderLine] = field(default_factory=list)
    changed: list[OrderLine] = field(default_factory=list)
    review: bool = False
    message: str = ""
    action_id: int | None = None  # the journal entry that undoes it (when it was journalled)


@dataclass
class IngestStats:
    comments: int = 0
    orders: int = 0
    review: int = 0
    duplicates: int = 0


class PickLine(NamedTuple):
    buyer: str
    qty: float
    note: str = ""  # what the buyer said beside the goods (120码, 切片, 送到3栋): the picker reads it


class SlipItem(NamedTuple):
    name: str
    qty: float
    unit: str
    unit_price: float
    amount: float


def buyer_key(user: str, user_id: str | None = None) -> str:
    """Who a buyer is: the platform's stable viewer id when the source gives one, else the nickname.
    Two viewers with the same nickname are two buyers; one viewer's orders stay together."""
    return f"id:{user_id}" if user_id else f"name:{user}"


def qty_text(x: float | None) -> str:
    return fmt_number(round(x or 0, 3))


def short_name(p: Product | None, sku: str | None = None) -> str:
    if p is None:
        return sku or "（商品不明）"
    return p.aliases[0] if p.aliases else p.name
