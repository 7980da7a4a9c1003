"""肉卷, 肉丸, 肉串: 肉 and a head said alone, in a 接龙 line of a chain that offers several such goods.

肉 is the meat of any animal, so 肉 and a head (卷, 丸, 串, 片, 饼 …) name every offered product of that head made of
meat: 肉卷 is 羊肉卷 and 肥牛卷 alike, though only 羊肉卷 holds the word 肉卷 (a person asks which). ``ANIMALS`` are the
words of ordinary Chinese that say a name is of meat when it does not write 肉 (肥牛卷, 鸡排, 鸭肠).
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import normalize
from copilot.orders.categories import lexicon
from copilot.orders.intent import Intent, Kind

ANIMALS = "".join(m for words, members in lexicon() if "肉" in words for m in members if len(m) == 1)
# the land animals of the 肉 line of data/categories.txt (牛羊猪鸡鸭鹅兔驴): a 鱼丸 is no 肉丸
_MEAT_HEAD = re.compile(r"肉([\u4e00-\u9fff])")
_SPEC = re.compile(r"[\s\d(（].*$")  # 肥牛卷 500g -> 肥牛卷


def _core(name: str) -> str:
    return _SPEC.sub("", normalize(name))


def _of_meat(p: Product, head: str) -> bool:
    """One of ``p``'s names (its spec aside) ends with ``head`` and says meat (肉 or an animal)."""
    return any(c.endswith(head) and re.search(f"[肉{ANIMALS}]", c[:-1]) for c in map(_core, p.names))


def meat_kind_said(content: str, intent: Intent, offered: list[Product], catalog: Catalog) -> Intent:
    """``intent`` of the chain line ``content``, or review when the line names a booked product only by 肉 and a head
    (肉卷 of 羊肉卷) while another ``offered`` product of that head is of meat too (肥牛卷): the word names either."""
    if intent.kind is not Kind.ORDER or intent.needs_review or not intent.items:
        return intent
    goods = list(offered) or list(catalog)
    t = normalize(content)
    spans = [(s, e) for s, e, _ in catalog.mentions(t)]
    booked = {i.sku for i in intent.items}
    for m in _MEAT_HEAD.finditer(t):
        head, word = m.group(1), m.group(0)
        if any(s <= m.start() and m.end() <= e for s, e in spans) or m.start() > 0 and t[m.start() - 1] in ANIMALS:
            continue  # 羊肉卷 written whole; 牛肉丸 of 牛肉丸（散称）: the animal said, no 肉 alone
        holders = [p for p in goods if any(word in n for n in p.names)]  # none for 肉一 of 羊肉一斤
        others = [p for p in goods if p not in holders and _of_meat(p, head)]
        if others and any(p.sku in booked for p in holders):
            names = "、".join(p.name for p in [*holders, *others][:4])
            return Intent(Kind.ORDER, needs_review=True, reason=f"「{word}」可以是{names}，没说是哪一种")
    return intent


__all__ = ["ANIMALS", "meat_kind_said"]
