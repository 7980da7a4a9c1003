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
from copilot.orders.amounts import UNIT_WORDS
from copilot.orders.classifiers import GENERAL, ONE_THING
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
    return p.unit in _ONE_BY_ONE and any(h.endswith(nouns) for h in heads)


# the units that sell one whole thing (个, 条 of a towel, 辆 of a car, 副 of a mahjong set): 一块毛巾, 一台车, 一套麻将
# count one of them; not a pack (盒, 袋) nor a weight
_ONE_BY_ONE = frozenset(GENERAL) | ONE_THING | {"条", "辆", "副"}


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


# 单层, 单格: a listing's word that says it is one of something (one tier, one compartment) no sale unit counts
_ONE_OF = re.compile(r"(?<![\u4e00-\u9fff])单(?P<w>[\u4e00-\u9fff])(?![\u4e00-\u9fff])")


def _single_words(p: Product) -> list[str]:
    """层 of 竹蒸笼 单层 26cm: the words a name says one of the listing is (单层) that are no unit of any listing."""
    return [m.group("w") for n in p.names for m in _ONE_OF.finditer(BRACKETED.sub("", n))
            if m.group("w") not in UNIT_WORDS]  # 单饼 of a 个 of pack 1饼: its pack's word, read as such


def singles_counted(t: str, catalog: Catalog, goods: list[Product]) -> str:
    """来两层 with 竹蒸笼 单层 on screen, 蒸笼来一层: a count in the word a listing's name says it is one of (单层: one
    层) is that many of the listing, written as its count and that word (来两个单层), where the listing is the goods
    meant: shown or offered, or, with nothing shown, said by a word of its names (蒸笼). Another listing shown (the
    两层套装: 来两层 is its name or two tiers?) leaves it for a person."""
    for p in catalog:
        for w in _single_words(p):
            if w not in t or goods and p not in goods or not goods and not any(
                    len(x) > 1 and x in t for n in p.names for x in re.split(r"[\s单]", BRACKETED.sub("", n))):
                continue
            t = re.sub(rf"(?P<n>{NUM_PATTERN})\s*{re.escape(w)}{_AFTER}", lambda m: f"{m.group('n')}{p.unit}单{w}", t)
    return t


__all__ = ["kind_counted", "singles_counted"]
