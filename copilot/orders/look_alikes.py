"""Look-alike names (卢鱼 for 鲈鱼): a name written with one character that is a part of the right one, or the
other way, of one radical with a shared reading, or with every differing character of its phonetic family (混沌 /
馄炖 for 馄饨)."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.orders.alike import kin, looks_alike, part_of, radical_reading
from copilot.orders.shorthand import shorthand

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_COUNTS = frozenset("0123456789一二两三四五六七八九十")  # a count said where a name has another character


def look_alike(word: str, catalog: Catalog) -> list[Product]:
    """The products with a name of the same length as ``word`` that differs from it in exactly one
    character, where one of the two characters is a component of the other (see the docstring)."""
    if not 2 <= len(word) <= 8 or not _CJK.match(word):
        return []
    found = {p.sku: p for n, p in shorthand(catalog).names if looks_like(word, n)}
    return list(found.values())


def looks_like(word: str, name: str) -> bool:
    """``word`` is ``name`` with one character written as a look-alike (卢鱼 for 鲈鱼: one a component of the other,
    or of one radical with a shared reading), or with every character that differs of its phonetic family (馄炖 /
    混沌 for 馄饨)."""
    if len(name) != len(word):
        return False
    diff = [(a, b) for a, b in zip(word, name) if a != b]
    if any(a in _COUNTS and b not in _COUNTS for a, b in diff):  # 红烧牛肉面三桶: 3 of 红烧牛肉面 单桶, no typo of it
        return False
    return len(diff) == 1 and (part_of(*diff[0]) or radical_reading(*diff[0]) or looks_alike(*diff[0])) or bool(diff) and all(kin(a, b) for a, b in diff)
