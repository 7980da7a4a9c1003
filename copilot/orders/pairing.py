"""Quantities to products inside one clause of a comment (草莓2斤, 要两斤芒果, 草莓芒果各来两斤)."""

from __future__ import annotations

from copilot.base.catalog import Product
from copilot.orders.amounts import Quantity
from copilot.orders.refs import Ref


def one() -> Quantity:
    return Quantity(0, 0, 1.0, None)


Pairs = list[tuple[Product, Quantity]]


def pair_clause(refs: list[Ref], quantities: list[Quantity], each: bool) -> tuple[Pairs | None, list[Product]]:
    """Quantities to products inside one clause: '草莓2斤', '要两斤芒果', '草莓芒果各来两斤'.
    Returns the pairs and the products still waiting for a quantity from the next clause; None
    for the pairs when a quantity belongs to no product or a product gets two (草莓2斤3斤)."""
    if not quantities:
        return [], [r.product for r in refs]
    if each and len(quantities) == 1:
        return [(r.product, quantities[0]) for r in refs], []
    qty_first = quantities[0].start < refs[0].start and not any(q.start > refs[-1].end for q in quantities)
    pairs = []
    for i, ref in enumerate(refs):
        lo, hi = ((refs[i - 1].end if i else 0), ref.start) if qty_first else \
            (ref.end, refs[i + 1].start if i + 1 < len(refs) else 10**9)
        mine = [q for q in quantities if lo <= q.start < hi]
        if len(mine) > 1 or not mine and len(refs) > 1:  # 草莓2斤3斤; 草莓芒果2斤: each, or together?
            return None, []
        pairs.extend((ref.product, q) for q in mine or [one()])
    if sum(1 for _, q in pairs if q.end) < len(quantities):
        return None, []
    return pairs, []
