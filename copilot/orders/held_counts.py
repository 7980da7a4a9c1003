"""Counts a 接龙 line writes with a product's own name: the weight or the count the name itself holds (曼特宁454克 of
曼特宁 454克, 粽叶50片 of 干粽叶 50片), which the line asks for through the product's pack like any quantity; and a line of
several products, one of them written so, read part by part. Reading the chain is :mod:`copilot.orders.jielong`.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog
from copilot.orders.amounts import UNIT, Quantity, check_items
from copilot.orders.intent import Intent, Kind
from copilot.orders.sizes import SIZE, size_key, sizes_of


def weight_of_name(counts: str, catalog: Catalog) -> Intent | None:
    """曼特宁454克 on a chain line: one product's name, then the weight its name holds and nothing else. The line asks
    for that weight, which goes through the product's pack like any weight (454克 of a 454克 bag is one bag; without
    a pack that says so, review). None when the line says more, or the name is not one product's."""
    text = counts.strip(" 。.!！~～")
    size = next((m for m in SIZE.finditer(text) if m.end() == len(text) and not m.group(2)), None)
    head = text[:size.start()].strip() if size else ""
    p = next((p for s, e, p in catalog.mentions(head) if s == 0 and e == len(head)), None)
    if p is None or p not in sizes_of(catalog).get(size_key(size), ()):
        return None
    return check_items(Kind.ORDER, [(p, Quantity(0, 0, float(size.group(1)), size.group(3)))])


_PART_SEP = re.compile(r"\s*[\s、,，+＋;；]\s*")


def _held_count(part: str, catalog: Catalog) -> Intent | None:
    """粽叶50片 of 干粽叶 50片 (a 把 of 50片): one product's name, then a count its name writes in a word of count
    (片, 颗, 只) and nothing else; the chain line asks for that many, through the product's pack like any count. None
    when the part says more, or its count is not one the name writes."""
    m = re.fullmatch(rf"(?P<head>.+?)\s*(?P<n>\d+)\s*(?P<u>{UNIT})", part)
    head = m.group("head") if m else ""
    p = next((p for s, e, p in catalog.mentions(head) if s == 0 and e == len(head)), None)
    if p is None or not any(f"{m.group('n')}{m.group('u')}" in n.replace(" ", "") for n in p.names):
        return None
    return check_items(Kind.ORDER, [(p, Quantity(0, 0, float(m.group("n")), m.group("u")))])


def parts_with_held_counts(counts: str, intent: Intent, catalog: Catalog, parse) -> Intent:
    """糯米1袋 粽叶50片: a line of several products, one of them written with the count its own name holds (left
    without a quantity when the line is read as a whole), read part by part; kept only when every part is one clean
    order of its own product, else the first reading (review) stays."""
    parts = [x for x in _PART_SEP.split(counts.strip(" 。.!！~～")) if x]
    if len(parts) < 2:
        return intent
    items, held = [], False
    for part in parts:
        own = _held_count(part, catalog) or weight_of_name(part, catalog)
        held = held or own is not None
        read = own or parse(part, None)
        if read.kind is not Kind.ORDER or read.needs_review or len(read.items) != 1:
            return intent
        items.append(read.items[0])
    if not held or len({i.sku for i in items}) != len(items):
        return intent
    return Intent(Kind.ORDER, tuple(items), note=intent.note)


__all__ = ["parts_with_held_counts", "weight_of_name"]
