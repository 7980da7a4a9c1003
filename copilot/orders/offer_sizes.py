"""Sizes a 接龙 header lists for one product name: ``纯棉床笠 1.5米 / 1.8米``, ``纯棉床笠`` then ``1.5米 59元 / 1.8米 69元``;
and the specs a catalog writes after a name's space: ``LED球泡灯 9W 6.5元/个 18W 11.8元/个``, ``儿童书包 1-3年级 / 4-6年级``.

The organiser writes the goods' name once and then the sizes on offer. Each size listed offers the product whose name
is that name with that size (纯棉床笠 1.8米), not only the one whose whole name the header happens to write first; a
chain read as offering one product would book a bare ``小雨 2`` as that size. A size that is a limit or a weight of the
offer (限10斤, 满2斤) offers nothing. The same holds for any spec a listing's name writes after the goods' name and a
space (9W / 18W, 1-3年级 / 4-6年级): written on its own in the header beside the goods' name, it offers that listing.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import normalize
from copilot.orders.packs import BRACKETED, one_goods
from copilot.orders.sizes import SIZE, size_key, sizes_of

_NOT_LISTED = re.compile(r"(?:限|满|每|共|约|重|送|超过|以上|不足)\s*$")
_PLAIN = re.compile(r"[\s()（）\[\]【】·/／\-—_]+")


def _base(name: str) -> str:
    """纯棉床笠 1.8米 -> 纯棉床笠: the name with its sizes left out."""
    return _PLAIN.sub("", SIZE.sub("", normalize(name)))


def listed_sizes(text: str, offered: list[Product], catalog: Catalog) -> list[Product]:
    """The products of the sizes ``text`` lists whose name without its size is the name of an ``offered`` product
    without its size, or is written in ``text`` itself (a name of two characters or more)."""
    t = normalize(text)
    plain = _PLAIN.sub("", t)
    bases = {_base(n) for p in offered for n in p.names}
    have = {p.sku for p in offered}
    out: dict[str, Product] = {}
    for m in SIZE.finditer(t):
        if _NOT_LISTED.search(t[max(0, m.start() - 3):m.start()]):
            continue
        holders = sizes_of(catalog).get(size_key(m), ())
        for q in holders:
            if q.sku in have or q.sku in out or any(p.sku in have and one_goods([p, q]) for p in holders):
                continue  # 淡奶油整箱团 1L×12盒: the size the offered case's own name holds, not its single
            if any(len(b) > 1 and (b in bases or b in plain) for b in map(_base, q.names)):
                out[q.sku] = q
    return list(out.values())


def _spec(name: str) -> tuple[str, list[str]]:
    """LED球泡灯 18W -> (led球泡灯, [18w]): the goods' name and the words a listing's name writes after it."""
    head, *rest = BRACKETED.sub("", normalize(name)).split()
    return head, rest


def listed_specs(text: str, offered: list[Product], catalog: Catalog) -> list[Product]:
    """The listings whose spec (every word of its name after the goods' name: 18W, 4-6年级) ``text`` writes on its own
    (no letter or digit glued before or after it, no 限 / 每 … before it), where that goods' name is an ``offered``
    product's or is written in ``text`` itself (two characters or more)."""
    t = normalize(text)
    plain = _PLAIN.sub("", t)
    heads = {_spec(n)[0] for p in offered for n in p.names}
    have = {p.sku for p in offered}
    held = {w for p in offered for w in _spec(p.name)[1]}  # 1L of 淡奶油 1L 整箱12盒: the offered case's own spec
    out = []
    for q in catalog:
        head, rest = _spec(q.name)
        if q.sku in have or not rest or len(head) < 2 or head not in heads and head not in plain or set(rest) <= held:
            continue
        found = [re.search(rf"(?<![A-Za-z0-9.\-]){re.escape(w)}(?=$|[^A-Za-z0-9]|\d+(?:\.\d+)?\s*(?:元|块))", t)
                 for w in rest]  # 3-6岁38元: the spec, then its price glued
        if all(m and not _NOT_LISTED.search(t[max(0, m.start() - 3):m.start()]) for m in found):
            out.append(q)
    return out
