"""A live comment -> an Intent: order, cancel, modify, question or other.

Rules first (fast, deterministic); when an LLM is configured, only the comments the rules leave
undecided may be sent to it, and its answer is validated against the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    ORDER = "order"
    CANCEL = "cancel"
    MODIFY = "modify"
    QUESTION = "question"
    OTHER = "other"


@dataclass(frozen=True)
class Item:
    sku: str
    qty: float | None = None  # in the product's sale unit; None for "all of it" (cancel)
    unit: str = ""

    def to_dict(self) -> dict:
        return {"sku": self.sku, "qty": _num(self.qty), "unit": self.unit}


@dataclass(frozen=True)
class Intent:
    kind: Kind
    items: tuple[Item, ...] = ()
    needs_review: bool = False
    reason: str = ""
    source: str = "rules"  # "rules" or "llm"

    @property
    def is_order(self) -> bool:
        return self.kind is Kind.ORDER

    def to_dict(self) -> dict:
        return {"kind": self.kind.value, "items": [i.to_dict() for i in self.items],
                "needs_review": self.needs_review, "reason": self.reason, "source": self.source}


@dataclass(frozen=True)
class Comment:
    id: str
    user: str
    text: str
    ts: float | None = None
    current_sku: str | None = None
    extra: dict = field(default_factory=dict, compare=False)


def _num(x: float | None):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(float(x), 3)
