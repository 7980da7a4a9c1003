"""A buyer correcting what they said: 要3盒 不是2盒 (the quantity: a change to the new total), 不是麻辣是蒜蓉 or
排骨换成五花 (one product for another, how many not said: a person confirms). Split from ``rules`` by capability;
``parse_text(text, catalog, current)`` reads what is left once the correction's words are gone."""

from __future__ import annotations

import re
from dataclasses import replace

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN
from copilot.orders.amounts import UNIT
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.refs import find_refs
from copilot.orders.wording import QUESTION

_SEP = re.compile(r"[,，、;；。!！~～\n()（）]+|\s+|(?<=[?？])(?![?？])")  # as rules' clause separator
_WRONG = r"(?:打错|写错|说错|下错|拍错|点错|选错)了?"
CORRECTION = re.compile(rf"[,，\s]*而?不是\s*{NUM_PATTERN}\s*{UNIT}?|^(?:刚才|刚刚)?(?:{_WRONG}|更正一下|更正)[,，:：\s]*|"
                       r"^我?(?:要|想)?(?:修改|更改|改)一?下[,，:：\s]+|"
                       rf"[,，\s]+我?(?:刚才|刚刚|前面|上面)?的?{_WRONG}[啦了哈,，。!！\s]*$")
# 打错了, 刚才说错了: a slip owned at the head of the comment; what follows names what was meant
_SLIP = re.compile(rf"(?:刚才|刚刚)?{_WRONG}")
# 不是麻辣是蒜蓉: one product for another, how many not said
_PRODUCT_SWAP = re.compile(r"不是(?P<a>[^\s，,。是]{1,10}?)[，,\s]*(?:而?是|要|换成|改成)(?P<b>[^\s，,。]{1,10})")
_SWAP_TO = re.compile(r"(?P<a>[^\s，,。]{1,10}?)(?:换成|换为|改成|改为|换)(?P<b>[^\s，,。]{1,10})")


def correction(t: str, catalog: Catalog, current: Product | None, parse_text) -> Intent | None:
    """要3盒 不是2盒: the buyer corrects the quantity, a change to the new total. 不是麻辣是蒜蓉: one
    product for another, the quantity not said: to review as a change of the named product. 打错了 是羊排 两斤: a slip
    owned, then the goods named with how many, is that order (LABELS rule 6, as 刚才拍的是X N)."""
    swap = ("不是" in t and _PRODUCT_SWAP.search(t)) or (("换" in t or "改" in t) and _SWAP_TO.search(t))
    if swap and not QUESTION.search(swap.group(0) + _SEP.split(t[swap.end():], 1)[0]):  # 能换成菜籽油吗: asks
        a, b = (find_refs(swap.group(k), catalog) for k in "ab")
        if len(a) == 1 and len(b) == 1 and a[0].product and b[0].product and a[0].product != b[0].product:
            p = b[0].product  # 排骨换成五花2斤: a person cancels one and books the other
            return Intent(Kind.MODIFY, (Item(p.sku, None, p.unit),), needs_review=True,
                          reason=f"要把{a[0].product.name}换成{p.name}，请确认换多少", undecided=True)
    m = CORRECTION.search(t)
    if m is None:
        return None
    rest = re.sub(r"^\s*(?:是|应该是)", "", (t[:m.start()] + " " + t[m.end():]).strip())
    intent = parse_text(rest, catalog, current) if rest else None
    if intent is None or intent.kind is not Kind.ORDER or not intent.items:
        return None
    if _SLIP.match(t) and any(r.product for r in find_refs(rest, catalog)):
        return intent  # 打错了 是羊排 两斤, 打错了 13号来一罐: the goods named with how many, that order (as 刚才拍的是X N)
    return replace(intent, kind=Kind.MODIFY, reason=intent.reason or "更正数量")


__all__ = ["CORRECTION", "correction"]
