"""Measure words ordinary Chinese keeps for one thing of a few kinds (一口锅, 两口缸): a count of such goods.

``data/kind_measures.txt`` lists each measure word with the nouns it counts. Where the goods meant are of one of those
kinds (a comment that says the noun, names such a product, or names none with such a product on screen or offered by a
接龙), ``1口`` is read as ``1个`` (the general classifier that converts to the product's unit, ``amounts``). The
word stays itself where it is part of another word (口味, 一口价, 三口之家, 两口子) or of a family (一家三口).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN
from copilot.orders.classifiers import GENERAL
from copilot.orders.packs import BRACKETED

# what may follow a count of goods: the end, a break, a size (1口34), 的, a particle, or the noun itself
_AFTER = r"(?=$|[\s\d,，。.!！~～、;；?？:：的吧啊呀哈呢了])"


@cache
def _measures() -> dict[str, tuple[str, ...]]:
    text = (Path(__file__).parent / "data" / "kind_measures.txt").read_text(encoding="utf-8")
    rows = [x.split() for x in text.splitlines() if x.strip() and not x.startswith("#")]
    return {row[0]: tuple(row[1:]) for row in rows if len(row) > 1}


def _of_kind(p: Product, nouns: tuple[str, ...]) -> bool:
    """``p`` is goods of one of ``nouns``, sold one by one: a name's goods word (its first word, brackets left out)
    ends in the noun (章丘铁锅 of 章丘铁锅 32cm: a 锅; not 锅铲, a spatula)."""
    heads = [BRACKETED.sub("", n).split()[0] for n in p.names if BRACKETED.sub("", n).split()]
    return p.unit in GENERAL and any(h.endswith(nouns) for h in heads)


def kind_counted(t: str, catalog: Catalog, goods: list[Product]) -> str:
    """``t`` with each count in a measure word of ``data/kind_measures.txt`` written with 个, where the goods meant are
    of its kinds: ``t`` says one of its nouns as a word's end (铁锅, 锅的), names such a product, or names no product
    while one of ``goods`` (the product on screen, a chain's offer) is one."""
    for word, nouns in _measures().items():
        if word not in t or not any(_of_kind(p, nouns) for p in catalog):
            continue
        named = [p for _, _, p in catalog.mentions(t)]
        said = re.search(rf"(?:{'|'.join(map(re.escape, nouns))})(?![\u4e00-\u9fff])|"
                         rf"(?:{'|'.join(map(re.escape, nouns))})(?=[的是])", t)
        if said or any(_of_kind(p, nouns) for p in named) or not named and any(_of_kind(p, nouns) for p in goods):
            t = re.sub(rf"(?<!家)(?<!家\s)(?P<n>{NUM_PATTERN})\s*{re.escape(word)}{_AFTER}", lambda m: m.group("n") + "个", t)
    return t


__all__ = ["kind_counted"]
