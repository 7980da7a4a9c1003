"""The short names a 接龙 header gives its products: a word the whole shop shares (柠檬 of 柠檬香洗衣液 and
柠檬洗洁精, 5号 of link 5 and 5号电池) names the one product of the chain's offer it belongs to."""

from __future__ import annotations

from copilot.base.catalog import LINK_RE, Catalog, Product, link_number
from copilot.orders.refs import numbered_names, plain_name
from copilot.orders.shorthand import shorthand


def offered_short_names(t: str, offered: list[Product], catalog: Catalog) -> str:
    """``t`` with each family word (柠檬) and each link-like number that starts names (5号) written as the name of
    the one offered product it can be; left as written when it can be several of the offer, or is a link number
    whose own product is on offer too."""
    if not offered:
        return t
    skus = {p.sku for p in offered}
    named = [(s, e) for s, e, _ in catalog.mentions(t)]
    short = shorthand(catalog)
    spans: list[tuple[int, int, Product]] = []
    for s, e, word in short.find(t):
        owners = [p for p in short.families.get(word, ()) if p.sku in skus] if word not in short.variants else []
        if len(owners) == 1 and not any(a < e and s < b for a, b in named):
            spans.append((s, e, owners[0]))
    for m in LINK_RE.finditer(t):
        n = link_number(m)
        if n is None or "号" not in m.group(0) or "链接" in m.group(0) or any(a < m.end() and m.start() < b for a, b in named):
            continue
        owners = list(dict.fromkeys(q for _, q in numbered_names(catalog).get(n, ()) if q.sku in skus))
        shown = catalog.by_link(n)
        if len(owners) == 1 and (shown is None or shown.sku not in skus):
            spans.append((m.start(), m.end(), owners[0]))
    for s, e, p in sorted(spans, key=lambda x: x[0], reverse=True):
        if not any(a < e and s < b for a, b, _ in spans if (a, b) != (s, e)):
            t = t[:s] + plain_name(p) + t[e:]
    return t
