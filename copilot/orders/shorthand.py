"""How viewers shorten a catalog's names, read from the catalog itself (no word lists per store).

When several products share a family word at the end of their names (柠檬凤爪 / 虎皮凤爪 share 凤爪,
原味卤鸭脖 / 香辣卤鸭脖 share 卤鸭脖), viewers name a product by what sets it apart: ``柠檬2 虎皮1``,
``虎皮的来两盒``. The family word alone (``凤爪2盒``) names no product: it is one of several, so it
goes to review, unless the comment asks for each of them (``两种凤爪都来一盒``).

- ``variants``: a word of two or more characters that starts a name of exactly one product, where the
  rest of that name is a family word; the word occurs in no other product's names.
- ``families``: a family word (two or more characters) -> the products whose names end with it, when
  it is not itself the name of a product.
- ``holds_pieces``: a product whose sale unit holds several pieces (``每盒 6 个``), where ``6个`` is
  six pieces, not six boxes.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import zh_to_number

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_PIECES = re.compile(r"\d+\s*(?:个|枚|只|片|颗|粒|根|块|支|条|串)")
_CACHE: weakref.WeakKeyDictionary[Catalog, Shorthand] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Shorthand:
    variants: dict[str, Product]
    families: dict[str, tuple[Product, ...]]
    pattern: re.Pattern | None  # variants and families, longest first

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of every variant or family word in ``text``, left to right."""
        return [(m.start(), m.end(), m.group(0)) for m in self.pattern.finditer(text)] if self.pattern else []


def shorthand(catalog: Catalog) -> Shorthand:
    """The catalog's variant and family words, computed once per catalog."""
    got = _CACHE.get(catalog)
    if got is None:
        got = _CACHE[catalog] = _build(catalog)
    return got


def _build(catalog: Catalog) -> Shorthand:
    exact = {n for p in catalog for n in p.names}
    owners: dict[str, set[str]] = {}
    for p in catalog:
        for n in p.names:
            for k in range(2, len(n)):
                owners.setdefault(n[-k:], set()).add(p.sku)
    families = {word: tuple(p for p in catalog if p.sku in skus) for word, skus in owners.items()
                if len(skus) > 1 and word not in exact and _CJK.match(word)}
    variants: dict[str, Product] = {}
    for p in catalog:
        for n in p.names:
            for word in families:
                head = n[:-len(word)]
                if n.endswith(word) and len(head) >= 2 and _distinct(head, p, catalog, exact):
                    variants[head] = p
    words = sorted([*variants, *families], key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in words)) if words else None
    return Shorthand(variants, families, pattern)


def _distinct(word: str, p: Product, catalog: Catalog, exact: set[str]) -> bool:
    """A variant word of ``p``: CJK, not a number, not a name itself, in no other product's names."""
    if word in exact or not _CJK.match(word) or zh_to_number(word) is not None:
        return False
    return not any(word in n for q in catalog if q.sku != p.sku for n in q.names)


def holds_pieces(p: Product) -> bool:
    """``每盒 6 个``, ``每盒 30 枚``: one sale unit holds several pieces, so 个 is not the sale unit."""
    return bool(p.spec) and p.unit not in ("个",) and bool(_PIECES.search(p.spec))
