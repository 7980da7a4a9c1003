"""A topping or add-in asked on an order (烧仙草来两杯 加芋圆, 奶茶加珍珠来一杯, 酸辣粉来一份 加个蛋 is not one): the
catalog's specs list what a buyer may choose to go in the goods (小料免费选一种：芋圆、红豆、花生; 小料可选花生), so 加
with such a word and no quantity of its own is a wish on the order line, not another product nor an unread word, even
when the word also names a listing (芋圆 of a bag of 手工芋圆: 加芋圆 两袋 is goods again)."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog
from copilot.orders.memo import per_catalog
from copilot.orders.remarks import remark_notes

# 小料免费选一种：芋圆、红豆、花生 / 小料可选花生 / 配料任选：椰果、布丁: the words listed after 选
_CHOICES = re.compile(r"(?:可|任|免费)?选(?:[一二两三四五1-5][种样个款])?\s*[:：]?\s*"
                      r"(?P<w>[\u4e00-\u9fff]{1,4}(?:[、/和或][\u4e00-\u9fff]{1,4})*)")


# 加蛋、加肠、加里脊各加 2 元 / 可加芝士或加培根: a list of add-ins, each said with its 加 (two or more, so no 加 of the
# prose, 加热 or 加工, is read as one); a word of one character (蛋) is a topping here, as the 加 before it says
_ADD_INS = re.compile(r"加[\u4e00-\u9fff]{1,3}?(?:[、/和或]加[\u4e00-\u9fff]{1,3}?)+(?=各|都|[\s,，。;；(（]|$)")


@per_catalog
def toppings_of(catalog: Catalog) -> re.Pattern | None:
    """加 (or 多加, 要加, 也加, 加点) and a word the specs list as a choice to go in the goods, the word ending there (the
    clause, an order word or the next topping: 加芋圆来一杯, 加肠加蛋; not 加芋圆两袋, goods counted, nor 加红豆沙, another name) and no 再 before
    it (再加芋圆: more of the goods); None when no spec lists any."""
    words = {w for p in catalog if p.spec for m in _CHOICES.finditer(p.spec)
             for w in re.split(r"[、/和或]", m.group("w")) if len(w) >= 2}
    words |= {w.removeprefix("加") for p in catalog if p.spec for m in _ADD_INS.finditer(p.spec)
              for w in re.split(r"[、/和或]", m.group(0))}
    if not words:
        return None
    said = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?<![再还])(?:也|多|要)?加点?(?:{said})"
                      r"(?=$|[\s,，。!！~～;；、]|[来要拿买订留吧哈哦的]|加)")


def topping_notes(t: str, catalog: Catalog) -> tuple[str, list[str]]:
    """``t`` without the toppings asked and the other remarks on the order (``remarks``: 要蒸好的, 换燕麦奶,
    一张加蛋一张加肠; each cut out, a space left) and those wishes in order."""
    t, remarks = remark_notes(t, catalog)
    found = toppings_of(catalog)
    notes = [m.group(0) for m in found.finditer(t)] if found is not None and "加" in t else []
    return (found.sub(" ", t) if notes else t), [*notes, *remarks]
