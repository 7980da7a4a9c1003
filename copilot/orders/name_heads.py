"""The head of an offered product's name: the words before its size or spec (淡奶油 of ``淡奶油 1升``, 高筋面粉 of
``高筋面粉 5斤装``, 安佳黄油 of ``安佳黄油 454克``).

A shop writes a product as its goods, a space, then how big (a volume, a weight, a pack). The group writes the goods
alone: ``李姐淡奶油一盒``, ``阿强 淡奶油3``. Unread, the head went into the nickname (the member ``李姐淡奶油`` booked) or
the line went to review. In a chain whose offer holds exactly one product with that head, the head is that product,
written as its plain name; a head two offered products share (不粘炒锅 of 28cm and 32cm) is left as written.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import normalize
from copilot.orders.members import split_member
from copilot.orders.names import plain_name

_HEAD = re.compile(r"^(?P<head>[\u4e00-\u9fff]{2,})\s+(?P<spec>\S*\d\S*)$")  # 淡奶油 1升: goods, a space, a spec with digits


def _heads(offered: list[Product]) -> dict[str, Product]:
    """Each head of an offered product's names that no other offered product's names hold."""
    found: dict[str, list[Product]] = {}
    for p in offered:
        for n in p.names:
            m = _HEAD.match(normalize(n))
            if m and p not in found.setdefault(m.group("head"), []):
                found[m.group("head")].append(p)
    return {h: ps[0] for h, ps in found.items() if len(ps) == 1
            and not any(h in normalize(n).replace(" ", "") for q in offered if q is not ps[0] for n in q.names)}


def heads_written(text: str, catalog: Catalog) -> list[Product]:
    """The products a header names by a head no other product of the shop holds (``#接龙 细米粉 宽米粉 2斤装`` of
    ``细米粉 2斤装`` and ``宽米粉 2斤装``)."""
    t = normalize(text).replace(" ", "")
    return [p for h, p in _heads(list(catalog)).items() if h in t]


def offered_heads(text: str, offered: list[Product], catalog: Catalog) -> str:
    """``text`` with each head of one offered product's name (outside a name the catalog reads there) written as that
    product's plain name: 李姐淡奶油一盒 -> 李姐稀奶油一盒 in a chain of ``淡奶油 1升`` (alias 稀奶油)."""
    heads = {h: p for h, p in _heads(offered).items() if " " not in plain_name(p) and plain_name(p) != h}
    if not heads:
        return text
    named = [(s, e) for s, e, _ in catalog.mentions(text)]
    spans = []
    for head, p in heads.items():
        for m in re.finditer(re.escape(head), text):  # 小磨香油 holds the alias 香油: the head is the longer word
            if not any(s < m.end() and m.start() < e and not (m.start() <= s and e <= m.end()) for s, e in named):
                spans.append((m.start(), m.end(), p))
    spans = [(s, e, p) for s, e, p in spans if not any(a <= s and e <= b and (a, b) != (s, e) for a, b, _ in spans)]
    for s, e, p in sorted(spans, key=lambda x: x[0], reverse=True):
        text = text[:s] + plain_name(p) + text[e:]
    return text


def split_at_heads(body: str, catalog: Catalog, offered: list[Product]) -> tuple[str, str]:
    """:func:`split_member` of the line with the heads of offered names spelled out (李姐淡奶油一盒 -> 李姐, 稀奶油一盒 in
    a chain of ``淡奶油 1升``: :mod:`copilot.orders.name_heads`), where the nickname is left as written; else of the line."""
    spelled = offered_heads(body, offered, catalog)
    if spelled != body:
        member, content = split_member(spelled, catalog, offered)
        if member and content and body.startswith(member):
            return member, content
    return split_member(body, catalog, offered)
