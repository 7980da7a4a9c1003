"""Talk about an amount that orders nothing: how much is enough (一盒都不够, 两根杆子刚好, 一包刚好一次的量), how much
someone can eat (我儿子能吃两碗), and what one unit costs said with a word that weighs the price (一包45 比单买便宜一点,
贴纸书一本才12). A store owner hears each as a remark beside the goods, never as a quantity to book.

Plain patterns, no catalog: ``clauses`` reads a clause that says enough as chatter, and ``rules`` blanks the price of
one unit before the clauses are read."""

from __future__ import annotations

import re

from copilot.orders.amounts import UNIT

_COUNT = r"(?:\d+(?:\.\d+)?|[一两俩二三四五六七八九十半]+)"

# 一盒都不够, 两斤根本不够吃: the amount falls short (a remark; 不够的话 / 不够再来 talk about later, no remark here)
_SHORT = re.compile(rf"{_COUNT}\s*{UNIT}[^\s,，。!！]{{0,4}}?(?:都|也|还|根本|肯定|哪)不?够(?:用|吃|喝|分|穿)?[了啊呀啦的]*$"
                    rf"|{_COUNT}\s*{UNIT}\s*不够(?:用|吃|喝|分|穿)?[了啊呀啦的]*$")
# 一顶天幕配两根杆子刚好, 一包刚好一次的量: the amount is just right (said of a pairing or a use, not asked for)
_JUST = re.compile(rf"{_COUNT}\s*{UNIT}.*(?:刚好|正好|刚刚好)(?:够用?|合适)?[了啊呀啦的]*$"
                   rf"|{_COUNT}\s*{UNIT}\s*(?:刚好|正好)\s*{_COUNT}\s*次的?量")
# 我儿子能吃两碗, 一顿能喝三杯: what someone can eat or drink at once
_CAN_EAT = re.compile(rf"(?:能|可以|要)(?:吃|喝|干)(?:掉|下|完)?\s*{_COUNT}\s*{UNIT}(?!\s*{UNIT})")
# an order word in the clause (来两根杆子刚好? no: 来 / 要 / 买 / 拿 / 订 before the count orders)
_ORDERED = re.compile(rf"(?:来|要|买|拿|订|留|扣|加)(?:个)?\s*{_COUNT}\s*{UNIT}|(?:来|要|买|拿|订|留|扣|加)$")


def says_enough(text: str) -> bool:
    """A clause that says how much is enough or how much someone eats (一盒都不够, 一顶天幕配两根杆子刚好, 我儿子能吃两碗),
    with no order word before its count: a remark, no order."""
    t = text.strip()
    if _CAN_EAT.search(t):
        return True
    return bool(_SHORT.search(t) or _JUST.search(t)) and not _ORDERED.search(t)


# 便宜, 划算, 实惠, 贵, 值, 省, 比单买: a word that weighs a price; 才 / 只要 right after the unit says it too (一本才12)
_WEIGHS_PRICE = re.compile(r"便宜|划算|实惠|贵|值|省|比单买|比单独买|比单个买")
_ONE_UNIT_PRICE = re.compile(rf"(?<![\d.])一\s*(?P<u>{UNIT})\s*(?P<w>才|只要|只|就)?\s*\d+(?:\.\d+)?(?![\d.]|\s*{UNIT}|\s*[号的])")


def without_unit_prices(text: str) -> str:
    """一包45 比单买便宜一点, 贴纸书一本才12: the price of one unit said after it (no 元 needed) is blanked when the
    comment weighs the price or says it with 才 / 只要: what one costs, no quantity ordered."""
    if "一" not in text:
        return text
    weighed = bool(_WEIGHS_PRICE.search(text))

    def blank(m: re.Match) -> str:
        if _PACK_BEFORE.search(text[:m.start()]) or not (weighed or m.group("w") in ("才", "只要")):
            return m.group(0)  # 7饼一提 才850: what a pack holds, then its price; left for ``cues.without_sums``
        return " " * len(m.group(0))
    return _ONE_UNIT_PRICE.sub(blank, text)


_PACK_BEFORE = re.compile(rf"{_COUNT}\s*{UNIT}\s*$")
