"""The items of a 接龙 line that the comment parser, reading the line whole, cannot tell apart, and a weight written
alone: ``矿泉水350 1箱+纯净水550 2箱`` (a name's own number beside the count), ``毛巾2捆 3条`` (a count of the same goods
in another unit, the goods not written again), ``1公斤`` (the loose goods of a chain that sells them by weight and in
a pack). Each reading is kept only where it books every item without doubt; reading a chain is
:mod:`copilot.orders.jielong`.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Product
from copilot.orders.amounts import GRAMS, UNIT
from copilot.orders.intent import Intent, Kind
from copilot.orders.names import plain_name

_PARTS = re.compile(r"\s*[\s、,，+＋;；]\s*")  # the items of a line, apart


def weighed(n: str, unit: str | None, offered: list[Product]) -> Product | None:
    """1公斤, 500克 alone in a chain of goods sold loose by weight and in a pack: the weight the name of one offered
    listing says (2.5kg of 牛肉丸 2.5kg袋装) is that listing; any other weight is the one offered listing sold by
    weight. None for a count that is no weight, or where two listings could be meant."""
    if unit not in GRAMS:
        return None
    said = f"{n}{unit}".lower()
    named = [p for p in offered if not p.is_weight and any(said in x.replace(" ", "").lower() for x in p.names)]
    if named:
        return named[0] if len(named) == 1 else None
    loose = [p for p in offered if p.is_weight]
    return loose[0] if len(loose) == 1 else None


# a space or + after a count and its unit, before the next product (not before a number: 1箱 2瓶 is the parser's)
_ITEM_SEAM = re.compile(rf"(?<=[\d一二两三四五六七八九十])(\s*{UNIT})\s*[\s+＋]\s*(?=[^\d\s+＋])")


def items_apart(content: str, intent: Intent, product: Product | None, parse) -> Intent:
    """矿泉水350 1箱+纯净水550 2箱, 矿泉水550 1箱 纯净水550 1箱: items joined by a space or + where a name ends with a
    number of its own (350, 550), so the parser cannot tell the name's number from the count; each count and its
    unit closes an item, as a comma would. Kept only when every item is read, one product each, else review stays."""
    apart = _ITEM_SEAM.sub(r"\1，", content)
    if apart == content:
        return intent
    again = parse(apart, product.sku if product else None)
    skus = [i.sku for i in again.items]
    if again.kind is not Kind.ORDER or again.needs_review or len(skus) != len(re.findall(r"[，,、;；]", apart)) + 1 \
            or len(set(skus)) != len(skus):
        return intent
    return again


_BARE_COUNT = re.compile(rf"^(?:\d+(?:\.\d+)?|[一两二三四五六七八九十俩]+)\s*(?P<u>{UNIT})$")
_GOODS_COUNT = re.compile(rf"^(?P<g>\S.*?)\s*(?:\d+(?:\.\d+)?|[一两二三四五六七八九十俩]+)\s*{UNIT}$")


def goods_carried(content: str, intent: Intent, product: Product | None, parse) -> Intent:
    """毛巾2捆 3条: a count with its unit and no goods, after an item, is more of the goods said before it, in the unit
    it says (the 条 of the towels beside their 捆), as if the word were written again (毛巾2捆，毛巾3条). Kept only when
    every item is read, each a product of its own, else review stays."""
    parts = [x for x in _PARTS.split(content.strip(" 。.!！~～")) if x]
    out, goods = [], ""
    for part in parts:
        if goods and _BARE_COUNT.match(part):
            out.append(goods + part)
            continue
        m = _GOODS_COUNT.match(part)
        goods = m.group("g") if m else ""
        out.append(part)
    if len(parts) < 2 or out == parts:
        return intent
    again = parse("，".join(out), product.sku if product else None)
    skus = [i.sku for i in again.items]
    if again.kind is not Kind.ORDER or again.needs_review or len(skus) != len(out) or len(set(skus)) != len(skus):
        return intent
    return again


def counts_of_offer(content: str, intent: Intent, offered: list[Product], parse) -> Intent:
    """3盒 单双2双 in a chain of chopsticks by the 双 and in a 盒 of 10双: a count with its unit and no goods, beside other
    items, is of the one offered product sold in that unit (as ``2盒`` alone would be), as if its name were written.
    Kept only when every item is read, each a product of its own, else review stays."""
    parts = [x for x in _PARTS.split(content.strip(" 。.!！~～")) if x]
    out = []
    for part in parts:
        m = _BARE_COUNT.match(part)
        sold = [p for p in offered if p.unit == m.group("u")] if m else []
        out.append(plain_name(sold[0]) + part if len(sold) == 1 else part)
    if len(parts) < 2 or out == parts:
        return intent
    again = parse("，".join(out), None)
    skus = [i.sku for i in again.items]
    if again.kind is not Kind.ORDER or again.needs_review or len(skus) != len(out) or len(set(skus)) != len(skus):
        return intent
    return again


__all__ = ["counts_of_offer", "goods_carried", "items_apart", "weighed"]
