"""The head noun of a catalog name: the word a name ends with, before its specs, is the KIND of goods the listing is
(速开双人帐篷 is a 帐篷, 反光帐篷绳 20米 is a 绳; 自热火锅 麻辣牛肉 is a 火锅, its flavour said after a space). A word
said alone names the listings it is the head of, not those it only qualifies: 帐篷 beside 帐篷绳 is the tent (a rope is
no tent), 筷子 beside 筷子笼 the chopsticks; a word that heads several listings (杯 of 保温杯 and 马克杯) is their
family, one of several. Read from the names only, the same for every store.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Product
from copilot.orders.lexicon import HOLDERS
from copilot.orders.packs import BRACKETED
from copilot.orders.specs import without_specs


def kind_words(p: Product):
    """The space-separated words of ``p``'s names, brackets set aside, each with its specs removed."""
    for n in p.names:
        for part in re.split(r"\s+", BRACKETED.sub(" ", n).strip()):
            if part:
                yield without_specs(part)


def heads_word(word: str, p: Product) -> bool:
    """``word`` ends a word of one of ``p``'s names, its specs and brackets set aside: the kind ``p`` is."""
    return any(w.endswith(word) for w in kind_words(p))


def _holds(word: str, p: Product) -> bool:
    """A name of ``p`` holds ``word`` before a head that names a thing for it (帐篷绳, 筷子笼 挂式, 菜刀收纳架 of 帐篷,
    筷子, 菜刀: ``HOLDERS``), no kind of it."""
    ends = "|".join(HOLDERS)
    return any(re.search(rf"{re.escape(word)}[\u4e00-\u9fff]*(?:{ends})$", w) for w in kind_words(p))


def headed(word: str, owners: list[Product], fits=None) -> list[Product]:
    """Of the products whose names hold ``word``, the ones it is the head of, when it is that of some and only a
    qualifier in the others (帐篷 of 速开帐篷 beside 帐篷绳): a person reads the word as that kind. All of them when
    it heads none or all (the catalog does not tell them apart so), when another is no thing made for it (栗子仁,
    蛋黄肉粽 of 栗子, 蛋黄: its stuff or filling, a person asks; only 帐篷绳 and the like, ``HOLDERS``, are not), or when
    ``fits`` (how the comment counts) fits none of those it heads (蛋黄的来两只: 蛋黄 said as the qualifier)."""
    kind = [p for p in owners if heads_word(word, p)]
    if not kind or len(kind) == len(owners) or not all(_holds(word, p) for p in owners if p not in kind):
        return owners
    return kind if fits is None or any(fits(p) for p in kind) else owners



def shown_kind(r, current: Product | None, make_ref):
    """眼镜盒来一个 with the 隐形眼镜盒 on screen, where 眼镜盒 is a name of the 折叠眼镜盒: the word said is a whole name
    of one listing and the head of the shown one's name (its kind, with a qualifier before it), so the viewer may
    mean either (a person asks): ``r`` becomes the family of the two. So does a family word (贴纸 of the 小红花奖励贴纸
    单张 and 10张装) that the shown listing's name holds too (宝宝贴纸书): the viewer may mean the shown one. Any
    other ``r`` as it is."""
    p = r.product
    if p is None and r.family and current is not None and current not in r.family and len(r.label) >= 2 \
            and any(r.label in n for n in current.names):
        return make_ref(r.start, r.end, None, r.label, (*r.family, current))  # 贴纸来两张 with 宝宝贴纸书 shown
    if p is None or current is None or current is p or len(r.label) < 2 or r.label not in p.names \
            or r.label in current.names or not heads_word(r.label, current):
        return r
    return make_ref(r.start, r.end, None, r.label, (p, current))


__all__ = ["headed", "heads_word", "kind_words", "shown_kind"]
