"""A product said by any name of another and the word its own names add to that one (鸡肉罐头整箱 when 鸡肉主食罐 is
also called 鸡肉罐头 and 鸡肉主食罐整箱 is the case of it; 可乐整箱, 牛奶一提装): that other product, whichever
name of the first the buyer used."""

from __future__ import annotations

import weakref

from copilot.base.catalog import Catalog, Product

_SUFFIXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def suffixes_of(catalog: Catalog) -> dict[str, list[tuple[str, Product]]]:
    """sku of a product -> (the word added, the product whose name is one of its names and that word)."""
    got = _SUFFIXES.get(catalog)
    if got is None:
        got = _SUFFIXES[catalog] = {}
        products = list(catalog)
        for a in products:
            for b in products:
                if a is b:
                    continue
                added = {n_b[len(n_a):] for n_a in a.names for n_b in b.names
                         if n_b.startswith(n_a) and 1 <= len(n_b) - len(n_a) <= 4 and not n_b[len(n_a)].isdigit()}
                got.setdefault(a.sku, []).extend((w, b) for w in sorted(added, key=len, reverse=True))
        for sku in [k for k, v in got.items() if not v]:
            del got[sku]
    return got


def suffixed(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """``refs`` where a product's name is followed by the word that makes another product's name of it."""
    table = suffixes_of(catalog)
    if not table:
        return refs
    out = []
    for r in refs:
        for word, b in table.get(r.product.sku, ()) if r.product is not None else ():
            if t.startswith(word, r.end) and not any(o is not r and o.start < r.end + len(word) and r.end < o.end
                                                     for o in refs):
                r = make_ref(r.start, r.end + len(word), b, t[r.start:r.end + len(word)], ())
                break
        out.append(r)
    return out
