"""What else a comment says that picks or counts the goods: the price it names (35一斤的排骨: the goods sold
at that price, no quantity and no talk about prices) and a unit said as one (来只鸭 is 来一只鸭)."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import normalize
from copilot.orders.amounts import UNIT, Quantity
from copilot.orders.intent import Intent
from copilot.orders.refs import fuzzy_product

# 35一斤的排骨, 19.9元/斤的芒果: a price with its unit, then 的: which goods, not how many
PRICE_OF = re.compile(rf"(?<![\d.])(?P<p>\d+(?:\.\d+)?)\s*(?:元|块钱?)?\s*(?:一|每|/)\s*{UNIT}\s*的")
_ONE_OF = re.compile(r"(?:来|要|拿|买)(?P<u>只|条|个|块|袋|盒|瓶|把|根|份|箱|包|桶|板|颗|棵)"
                     r"(?P<w>[\u4e00-\u9fff]{1,4})[吧呀哈啊]?$")


def price_checked(intent: Intent, text: str, catalog: Catalog) -> Intent:
    """35一斤的排骨来2斤: the price said picks the goods; when it is the price of no product read (42元一袋的
    with the 22-元 bag on screen), a person checks which one is meant."""
    said = _said(text)
    if not said or intent.needs_review or not intent.items:
        return intent
    for p in (catalog.get(i.sku) for i in intent.items):
        prices = [x for x in (p.price, p.original_price) if x] if p is not None else []
        if prices and not any(abs(s - x) < 0.01 for s in said for x in prices):
            return Intent(intent.kind, intent.items, needs_review=True, note=intent.note,
                          reason=f"说的价格和{p.name}的价格（{p.price:g}元）对不上，请确认要的是哪个")
    return intent


def priced_sku(text: str, catalog: Catalog) -> str | None:
    """29.9一斤的来2斤 with no product on screen (a 接龙 line): the one product sold at the price said."""
    said = _said(text)
    found = {p.sku for p in catalog for x in (p.price, p.original_price) if x and any(abs(s - x) < 0.01 for s in said)}
    return next(iter(found)) if len(found) == 1 else None


def _said(text: str) -> list[float]:
    return [float(m.group("p")) for m in PRICE_OF.finditer(normalize(text or ""))] if "的" in (text or "") else []


def one_of_word(masked: str, catalog: Catalog, current: Product | None) -> list[Quantity]:
    """来只鸭, 要瓶奶: an order word, a unit and a word for one product is one of it (来一只); 来个赞 is none."""
    m = _ONE_OF.search(masked)
    if m is None or fuzzy_product(m.group("w"), catalog, current, m.group("u")) is None:
        return []
    return [Quantity(m.start("u"), m.end("u"), 1.0, m.group("u"))]
