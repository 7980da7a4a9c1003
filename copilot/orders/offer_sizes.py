"""Sizes a 接龙 header lists for one product name: ``纯棉床笠 1.5米 / 1.8米``, ``纯棉床笠`` then ``1.5米 59元 / 1.8米 69元``.

The organiser writes the goods' name once and then the sizes on offer. Each size listed offers the product whose name
is that name with that size (纯棉床笠 1.8米), not only the one whose whole name the header happens to write first; a
chain read as offering one product would book a bare ``小雨 2`` as that size. A size that is a limit or a weight of the
offer (限10斤, 满2斤) offers nothing.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import normalize
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
        for q in sizes_of(catalog).get(size_key(m), ()):
            if q.sku in have or q.sku in out:
                continue
            if any(len(b) > 1 and (b in bases or b in plain) for b in map(_base, q.names)):
                out[q.sku] = q
    return list(out.values())
