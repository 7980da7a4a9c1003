"""A number with 号 that is a link or part of a product's name (LABELS rule 3): 5号 where link 5 sells other goods
than the 5号电池, read by the product shown and the unit said."""

from __future__ import annotations

from copilot.base.catalog import LINK_RE, Catalog, Product, link_number
from copilot.orders.amounts import SAME_COUNT
from copilot.orders.names import numbered_names
from copilot.orders.refs import Ref
from copilot.orders.sizes import sized


def number_or_link(r: Ref, catalog: Catalog, current: Product | None) -> Ref:
    """5号的来一个 with 5号电池 on screen: a bare link number that also starts another product's name is that
    link or that product, unless the link's own product is on screen; 10号来一袋 with the 10kg bag on screen (and
    link 10 another product) is that link or the size of the product shown."""
    m = LINK_RE.fullmatch(r.label) if r.product is not None and "号" in r.label and "链接" not in r.label else None
    if m is None or r.product is current:
        return r
    others = tuple(dict.fromkeys(q for _, q in numbered_names(catalog).get(link_number(m), ()) if q is not r.product))
    if current is not None and current not in others and sized(current, link_number(m)):
        others = (*others, current)
    return Ref(r.start, r.end, None, r.label, (r.product, *others)) if others else r


def link_by_unit(r: Ref, unit: str | None, current: Product | None) -> Ref:
    """3号来两包 where link 3 is the 主线 (by the 卷) and 3号 is in the name of a hook sold by the 包: of the products an
    N号 may name (link N first), the one sold in the unit said (or a word counted the same) when only one is (LABELS
    rule 3's unit clause), with link N's own product or neither shown; the number stays for a person otherwise
    (3号来两个, 个 the unit of neither; 5号来一盒 with the 5号 box itself shown: this one, or link 5?)."""
    if not unit or r.product is not None or not r.family or "号" not in r.label or not LINK_RE.fullmatch(r.label):
        return r
    if current is not None and current in r.family[1:]:
        return r
    same = {unit, *SAME_COUNT.get(unit, ())}
    sold = [p for p in r.family if p.unit in same]
    return Ref(r.start, r.end, sold[0], r.label) if len(sold) == 1 else r


def shown_link_or_name(r: Ref, catalog: Catalog, current: Product | None, unit: str | None) -> Ref:
    """5号来一条 with link 5 (3号拉链) on screen beside 5号拉链: the link's own product is shown, but the unit said is
    also the one the product whose name starts with 5号 is sold in, so the number names either (LABELS rule 3): a
    person asks. A unit only the shown link is sold in (5号来一桶 of the 洗衣液 shown beside 5号电池) keeps the link."""
    m = LINK_RE.fullmatch(r.label) if unit and r.product is not None and r.product is current else None
    if m is None or "号" not in r.label or "链接" in r.label:
        return r
    same = {unit, *SAME_COUNT.get(unit, ())}
    others = tuple(dict.fromkeys(q for _, q in numbered_names(catalog).get(link_number(m), ())
                                 if q is not r.product and q.unit in same))
    return Ref(r.start, r.end, None, r.label, (r.product, *others)) if others else r
