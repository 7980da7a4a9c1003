"""Orders in shorthand: 1原2辣, 原2辣1, 2牛1羊, numbers and one-character names in turn, each character standing for
the one product of the catalog (a flavour, a variant) it belongs to."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import ZH_DIGITS
from copilot.orders.amounts import UNIT_WORDS, Quantity, check_items
from copilot.orders.intent import Intent, Kind
from copilot.orders.shorthand import shorthand

# 1原2辣 / 原2辣1: a character and a number, two to four times (spaces allowed)
_ABBREVIATED = re.compile(r"(?:(?: ?\d{1,2} ?[\u4e00-\u9fff]){2,4}|(?: ?[\u4e00-\u9fff] ?\d{1,2}){2,4}) ?")
_NUM_CHAR = re.compile(r"(\d{1,2})([\u4e00-\u9fff])")
_CHAR_NUM = re.compile(r"([\u4e00-\u9fff])(\d{1,2})")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def looks_abbreviated(t: str) -> bool:
    """1原2辣, 2牛1羊: numbers and one-character names in turn, the shape of an order in shorthand."""
    return bool(_ABBREVIATED.fullmatch(t))


def abbreviated_pairs(t: str, catalog: Catalog) -> Intent | None:
    """1原2辣 / 原2辣1: one character standing for a product (a flavour, a variant) next to a
    quantity, when that character belongs to exactly one product of the catalog."""
    if not _ABBREVIATED.fullmatch(t):
        return None
    s = t.replace(" ", "")
    if s[0].isdigit():
        found = [(c, n) for n, c in _NUM_CHAR.findall(s)]
    else:
        found = _CHAR_NUM.findall(s)
    owners = [{p.sku: p for p in catalog for name in p.names if char in name} for char, _ in found]
    if any(char in UNIT_WORDS or char in ZH_DIGITS for char, _ in found):
        return None
    sure = [next(iter(o.values())) for o in owners if len(o) == 1]
    related = [q.sku for fam in shorthand(catalog).families.values() if any(p in fam for p in sure) for q in fam]
    pairs = []
    for (char, n), mine in zip(found, owners):
        if len(mine) > 1:  # 3肉2菜: 肉 of 肉包 and of 鲜肉馄饨, but 菜 of 菜包 says the buns are meant
            mine = {k: p for k, p in mine.items() if k in related} or _pair_head(char, catalog)
        if len(mine) != 1:
            return None
        pairs.append((next(iter(mine.values())), Quantity(0, 0, float(n), None)))
    if len({p.sku for p, _ in pairs}) != len(pairs):
        return None
    return check_items(Kind.ORDER, pairs)


def _pair_head(char: str, catalog: Catalog) -> dict[str, Product]:
    """肉 of 肉包 / 菜包: the first character of a two-character name that another product's two-character name
    shares the last character of (the pair a viewer abbreviates by that first character)."""
    short = [(n, p) for p in catalog for n in p.names if len(n) == 2 and _CJK.match(n)]
    return {p.sku: p for n, p in short if n[0] == char
            and any(m[1] == n[1] and m[0] != n[0] and q.sku != p.sku for m, q in short)}
