"""Listings a 接龙 header offers by its prices: ``行李牌5元/个`` offers the 行李牌 sold by the 个, not its 4个装 sold by
the 包.

The organiser names the goods once and prices them per unit. Where the catalog sells those goods in two packs (one by
the 个, one by the 包 of 4个), the price per 个 says which of them the chain sells; a member's ``行李牌2个`` is then that
one, as ``2个`` alone would be. A pack stays offered when the header names it (by a name or an alias), prices its unit
too, or writes a count in its unit or its pack (整箱, 6盒, 4个装).
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import normalize
from copilot.orders.amounts import UNIT
from copilot.orders.names import plain_name
from copilot.orders.offered import SINGLE
from copilot.orders.packs import BRACKETED, only_pack_word, same_goods, singles_of

# 5元/个, 5元一个, 12.8/斤, 5块每个: a price per unit (after the goods' word: 钥匙扣8元/个)
_PER_UNIT = re.compile(rf"\d+(?:\.\d+)?\s*(?:元|块钱|块)?\s*(?:/|每|一)\s*(?P<u>{UNIT})")
_PRICED_WORD = re.compile(rf"(?P<w>[\u4e00-\u9fff]{{2,12}})\s*[:：]?\s*[¥￥]?\s*(?={_PER_UNIT.pattern})")


def _units(q: Product) -> set[str]:
    """The words that count one of ``q``: its unit, the piece of a pack of one (饼 of a 个 of pack 1饼), and any weight
    of goods sold by weight (10元一斤 prices the 雪菜 sold by the 两)."""
    size = q.pack_size
    weights = {"斤", "两", "公斤", "千克", "kg", "克", "g"} if q.is_weight else set()
    return {q.unit} | weights | ({size[1]} if size is not None and size[0] == 1 else set())


def _written(q: Product, t: str, priced: set[str], found: list[Product]) -> bool:
    """The header prices one of ``q`` or writes a count of it (6盒, 整箱), its pack (4个装) or a word of its name
    after the goods' own with a price or a count (单饼128元 of 熟普 单饼). What another listing's pack holds (50只一盒,
    6支装, 一捆10条) is no count of ``q``: it says how big that pack is."""
    units, t = _units(q), _pack_contents(t, [p for p in found if p is not q])
    if units & priced or any(re.search(rf"(?:\d|整|[一两二三四五六七八九十])\s*{re.escape(u)}", t) for u in units):
        return True
    size, plain = q.pack_size, t.replace(" ", "")
    return size is not None and f"{size[0]:g}{size[1]}" in plain \
        or any(re.search(rf"{re.escape(w)}[:：]?[¥￥]?\d", plain) for w in BRACKETED.sub("", normalize(q.name)).split()[1:])


def _pack_held(p: Product) -> re.Pattern | None:
    """What ``p``'s declared pack holds, said with the pack (50只一盒, 一盒50只, 6支装, 12双/包, 1L×12盒); None
    without a pack."""
    if p.pack_size is None:
        return None
    n, u = p.pack_size
    count = rf"{n:g}\s*{re.escape(u)}"
    return re.compile(rf"{count}\s*(?:装|(?:[一每/]\s*)?{re.escape(p.unit)})|[一每]\s*{re.escape(p.unit)}\s*{count}"
                      rf"|(?<=[A-Za-z\d])\s*[x×*]\s*{count}")  # 1L×12盒: the size times the count a case holds


def _pack_contents(t: str, others: list[Product]) -> str:
    """``t`` without what the packs of ``others`` hold, said with the pack (``_pack_held``)."""
    for p in others:
        held = _pack_held(p)
        t = held.sub(" ", t) if held else t
    return t


def _packs_of(p: Product, found: list[Product], catalog: Catalog) -> list[Product]:
    """The other listings of ``found`` that sell ``p``'s goods in another pack: ``same_goods``, or a name whose first
    word is ``p``'s (行李牌 单个 / 行李牌 4个装)."""
    head = BRACKETED.sub("", p.name).split()[0]
    return [q for q in found if q is not p and (q in same_goods(p, catalog) or BRACKETED.sub("", q.name).split()[0] == head)]


def priced_listings(text: str, catalog: Catalog) -> list[Product]:
    """钥匙扣8元/个, 单饼128元/饼: for each goods' word written before a price per unit (its longest end that a name
    holds), the one listing holding it that is sold in that unit; none where two are."""
    out: dict[str, Product] = {}
    t = normalize(text)
    named = [p for _, _, p in catalog.mentions(t)]
    for m in _PRICED_WORD.finditer(t):
        w = m.group("w")
        owners = next((found for k in range(len(w) - 1) if (found := catalog.holding(w[k:]))), [])
        if only_pack_word(w) and named and not any(q in named or set(named) & set(same_goods(q, catalog)) for q in owners):
            continue  # 小猪的十个朋友 精装29.8元一本: the binding of the book named, not another title's 精装
        sold = [q for q in owners if m.group("u") in _units(q)]
        if len(sold) == 1:
            out[sold[0].sku] = sold[0]
    return list(out.values())


_PRICES_IN_A_ROW = re.compile(rf"(?:\s*[:：]?\s*[¥￥]?\s*{_PER_UNIT.pattern.replace('(?P<u>', '(?:')}[\s,，、]*)+")
_COUNTED_AFTER = re.compile(rf"\s*(?:\d+|[一两二三四五六七八九十]+)\s*(?P<u>{UNIT})")


def _prices_in_a_row(header: str, at: int) -> int:
    """How many prices per unit follow one another from ``at`` (酸梅汤 8元/杯 25元/桶: 2)."""
    row = _PRICES_IN_A_ROW.match(header, at)
    return len(_PER_UNIT.findall(row.group(0))) if row else 0


def priced_short_names(content: str, header: str, offered: list[Product], catalog: Catalog) -> str:
    """上衣1件 in a chain whose header prices 上衣119/件 and 套装199/套, 上衣 a word of both offered listings (唐装上衣 by the
    件, 唐装套装 上衣加裤子 by the 套): a word the header prices per a unit names the one offered listing sold in that
    unit, and is spelled out as its name (the organiser's menu says what the word stands for in this chain). Not where
    the line counts it in another unit (酸辣粉1提 of a header that prices 酸辣粉7元/桶 25元/提: the unit picks)."""
    t = normalize(content)
    for m in _PRICED_WORD.finditer(normalize(header)) if header else ():
        w = m.group("w")
        owners = [q for q in offered if any(w in n for n in q.names)]
        sold = [q for q in owners if m.group("u") in _units(q)]
        if len(owners) < 2 or len(sold) != 1 or w not in t or " " in plain_name(sold[0]) \
                or _prices_in_a_row(normalize(header), m.end("w")) > 1:
            continue  # 酸梅汤 8元/杯 25元/桶: the word priced in two units, the unit said picks
        named = [(s, e) for s, e, _ in catalog.mentions(t)]
        at = [i.start() for i in re.finditer(re.escape(w), t)]
        for i in reversed(at):
            counted = _COUNTED_AFTER.match(t, i + len(w))
            if counted and counted.group("u") != m.group("u"):
                continue
            if not any(s < i + len(w) and i < e for s, e in named):
                t = t[:i] + plain_name(sold[0]) + t[i + len(w):]
    return t


# 按斤接龙, 写几斤就行, 接龙写斤数: the header says in which unit a member's bare number counts
_COUNTED_IN = re.compile(rf"按\s*(?P<a>{UNIT})\s*(?:接龙|报|写|填|登记|算)|写几\s*(?P<b>{UNIT})|(?:写|填|报)\s*(?P<c>{UNIT})数")


def counted_in(header: str) -> str | None:
    """The unit the header says a bare number of a one-product chain counts in (按斤接龙 写几斤就行: 斤), else None
    (the product's own unit)."""
    m = _COUNTED_IN.search(header)
    return next((u for u in m.groups() if u), None) if m else None


# 每人限2盒, 限购20罐: the unit of the limit, what a member's number counts in a chain of several packs of one goods
_LIMITED_IN = re.compile(rf"限\s*[购买]?\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?P<u>{UNIT})")


def bare_count_unit(header: str) -> str | None:
    """The unit a bare number of a member counts in, when the chain offers several listings: the unit the header says
    to write (写几盒就行), else the unit of the limit per member (每人限20罐), else None."""
    said = counted_in(header)
    if said:
        return said
    units = {m.group("u") for m in _LIMITED_IN.finditer(normalize(header))}
    return units.pop() if len(units) == 1 else None


def unpriced_packs(text: str, found: list[Product], catalog: Catalog) -> set[str]:
    """The skus of ``found`` that are another pack of found goods the header ``text`` prices in their own unit only."""
    t = normalize(text)
    priced = {m.group("u") for m in _PER_UNIT.finditer(t)}
    if not priced:
        return set()
    named = {p.sku for s, e, p in catalog.mentions(t) if not _goods_named(t[s:e], p, found, catalog)}
    return {q.sku for p in found if p.unit in priced for q in _packs_of(p, found, catalog)
            if q.sku not in named and not _written(q, t, priced, found)}


def packed_only(text: str, found: list[Product], catalog: Catalog) -> set[str]:
    """青团(6只/盒)30元 in a header, where the shop sells 青团 by the 只 and in a box of 6只: the header offers the goods
    in the pack whose contents it writes with that pack's unit (6只/盒, 每盒6只, 6只装), so the skus of ``found`` that
    sell those goods in another pack, which the header neither names nor counts nor prices in their own unit
    (``_written``), are not on offer; a member's 青团12只 is then 2 boxes, not 12 singles."""
    t = normalize(text)
    priced = {m.group("u") for m in _PER_UNIT.finditer(t)}
    named = {p.sku for _, _, p in catalog.mentions(t)}
    out: set[str] = set()
    for q in found:
        held = _pack_held(q)
        if held is None or q.unit == q.pack_size[1] or not held.search(t):
            continue
        out |= {p.sku for p in _packs_of(q, found, catalog) if p.sku not in named and not _written(p, t, priced, found)
                and not any(m.group("u") == p.unit for m in SINGLE.finditer(t))}  # 单只5元: the single too
    return out


def _goods_named(said: str, p: Product, found: list[Product], catalog: Catalog) -> bool:
    """香草冰淇淋, an alias of the 单支, said in a header of 香草冰淇淋 6支装: a word every other listing of the goods
    starts its name with names the goods, not the listing it is an alias of."""
    said = said.replace(" ", "")
    others = _packs_of(p, found, catalog)
    return bool(others) and all(any(n.replace(" ", "").startswith(said) for n in q.names) for q in others)


def singles_offered(text: str, offered: list[Product], catalog: Catalog) -> list[Product]:
    """苏打水 单瓶5元 整箱12瓶55元: a header that says 单 and a unit (单瓶) of goods it offers in another pack offers the
    single of them (``single_of``) sold in that unit too."""
    singles, out = singles_of(offered, catalog), []
    for m in SINGLE.finditer(normalize(text)):
        said = [s for s in singles if s.unit == m.group("u")]
        out += said if len(said) == 1 else []
    return out


__all__ = ["counted_in", "packed_only", "priced_listings", "priced_short_names", "singles_offered", "unpriced_packs"]
