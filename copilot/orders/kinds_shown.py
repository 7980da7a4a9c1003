"""Both kinds of the goods on screen, counted without their word: ``那两种各来一杯`` (the ones shown), ``那就大小各来一个``
with 热水袋 小号 shown beside 大号 (the colours or sizes counted, 两种颜色都来一斤, are ``variants.shown_kinds``).

The count of kinds said (那两种) is the size of the one family of the catalog that the shown listing
belongs to with that many members (LABELS rule 5: a count of kinds that is the family's size names them all); 大小 names
the two listings the catalog tells apart by 大 and 小 (``shorthand``'s 大的 / 小的), when the shown one is one of them.
两种都… said without 那 names the shown goods' kinds only when they are one goods in that many sizes or colours (辣椒面
细 / 粗, LABELS rule 9). A count of things (两个都要) is no count of kinds: which two, a person asks. Nothing here knows
one store's goods.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import zh_to_number
from copilot.orders.names import nouns_ending
from copilot.orders.packs import BRACKETED
from copilot.orders.services import goods_worked_on
from copilot.orders.shorthand import shorthand
from copilot.orders.variants import sizes_of_one_goods

# 那两种 (the ones shown): a count of kinds; then 都 or 各. (两种颜色, 两个尺寸: ``variants.shown_kinds``.) Not 两样 alone
# (两样各来一份 with 麻酱凉皮 shown: two of which? the shop's other goods too; a person asks)
_KINDS = re.compile(r"(?<=[那这])(?P<n>[两俩二三2-3])\s*[种样款](?:的)?\s*(?=都|各)")
# 两种都来一袋 said alone (no 那): the kinds of the shown goods only when they are one goods in that many sizes or
# colours (辣椒面 细 / 粗, LABELS rule 9), not a family of different goods
_BARE_KINDS = re.compile(r"(?<![\u4e00-\u9fff])(?P<n>[两俩二三2-3])\s*种(?:的)?\s*(?=都|各)")
_BIG_SMALL = re.compile(r"大小\s*(?=都|各)|大的小的\s*(?=都|各)")


def kinds_of_shown(masked: str, current: Product | None, catalog: Catalog) -> tuple[re.Match, list[Product]] | None:
    """The words that count the shown goods' kinds and the listings they name, or None (no such count, or the shown
    listing is in no family of that size, or in several)."""
    if current is None:
        return None
    m, bare = _KINDS.search(masked), False
    if m is None:
        m, bare = _BARE_KINDS.search(masked), True
    if m is not None:
        n = zh_to_number(m.group("n").replace("俩", "两"))
        sets = {tuple(p.sku for p in family): family for family in shorthand(catalog).families.values()
                if current in family and len(family) == n and (not bare or sizes_of_one_goods(family))}
        return (m, list(next(iter(sets.values())))) if len(sets) == 1 else None
    m = _BIG_SMALL.search(masked)
    variants = shorthand(catalog).variants
    pair = [variants.get("小的"), variants.get("大的")]
    if m is not None and all(pair) and current in pair:
        return m, pair
    return None


# 两种被子都来一条: a count of kinds, then a noun said with 子 or alone (被子) that the goods of the catalog end in
_KINDS_OF_NOUN = re.compile(r"(?<![\u4e00-\u9fff])(?P<n>[两俩二三2-3])\s*种\s*(?P<w>[\u4e00-\u9fff])子?\s*(?:的)?\s*(?=都|各)")


def kinds_of_noun(masked: str, catalog: Catalog) -> tuple[re.Match, list[Product]] | None:
    """两种被子都来一条 of 棉被清洗 and 羽绒被清洗: the count of kinds said is how many goods end in the noun (LABELS rule 5: a
    count of kinds that is the family's size names them all); the words and those listings, else None (several
    listings of one goods, or another number of goods: a person asks)."""
    m = _KINDS_OF_NOUN.search(masked)
    if m is None:
        return None
    names = [(goods_worked_on((BRACKETED.sub(" ", n).split() or [""])[0]), p) for p in catalog for n in p.names]
    owners = {p.sku: p for n, p in names if len(n) > 1 and n.endswith(m.group("w"))}
    n = zh_to_number(m.group("n").replace("俩", "两"))
    return (m, list(owners.values())) if len(owners) == n == nouns_ending(m.group("w"), names) else None
