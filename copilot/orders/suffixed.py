"""A product said by any name of another and the word its own names add to that one (鸡肉罐头整箱 when 鸡肉主食罐 is
also called 鸡肉罐头 and 鸡肉主食罐整箱 is the case of it; 可乐整箱, 牛奶一提装): that other product, whichever
name of the first the buyer used."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.orders.amounts import UNIT_WORDS
from copilot.orders.memo import per_catalog


@per_catalog
def suffixes_of(catalog: Catalog) -> dict[str, list[tuple[str, Product]]]:
    """sku of a product -> (the word added, the product whose name is one of its names and that word), the other
    products in catalog order, the longer word first. Each name is looked up by its heads (one to four characters
    cut off), so a large catalog is read in one pass over its names, not product by product."""
    products = list(catalog)
    order = {p.sku: i for i, p in enumerate(products)}
    by_sku = {p.sku: p for p in products}
    owners: dict[str, list[Product]] = {}
    for p in products:
        for n in dict.fromkeys(p.names):
            owners.setdefault(n, []).append(p)
    added: dict[str, dict[str, set[str]]] = {}
    for b in products:
        for n_b in b.names:
            for cut in range(1, min(4, len(n_b) - 1) + 1):
                head = n_b[:-cut]
                if n_b[len(head)].isdigit():
                    continue
                for a in owners.get(head, ()):
                    if a is not b:
                        added.setdefault(a.sku, {}).setdefault(b.sku, set()).add(n_b[len(head):])
    return {a: [(w, by_sku[b]) for b in sorted(per_b, key=order.__getitem__)
                for w in sorted(per_b[b], key=len, reverse=True)]
            for a, per_b in added.items()}


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


# where a word said after a name ends: an order word, a count, 的, a person, punctuation
_TAIL_STOP = re.compile(r"[的来要拿买订各也再和跟与还都就吧呢啊呀是给帮我你他她送留"
                        r"一二两三四五六七八九十半俩仨几\d\s，,。.!！?？~～、]")


def own_words(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """H4远近光来一对 of LED大灯 H4 远近一体: a product named, then a word that starts with two characters or more of
    that product's own names, held by no other product's names (远近), and at most one character more (光, the
    viewer's own word for it, no unit) before an order word or a count: the product's name said on, not unknown
    goods."""
    out = []
    for r in refs:
        end = _own_end(t, r.end, r.product, catalog) if r.product is not None else r.end
        if end > r.end and not any(o is not r and o.start < end and r.end < o.end for o in refs):
            r = make_ref(r.start, end, r.product, t[r.start:end], ())
        out.append(r)
    return out


def _own_end(t: str, at: int, p: Product, catalog: Catalog) -> int:
    """Where the word of ``p``'s own names said at ``at`` ends (``at`` when none is)."""
    k = 0
    while at + k < len(t) and not _TAIL_STOP.match(t, at + k) and _own(t[at:at + k + 1], p, catalog):
        k += 1
    if k < 2:
        return at
    more = at + k < len(t) and not _TAIL_STOP.match(t, at + k) and t[at + k] not in UNIT_WORDS \
        and (at + k + 1 == len(t) or _TAIL_STOP.match(t, at + k + 1))
    return at + k + (1 if more else 0)


def _own(word: str, p: Product, catalog: Catalog) -> bool:
    """``word`` is in a name of ``p`` and in no other product's names."""
    return any(word in n for n in p.names) and not any(q is not p and any(word in n for n in q.names) for q in catalog)
