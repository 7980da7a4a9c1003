"""Quantities to products inside one clause of a comment (草莓2斤, 要两斤芒果, 草莓芒果各来两斤), and across the
clauses of a comment (草莓，芒果，各2斤; 草莓2斤 芒果: how many mangoes?)."""

from __future__ import annotations

from copilot.base.catalog import Product
from copilot.orders.amounts import Quantity, check_items
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.refs import Ref, unknown_reason


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


def order_of(clauses, current: Product | None) -> Intent:
    """The order of a comment from its clauses as ``rules`` read them (``kind``, ``refs``, ``quantities``, ``each``,
    ``asks_each``, ``named``, ``reason``): every product with its own quantity, or review saying what is unclear."""
    review = next((c for c in clauses if c.kind == "review"), None)
    if review is not None:
        return _review(Kind.ORDER, review.reason, undecided=True)
    orders = [c for c in clauses if c.kind == "order"]
    if any(c.asks_each for c in orders) and not any(c.quantities for c in orders):  # 5号和6号都要: how many each?
        return _review(Kind.ORDER, "说了“都要”，但没说每样要几份，请确认", undecided=True)
    if not any(c.refs for c in orders) and sum(len(c.quantities) for c in orders) > 1:
        return _review(Kind.ORDER, "重复的数量，不确定要几份", undecided=True)  # 扣1扣1扣1, +1 +1
    pairs: list[tuple[Product, Quantity]] = []
    pending: list[Product] = []
    named = False  # the pending products were only named (草莓，芒果2斤): no quantity of their own
    last: Product | None = None
    for c in orders:
        each = c.each and len(c.quantities) == 1 or c.asks_each and not c.quantities
        unknown = next((r for r in c.refs if r.product is None), None)
        if c.named and unknown is not None:  # 碧根果 2袋: which of the family (or no such link)?
            return _review(Kind.ORDER, unknown_reason(unknown), undecided=True)
        if c.named and (named or not pending):  # 草莓，芒果，各2斤: names waiting for one quantity
            pending, named = pending + [r.product for r in c.refs], True
            continue
        if pending and (named and not each and c.refs or len(pending) > 1 and not each and not c.refs):
            return _review(Kind.ORDER, "有的商品没说数量，请确认每样要几份", undecided=True)
        if c.refs:
            pairs.extend((p, c.quantities[0] if each and c.quantities else one()) for p in pending)
            got, pending = pair_clause(c.refs, c.quantities, c.each)
            named = False
            if got is None:
                return _review(Kind.ORDER, "数量和商品对不上，不确定每样要几份", undecided=True)
            pairs.extend(got)
            last = (pending or [p for p, _ in got] or [last])[-1]
        elif c.quantities:
            if not pending and last is not None:  # 芒果2斤 3斤, 芒果2斤→3斤: a second quantity for it
                return _review(Kind.ORDER, "同一个商品说了两个数量，不确定要几份", undecided=True)
            if each and pending:  # 草莓，芒果，各2斤
                pairs.extend((p, c.quantities[0]) for p in pending)
                pending = []
                continue
            target = pending[:1] or ([current] if current else [])
            if not target:
                return _review(Kind.ORDER, "没有正在讲解的商品，无法确定买的是哪个")
            pairs.extend((target[0], q) for q in c.quantities[:1])
            pending = []
    if pending and named:
        return _review(Kind.ORDER, "有的商品没说数量，请确认每样要几份", undecided=True)
    pairs.extend((p, one()) for p in pending)
    if not pairs:
        if current is None:
            return _review(Kind.ORDER, "没有正在讲解的商品，无法确定买的是哪个")
        pairs = [(current, one())]
    if len({p.sku for p, _ in pairs}) < len(pairs):  # 苹果5斤 橙子1箱 苹果2斤: 7斤, or 5 changed to 2?
        return _review(Kind.ORDER, "同一个商品说了两次，不确定一共要几份", undecided=True)
    if len(pairs) > 1 and any(not q.end for _, q in pairs):  # 草莓2斤 芒果, 5号和6号都要: one of each, or how many?
        return _review(Kind.ORDER, "有的商品没说数量，请确认每样要几份", undecided=True)
    return check_items(Kind.ORDER, pairs)


def _review(kind: Kind, reason: str, items: tuple[Item, ...] = (), undecided: bool = False) -> Intent:
    return Intent(kind, items, needs_review=True, reason=reason, undecided=undecided)
