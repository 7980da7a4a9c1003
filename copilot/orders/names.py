"""The catalog's names as the parser writes them back into a comment: a name without brackets (a comment's clauses
split at brackets) and the names that start with a link-like number (5号电池)."""

from __future__ import annotations

import re

from copilot.base.catalog import LINK_RE, Catalog, Product, link_number
from copilot.base.zhnum import normalize
from copilot.orders.memo import per_catalog

_BRACKET = re.compile(r"[()（）\[\]【】]")


def plain_name(p: Product) -> str:
    """A name of the product without brackets or spaces (碧根果小袋 of 奶油碧根果（小袋）): a comment's clauses
    split at brackets, so a name spelled out into a line must not hold them."""
    return next((n for n in (p.name, *p.aliases) if not _BRACKET.search(n) and " " not in n), p.name)


@per_catalog
def _bracketed(catalog: Catalog) -> list[tuple[str, str]]:
    """(a name with brackets, as typed and normalized; its plain name)."""
    return [(form, plain_name(p)) for p in catalog for n in p.names if _BRACKET.search(n)
            for form in dict.fromkeys((n, normalize(n)))]


def plain_names(t: str, catalog: Catalog) -> str:
    """奶油碧根果（小袋）来2袋: a name with brackets written whole, as its plain name (碧根果小袋), so the brackets
    do not split the comment into clauses."""
    for form, plain in _bracketed(catalog):
        if form in t:
            t = t.replace(form, plain)
    return t


@per_catalog
def numbered_names(catalog: Catalog) -> dict[int, list[tuple[str, Product]]]:
    """link-like number -> (the rest of the name, product) of names that start with one (5号电池: 5, 电池)."""
    got: dict[int, list[tuple[str, Product]]] = {}
    for p in catalog.products:
        for name in (p.name, *p.aliases):
            m = LINK_RE.match(name)
            n = link_number(m) if m and m.end() < len(name) and "号" in m.group(0) else None
            if n is not None and not name[m.end()].isdigit():
                got.setdefault(n, []).append((name[m.end():], p))
    return got
