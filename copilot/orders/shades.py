"""A shade or colour said beside an order of goods the listing sells in shades: ``02豆沙来一支``, ``21号砖红 x1``,
``口红来一支 05号``, ``豆沙色的来一支``, ``深咖的 x2``, ``01正红和05枫叶各来一支``, and in a chain ``2盒 00``, ``1盒00``,
``口红2支 01和21各一`` (the shades of the count said).

The listing names its shades in its spec (``有 01 正红、02 豆沙、05 枫叶 五个色号``, ``有灰棕、深咖、浅棕三个颜色``). A code
said with its shade name, a code written with its leading zero (05号, 02的, 00: no link, no count is written so),
listed codes joined (01和21, each one of the count said), a listed code after the order's count (口红1支 12号), or a
shade name is what the counter picks: the order's note, never a quantity, a link or an unknown product. Only when a
counted quantity is left beside it, or nothing (02号 alone: which shade is said, not how many; a person asks). Nothing
here knows one store's goods: the shades come from the listings' own words.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN, zh_to_number
from copilot.orders.amounts import UNIT, UNIT_WORDS
from copilot.orders.memo import per_catalog
from copilot.orders.refs import find_refs

_COUNTED = r"[一二三四五六七八九十两几][个种款]"
_ONE_CHAR_UNITS = "".join(u for u in UNIT_WORDS if len(u) == 1 and "\u4e00" <= u <= "\u9fff")  # 来一个柠檬味
# 01 正红、02 豆沙 … 五个色号: a code and its shade's name
_CODED = re.compile(rf"(?<!\d)(\d{{2}})\s*([\u4e00-\u9fff]{{1,4}}?)(?=色|\s*[、，,；;/]|\s*{_COUNTED}|\s*$)")
# 有灰棕、深咖、浅棕三个颜色: shade names listed, then how many
# (or scents and flavours: 海洋、柠檬、古龙三个味道, picked the same way: 柠檬味, 海洋味的)
_KINDS = r"颜色|色号|色|味道|口味|香味|香型"
_NAMED = re.compile(rf"([\u4e00-\u9fff]{{2,4}}(?:\s*[、/]\s*[\u4e00-\u9fff]{{2,4}})+)\s*(?:{_COUNTED}|等)?(?:{_KINDS})")
_SHADE_WORDS = re.compile(_KINDS)
_COUNT = re.compile(rf"(?:{NUM_PATTERN})\s*{UNIT}|[x*+扣]\s*\d")  # the order's count, said
_ALONE = re.compile(r"(?:我?(?:要|来|拿|买|选))?")


@per_catalog
def _shades(catalog: Catalog) -> dict[str, tuple[dict[str, str], tuple[str, ...]]]:
    """sku -> (code -> shade name, shade names) as its spec lists them."""
    out = {}
    for p in catalog:
        spec = p.spec or ""
        if not _SHADE_WORDS.search(spec):
            continue
        codes = {m.group(1): m.group(2) for m in _CODED.finditer(spec)} if "色号" in spec else {}
        names = [n for m in _NAMED.finditer(spec) for n in re.split(r"\s*[、/]\s*", m.group(1))]
        names = [re.sub(rf"^[有分是]|{_COUNTED}$", "", n) for n in names] + list(codes.values())
        names = tuple(sorted({n for n in names if len(n) >= 2}, key=len, reverse=True))
        if codes or len(names) >= 2:
            out[p.sku] = (codes, names)
    return out


def _token(codes: dict[str, str], names: tuple[str, ...]) -> re.Pattern:
    name = "|".join(map(re.escape, names)) or "(?!)"
    code = "|".join(map(re.escape, codes)) or "(?!)"
    return re.compile(rf"(?<![\d.])(?:(?P<c>{code})\s*号?\s*(?P<n>{name})|(?P<j>(?:{code})(?:\s*(?:和|、|/)\s*(?:{code}))+)"
                      rf"(?:\s*各\s*(?:一|1)(?!\s*{UNIT}))?|(?P<z>0\d)\s*号|(?P<after>{code})\s*号|(?P<zd>0\d)(?![\d.])|"
                      rf"(?:(?<![\u4e00-\u9fff])|(?<=[一二两三四五六七八九十\d][{_ONE_CHAR_UNITS}]))(?P<w>{name}))\s*(?:色|味道?|口味)?的?")


_EACH = re.compile(r"^\s*(?:和|跟|、|,|，)?\s*$")
_EACH_COUNT = re.compile(rf"^\s*各\s*(?:来|要|拿|买)?\s*(?P<n>{NUM_PATTERN})\s*(?P<u>{UNIT})")


def said_shades(t: str, catalog: Catalog, current: Product | None) -> tuple[str, list[str]]:
    """``t`` without the shades said beside a counted order, and those shades (the order's note), or ``t`` as it is."""
    shades = _shades(catalog)
    if not shades:
        return t, []
    refs = find_refs(t, catalog)
    products = [current] if current else []
    products += [r.product for r in refs if r.product]
    products = [p for p in dict.fromkeys(products) if p.sku in shades]
    if len({p.sku for p in products}) != 1:
        return t, []
    codes, names = shades[products[0].sku]
    found = [m for m in _token(codes, names).finditer(t)
             if not (m.group("c") and m.group("c") in codes and not _agrees(m, codes))
             and not (m.group("after") and not _counted_before(t, m.start(), refs, products[0]))]
    if not found:
        return t, []
    rest, at, notes = [], 0, []
    for m in found:
        rest.append(t[at:m.start()] + " ")
        at = m.end()
    tail = t[at:]
    notes = [m.group(0).strip() for m in found]
    if len(found) == 2 and _EACH.match(t[found[0].end():found[1].start()]) and _EACH_COUNT.match(tail):
        each = _EACH_COUNT.match(tail)  # 01正红和05枫叶各来一支: one of each shade, one product
        total = float(zh_to_number(each.group("n")) or 0) * 2
        tail = f"来{total:g}{each.group('u')}{tail[each.end():]}"
        notes = [t[found[0].start():found[1].end()].strip()]
    out = ("".join(rest) + tail).strip()
    if not _COUNT.search(out) and not _ALONE.fullmatch(out):
        return t, []  # no counted quantity beside it: the number may be the count (a person reads it)
    return out, notes  # said alone (02号): the shade, how many unsaid (the rules ask)


def _counted_before(t: str, at: int, refs: list, p: Product) -> bool:
    """口红1支 12号: the product's own count said before the code (12号来两支 is link 12; 面霜1罐 12号 may be link 12)."""
    named = [r for r in refs if r.end <= at]
    return bool(_COUNT.search(t[:at])) and (not named or named[-1].product is p)


def _agrees(m: re.Match, codes: dict[str, str]) -> bool:
    """The code's own shade name is said with it (02豆沙, not 02 and another shade's name)."""
    return codes[m.group("c")] == m.group("n") or m.group("n").startswith(codes[m.group("c")])


__all__ = ["said_shades"]
