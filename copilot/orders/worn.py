"""A size said as a bare number beside an order of goods sold in sizes: ``来一套 130``, ``3件120``, ``泳衣1件 110``,
``110和120各一件``, ``1件110 1件130``.

Clothes, shoes and hats are listed once for every size, and the listing says which sizes there are (``尺码 90-140``,
``尺码 24-32 码``, ``头围 48/50/52 厘米``). A number of two or three digits inside that span, written apart from
the order's counted quantity (a space, or right after its unit), is the size the buyer wants: the pick list's note,
never a second quantity. Sizes joined (``110和120``) with ``各`` and a count ask that count of each size of the one
product; a count for each size (``1件110 1件130``, ``120一套 140一套``) adds up. Nothing here knows one store's goods:
the sizes come from the listings' own words.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN, zh_to_number
from copilot.orders.amounts import UNIT, UNIT_WORDS
from copilot.orders.memo import per_catalog
from copilot.orders.refs import find_refs
from copilot.orders.sizes import sized

# the sizes a listing states: 尺码 90/100/110, 尺码 90-140, 头围 48-54 厘米, 24-32 码
_SIZE_LIST = re.compile(r"(?:尺码|码数|头围|身高|鞋码)\s*[:：]?\s*(\d{2,3}(?:\s*(?:[/、,，\-~～到至]|和)\s*\d{2,3})*)"
                        r"|(\d{2,3})\s*[-~～到至]\s*(\d{2,3})\s*码|(\d{2,3})\s*码")
_PUNCT = r"\s,，。、;；!！~～"
# a bare number of two or three digits: at the start, after a space or punctuation, or right after a unit (3件120)
_UNIT_CHARS = "".join(u for u in UNIT_WORDS if len(u) == 1)
_NOT_SIZE_AFTER = rf"码|岁|号|栋|幢|单元|楼|室|元|块|斤|公斤|厘米|米|寸|克|毫升|升|{UNIT}"
_BARE = re.compile(rf"(?:(?<=^)|(?<=[{_PUNCT}])|(?<=[{_UNIT_CHARS}])|(?<=[要来拿买选穿]))(\d{{2,3}})(的)?"
                   rf"(?=$|[{_PUNCT}]|(?!{_NOT_SIZE_AFTER})[\u4e00-\u9fff])")
_QTY = rf"(?:{NUM_PATTERN})\s*{UNIT}"
# 110和120各一件, 100、110各3条: sizes joined, then 各 and a count of each
_EACH = re.compile(rf"(?P<sizes>\d{{2,3}}(?:\s*(?:和|跟|、|/|,|，)\s*\d{{2,3}})+)\s*(?:码|的)?\s*各(?:来|要|拿|买)?\s*"
                   rf"(?P<n>{NUM_PATTERN})\s*(?P<u>{UNIT})")
# 1件110 1件130, 120一套 140一套, 一双24一双26: a count for each size
_PAIR = rf"(?:(?P<n1>{NUM_PATTERN})\s*(?P<u1>{UNIT})\s*(?P<s1>\d{{2,3}})|(?P<s2>\d{{2,3}})\s*(?P<n2>{NUM_PATTERN})\s*(?P<u2>{UNIT}))"
_PAIRS = re.compile(rf"(?:{_PAIR}\s*){{2,4}}$")
_ONE_PAIR = re.compile(_PAIR)
_COUNT_LEFT = re.compile(r"(?<![\d.])\d(?![\d.])")  # 蓝2 130: a one-digit count left beside the size
_ALONE = re.compile(r"^(?:我?(?:要|来|拿|买|选|穿))?$")


def size_span(p: Product) -> tuple[int, int] | None:
    """The smallest and largest size the listing states (尺码 90-140 -> 90, 140), None when it states none. A range in
    the name (棉拖鞋 38-39码) is the listing's own; its spec may name the sizes of the other listings (和 42-43码是同一款)."""
    nums = _sizes_stated(p.name) or _sizes_stated(p.spec or "")
    return (min(nums), max(nums)) if nums else None


def _sizes_stated(text: str) -> list[int]:
    return [int(n) for m in _SIZE_LIST.finditer(text) for g in m.groups() if g for n in re.findall(r"\d{2,3}", g)]


_SAID_SIZE = re.compile(r"(?<![\d.])(\d{2,3})\s*(?:码|号)?的")


def size_outside(note: str, products) -> str | None:
    """40的 on an order of 棉拖鞋 38-39码: a size said that the listing's name, which states its own sizes, does not
    hold. The reason a person asks which pair fits, else None."""
    for m in _SAID_SIZE.finditer(note or ""):
        for p in products:
            sizes = _sizes_stated(p.name)
            if sizes and not min(sizes) <= int(m.group(1)) <= max(sizes):
                return f"说的是{m.group(0)}，{p.name}没有这个尺码，请确认要哪一种"
    return None


@per_catalog
def _spans(catalog: Catalog) -> dict[str, tuple[int, int]]:
    """sku -> the size range its listing states (尺码 90-140)."""
    return {p.sku: span for p in catalog if (span := size_span(p))}


def _in_question(t: str, catalog: Catalog, current: Product | None) -> list[Product]:
    products = [current] if current else []
    for r in find_refs(t, catalog):
        products += [r.product] if r.product else list(r.family)
    return products


def _size_of(n: str, products: list[Product], spans: dict) -> bool:
    """``n`` is a size in the span a listing of ``products`` states, and no listing of them is that size by its name
    (1双39 1双42 of 中筒雨靴 39码 / 42码, whose spec says 39-42: 39 names the 39码 listing, no note of the 42码)."""
    value = int(n)
    return not any(sized(p, value) for p in products) and any(
        p.sku in spans and spans[p.sku][0] <= value <= spans[p.sku][1] for p in products)


def _count(n: str) -> float:
    return float(zh_to_number(n) or 0)


def bare_sizes(t: str, catalog: Catalog, current: Product | None) -> tuple[str, list[str]]:
    """``t`` without the sizes said as bare numbers, and those sizes (the order's note), or ``t`` as it is."""
    spans = _spans(catalog)
    if not spans or not re.search(r"\d{2,3}", t):
        return t, []
    products = [p for p in _in_question(t, catalog, current) if p.sku in spans]
    if not products:
        return t, []
    t, notes = _each(t, products, spans) or _pairs(t, products, spans) or (t, [])
    sizes, out, at = [], [], 0
    for b in _BARE.finditer(t):
        if _size_of(b.group(1), products, spans):
            sizes.append(b.group(0))
            out.append(t[at:b.start()] + " ")
            at = b.end()
    rest = ("".join(out) + t[at:]).strip()
    if not sizes or not (re.search(_QTY, rest) or _COUNT_LEFT.search(rest) or _ALONE.fullmatch(rest)):
        return t, notes  # no counted quantity beside it: the number may be the count (a person reads it)
    return rest, notes + sizes


def _each(t: str, products: list[Product], spans: dict) -> tuple[str, list[str]] | None:
    """110和120各一件: the count of each size of the one product."""
    m = _EACH.search(t)
    sizes = re.findall(r"\d{2,3}", m.group("sizes")) if m else []
    if not sizes or not all(_size_of(s, products, spans) for s in sizes):
        return None
    return _total(t[:m.start()], t[m.end():], _count(m.group("n")) * len(sizes), m.group("u")), [m.group("sizes")]


def _pairs(t: str, products: list[Product], spans: dict) -> tuple[str, list[str]] | None:
    """1件110 1件130 at the end of the order: one count per size, added up (the total said just before: its
    breakdown)."""
    start = next((m.start() for m in re.finditer(rf"(?:{NUM_PATTERN}|\d{{2,3}})", t) if _PAIRS.fullmatch(t, m.start())), None)
    if start is None:
        return None
    found = list(_ONE_PAIR.finditer(t, start))
    units = {m.group("u1") or m.group("u2") for m in found}
    sizes = [m.group("s1") or m.group("s2") for m in found]
    if len(units) != 1 or not all(_size_of(s, products, spans) for s in sizes):
        return None
    total = sum(_count(m.group("n1") or m.group("n2")) for m in found)
    return _total(t[:start], "", total, units.pop()), [" ".join(sizes)]


def _total(before: str, after: str, total: float, unit: str) -> str:
    """The sizes' counts as one quantity, unless the order says that total already (女童内裤来6条 100和110各3条,
    凉鞋2双 一双24一双26: the breakdown of the 6条, the 2双)."""
    said = [(_count(q.group(1)), q.group(2)) for q in re.finditer(rf"({NUM_PATTERN})\s*({UNIT})", before)]
    return f"{before} {after}".strip() if said[-1:] == [(total, unit)] else f"{before}{total:g}{unit}{after}"


_CHANGE = re.compile(r"^(?P<name>[^\d\s]{0,8}?)\s*(?:的)?\s*(?:改成|换成|改为|换为|改|换)\s*(?P<size>\d{2,3})\s*(?P<unit>码|cm|厘米)?"
                     r"\s*的?\s*(?:吧|哈|呀|啊|行吗)?$", re.IGNORECASE)


def size_change(t: str, catalog: Catalog, current: Product | None) -> tuple[Product, str] | None:
    """改成120的, T恤改成130的, 换成30码的: the size of the goods held changes, not how many (120 is no count of a
    listing sold in sizes 90-130): the product and the size, which a person applies to the order held."""
    m = _CHANGE.match(t.strip())
    if m is None:
        return None
    named = [r.product for r in find_refs(m.group("name"), catalog) if r.product] if m.group("name") else []
    products = named[:1] if named else ([current] if current and not m.group("name").strip() else [])
    spans = _spans(catalog)
    if not products or not _size_of(m.group("size"), products, spans):
        return None
    return products[0], m.group(0)[m.start("size"):].rstrip("的吧哈呀啊行吗 ")


def size_alone(rest: str) -> bool:
    """110, 我要120: the size is all that is said."""
    return bool(_ALONE.fullmatch(rest.strip()))


__all__ = ["bare_sizes", "size_alone", "size_change", "size_span"]
