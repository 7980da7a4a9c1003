"""What a comment means for the ledger: an Intent (order, cancel, modify, question or other) with
its items, as plain records."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# Review reasons about the amount alone (the goods are known): over the per-buyer limit, or more than could be
# meant. Every such reason holds one of these words, so that the buyer's own new amount can settle it.
LIMIT_WORD = "每人限购"
ODD_AMOUNT_WORD = "数量异常"
AMOUNT_DOUBTS = (LIMIT_WORD, ODD_AMOUNT_WORD)


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
    relative: bool = False  # a modify by a signed change (再加一斤 +1, 少要一袋 -1), not to a new total

    def to_dict(self) -> dict:
        out = {"sku": self.sku, "qty": plain_qty(self.qty), "unit": self.unit}
        if self.relative:
            out["relative"] = True
        return out


@dataclass(frozen=True)
class Intent:
    kind: Kind
    items: tuple[Item, ...] = ()
    needs_review: bool = False
    reason: str = ""
    source: str = "rules"  # "rules" or "llm"
    undecided: bool = field(default=False, compare=False)  # the rules could not read it: an LLM may try
    note: str = ""  # what the buyer asked for besides the goods (送到3栋502, 尾号6789), kept on the order line
    declined: tuple[str, ...] = ()  # 不要A要B: the skus said not to be wanted (A), no order of them

    @property
    def is_order(self) -> bool:
        return self.kind is Kind.ORDER

    def to_dict(self) -> dict:
        out = {"kind": self.kind.value, "items": [i.to_dict() for i in self.items],
               "needs_review": self.needs_review, "reason": self.reason, "source": self.source}
        if self.note:
            out["note"] = self.note
        if self.declined:
            out["declined"] = list(self.declined)
        return out


def plain_qty(x: float | None):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(float(x), 3)
