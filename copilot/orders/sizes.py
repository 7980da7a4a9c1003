"""A size from the products' names said with its unit (成猫粮1.5kg, 10公斤的, 2-10斤的, 5L装): it tells variants
apart, it is no quantity. One product holding that size is that product; several are a family word (one of
them, which the other words of the clause or a person settle), so 成猫粮1.5kg is the one 成猫粮 that is 1.5kg."""

from __future__ import annotations

import re
import weakref

from copilot.base.catalog import Catalog, Product

_UNITS = {"kg": "kg", "公斤": "kg", "千克": "kg", "斤": "斤", "l": "l", "升": "l", "ml": "ml", "毫升": "ml",
          "g": "g", "克": "g"}
_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = r"(?:kg|公斤|千克|斤|ml|毫升|l|升|g|克)(?![a-z])"
SIZE = re.compile(rf"(?<![\d.])({_NUMBER})(?:\s*[-~～到至]\s*({_NUMBER}))?\s*({_UNIT})", re.IGNORECASE)
# said as a name: right after a product's word (成猫粮1.5kg), or then 的 / 装 / 那种 (10kg的, 5L装)
_AS_NAME_AFTER = re.compile(r"\s*(?:的|装|那种|这种|那款|这款|规格)")
_SIZES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def size_key(m: re.Match) -> str:
    """1.5kg and 1.5公斤, 2-10斤 and 2~10斤: one key."""
    unit = _UNITS[m.group(3).lower()]
    low = str(float(m.group(1)))
    return f"{low}-{float(m.group(2))}{unit}" if m.group(2) else f"{low}{unit}"


def sizes_of(catalog: Catalog) -> dict[str, tuple[Product, ...]]:
    """size key -> the products whose names hold it."""
    got = _SIZES.get(catalog)
    if got is None:
        found: dict[str, dict[str, Product]] = {}
        for p in catalog:
            for n in p.names:
                for m in SIZE.finditer(n):
                    found.setdefault(size_key(m), {})[p.sku] = p
        got = _SIZES[catalog] = {k: tuple(v.values()) for k, v in found.items()}
    return got


def sizes_said(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """``refs`` with a Ref for each size of the names said as a name (``make_ref(start, end, product, label,
    family)``); a size inside a name already read, or said as a plain quantity (来2斤), is left alone."""
    sizes = sizes_of(catalog)
    out = list(refs)
    for m in SIZE.finditer(t):
        owners = sizes.get(size_key(m), ())
        if not owners or any(r.start < m.end() and m.start() < r.end for r in out):
            continue
        after_ref = any(r.end == m.start() and (r.product in owners or set(r.family) & set(owners)) for r in out)
        if not (after_ref or m.group(2) or _AS_NAME_AFTER.match(t, m.end())):
            continue
        end = m.end() + (1 if t.startswith("装", m.end()) else 0)  # 5L装: the 装 is of the size
        label = t[m.start():end]
        out.append(make_ref(m.start(), end, owners[0], label, ()) if len(owners) == 1
                   else make_ref(m.start(), end, None, label, owners))
    return sorted(out, key=lambda r: r.start) if len(out) > len(refs) else refs


def sized(product: Product, number: int | None) -> bool:
    """The product's names hold a size of this number (10 of 成猫粮10kg, of 驱虫滴剂10-20斤)."""
    return number is not None and any(float(n) == number for name in product.names for m in SIZE.finditer(name)
                                      for n in m.groups()[:2] if n)
