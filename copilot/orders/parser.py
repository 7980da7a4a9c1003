"""The parser used by the ledger and the live room: the rules first; when a chat model is given,
only the comments the rules leave undecided go to it, and its answer is validated against the catalog
(sku, unit, limits) like a rule result."""

from __future__ import annotations

import logging

from pydantic import BaseModel, Field

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment
from copilot.base.errors import LLMError
from copilot.base.llm import complete
from copilot.base.prompts import load_prompt
from copilot.orders.amounts import UNIT_WORDS, Quantity, check_items
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.rules import MAX_COMMENT_CHARS, parse

log = logging.getLogger(__name__)


class IntentParser:
    """Rules first; when a chat model is given, only comments the rules leave undecided go to it,
    and its answer is validated against the catalog (sku, unit, limits) like a rule result."""

    def __init__(self, catalog: Catalog, llm=None) -> None:
        self.catalog = catalog
        self.llm = llm

    def parse(self, text: str, current_sku: str | None = None) -> Intent:
        intent = parse(text, self.catalog, current_sku)
        if self.llm is None or not intent.undecided:
            return intent
        return self._ask_llm(text, current_sku, intent)

    def __call__(self, comment: Comment) -> Intent:
        return self.parse(comment.text, comment.current_sku)

    def _ask_llm(self, text: str, current_sku: str | None, fallback: Intent) -> Intent:
        products = [{"sku": p.sku, "name": p.name, "aliases": list(p.aliases), "link": p.link,
                     "unit": p.unit} for p in self.catalog]
        try:
            answer = complete(self.llm, load_prompt("intent"), schema=LLMIntent, comment=text[:MAX_COMMENT_CHARS],
                              current_sku=current_sku or "", products=products)
        except LLMError as exc:
            log.warning("llm intent failed, keeping the rules' review: %s", exc)
            return fallback
        return self._validate(answer, fallback)

    def _validate(self, answer: LLMIntent, fallback: Intent) -> Intent:
        if not answer.confident:
            return fallback
        kind = Kind(answer.kind)
        if kind in (Kind.QUESTION, Kind.OTHER):
            return Intent(kind, reason="大模型判断", source="llm")
        pairs = []
        for item in answer.items:
            product = self.catalog.get(item.sku)
            if product is None or item.qty is None and kind is not Kind.CANCEL:
                return fallback
            unit = item.unit if item.unit in UNIT_WORDS else None
            pairs.append((product, Quantity(0, 0, float(item.qty or 1), unit)))
        if kind is Kind.CANCEL:
            return Intent(kind, tuple(Item(p.sku, None, p.unit) for p, _ in pairs), source="llm")
        if not pairs:
            return fallback
        checked = check_items(kind, pairs)
        return Intent(checked.kind, checked.items, checked.needs_review, checked.reason or "大模型判断", "llm")


class LLMItem(BaseModel):
    sku: str
    qty: float | None = Field(default=None, ge=0)
    unit: str | None = None


class LLMIntent(BaseModel):
    kind: Kind
    items: list[LLMItem] = []
    confident: bool = False
