"""A number and the mark after it inside products' names (9W, 18W, 5号, 6位, 8寸, 86型, 2.5平方, 31合1), said as a word:
it names goods, it is no quantity and no link.

Names of hardware, medicine, toys and cakes are full of them: a wattage (LED球泡灯 9W), a battery size (碱性5号电池),
a dose (布洛芬 0.2g is a weight, read by ``sizes``; 维生素C 100片 is a count), a cake's size (6寸), a plate's standard
(86型), an N合1 set. A viewer says the mark with its number (9W的来5个, 来2个9W, 31合1的1套), writes W as 瓦 (十八瓦的),
or the number in words (五号的). Such a word of one product's names is that product; of several products' names it is
their family (86型 of three wall plates: one of them, a person asks).

Not read here: a number with a sale or pack unit (4节, 12副, 50个: how many), a length or weight (3米, 100米, 500克:
``sizes``), and a number with 号 when that link number sells other goods (``link_refs.number_or_link`` weighs those).
After the word comes its name's rest, an order word, 的, a number, or the end of the clause (5号楼, 4分钟 are no names).
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import zh_to_number
from copilot.orders.amounts import UNIT_WORDS
from copilot.orders.memo import per_catalog
from copilot.orders.sizes import SIZE, owned_ref

# a number, then one letter run or one character; N合1 keeps its second number
# a grade of letters between numbers (5W-30, 0W20) keeps its second number too, with or without the dash
_IN_NAME = re.compile(r"(?<![A-Za-z\d.])(\d+(?:\.\d+)?)([A-Za-z]+|[\u4e00-\u9fff])((?<=合)\d+|(?<=[A-Za-z])-?\d+(?![\d.]))?")
_SAID = re.compile(r"(?<![A-Za-z\d.零〇一二两三四五六七八九十百])(\d+(?:\.\d+)?|[一二三四五六七八九十]{1,3})\s?"
                   r"([A-Za-z]+|[\u4e00-\u9fff])((?<=合)(?:\d+|[一二三四五六七八九十])|(?<=[A-Za-z])-?\d+(?![\d.]))?")
_SAME = {"瓦": "W"}  # 9瓦 is 9W
# marks that are amounts: lengths, weights, volumes, times and dates are ``sizes``' or talk
_AMOUNTS = set("米克斤升毫厘码岁") | {"g", "G", "kg", "KG", "ml", "ML", "l", "L", "mm", "cm", "CM", "MM"}
_TIME = set("点分秒天年月日周次楼栋层室单")
_UNIT = "|".join(map(re.escape, sorted(UNIT_WORDS, key=len, reverse=True)))
# after the word: an order word (先给我留, 预定: an order said ahead, too), or a count in words with its unit (0w20两桶,
# 9W三个): the count is the order's, not more of the mark
_AFTER = re.compile(rf"$|[^\u4e00-\u9fff]|[的来要拿买订也各和跟与再少多还都不换改就吧呢啊呀那这是先给留预]|"
                    rf"[一二两三四五六七八九十半俩仨]+\s*(?:{_UNIT})")


def _key(number: str, mark: str, tail: str | None) -> tuple[float, str, float | None] | None:
    n = zh_to_number(number)
    end = zh_to_number(tail.lstrip("-")) if tail else None
    mark = _SAME.get(mark, mark).upper()
    return None if n is None else (n, mark, end)


@per_catalog
def marked_words(catalog: Catalog) -> dict[tuple, tuple[Product, ...]]:
    """(number, mark, second number) -> the products whose names hold it (9W, 5号, 86型, 31合1)."""
    found: dict[tuple, dict[str, Product]] = {}
    for p in catalog:
        for name in p.names:
            for m in _IN_NAME.finditer(name):
                mark = m.group(2)
                if mark in UNIT_WORDS or mark in _AMOUNTS or mark in _TIME or SIZE.match(name, m.start()):
                    continue  # 10公 of 10公斤: a weight, ``sizes``' to read
                key = _key(m.group(1), mark, m.group(3))
                if key is not None:
                    found.setdefault(key, {})[p.sku] = p
    return {k: tuple(v.values()) for k, v in found.items()}


def marked_said(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """``refs`` with a Ref for each marked word of the names said in ``t`` (``make_ref(start, end, product, label,
    family)``). A link ref that names no product (5号 where link 5 is unused) gives way to the word."""
    words = marked_words(catalog)
    out = list(refs)
    for m in _SAID.finditer(t) if words else ():
        key = _key(m.group(1), m.group(2), m.group(3))
        owners = words.get(key, ()) if key else ()
        end = m.end()
        if not owners and m.group(3) and m.group(2).isascii():  # 9W2个: the mark alone, 2 counts
            key, end = _key(m.group(1), m.group(2), None), m.end(2)
            owners = words.get(key, ()) if key else ()
        if not owners or not _AFTER.match(t, end) and not _name_goes_on(t, end, owners):
            continue
        if m.group(2) == "号" and catalog.by_link(int(key[0])) not in (None, *owners):
            continue  # 5号 where link 5 sells other goods: a link or a name, ``number_or_link`` asks
        hit = [r for r in out if r.start < end and m.start() < r.end]
        if any(r.product is not None or r.family for r in hit):
            continue
        out = [r for r in out if r not in hit]
        out.append(owned_ref(make_ref, m.start(), end, t[m.start():end], owners))
    return sorted(out, key=lambda r: r.start) if out != refs else refs


def _name_goes_on(t: str, at: int, owners: tuple[Product, ...]) -> bool:
    """9W灯泡, 5号电池: the next character goes on with a name of the goods."""
    return any(t[at] in name for p in owners for name in p.names)


def ends_marked(text: str, catalog: Catalog) -> bool:
    """李姐5W-30: ``text`` ends with a marked word of the names (5W-30) written straight after other words (a chain's
    nickname), so the word is the order's start, not the nickname's end."""
    words = marked_words(catalog)
    return any(m.start() > 0 and m.end() == len(text) and words.get(_key(m.group(1), m.group(2), m.group(3)) or ())
               for m in _SAID.finditer(text)) if words else False
