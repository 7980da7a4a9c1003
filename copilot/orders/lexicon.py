"""Common Chinese nouns, to tell a typo of a product's name from another thing written by mistake.

老鸦 (a crow) for 老鸭 and 香草 (vanilla, herbs) for 香菜 read as the product by sound or shape, but the word
as typed names another thing: the viewer may mean something else, so a person confirms. 肋拍, 西红市, 牛乃
are no words (a slip of the keyboard), and 五华 (a county), 满头 or 混沌 (chaos) name no thing anyone buys:
read without doubt. ``also_means`` holds the few everyday words of a kind that also mean goods whose names do not hold
them (插座: a power strip too). The word list is jieba's dictionary, its common nouns (tag ``n``; ``base.nouns``, which the
knowledge base reads too), read once on the first typo asked about; the parse of a comment without a typo never
loads it. A live session calls ``warm`` in the background when it starts, so the first typo of the evening (or the
first count the knowledge base checks) does not wait the ~0.6 s of reading it.
"""

from __future__ import annotations

import re

from copilot.base.nouns import loaded, nouns, warm
from copilot.orders.kin import PEOPLE

_MIN_FREQ = 3  # jieba's rarest entries (菜子油: 2) are spellings of their neighbours, not other things
# the band just above them holds spellings too (汽球, 棕叶, 宫爆鸡丁: 3): a word of this band that reads like a product's
# name is the dictionary's record of the misspelling, not another thing (``typos.another_thing``)
_SPELLING_FREQ = 5


# who the goods are for (我孙子身高105, 双胞胎 各来一件, 给我闺女来一件): a person, no thing anyone buys
_PERSON = re.compile(rf"(?:我|我家|我们家|家里)?(?:{PEOPLE}|"
                     # 隔壁老王, 对门李姐, 同事小张: a neighbour or colleague by name
                     r"(?:隔壁|对门|对面|邻居家?|同事|朋友)的?(?:老|小|阿)?[\u4e00-\u9fff](?:姐|哥|叔|姨|阿姨|奶奶|爷爷|师傅|老师)?)")


def is_person(word: str) -> bool:
    """孙子, 双胞胎, 我闺女, 帮隔壁老王带: who the goods are for (帮 X 带: bought for X)."""
    return bool(_PERSON.fullmatch(re.sub(r"^(?:给|帮|替|送)|(?<=[\u4e00-\u9fff]{2})(?:带|捎)$", "", word.strip())))


# everyday words for a kind of goods that also mean goods whose names do not hold the word: 插座 is a wall socket
# and a power strip (插线板, 插排), 面包 any bread (吐司, 贝果), 蛋糕 a mousse too, 香肠 a Cantonese 腊肠 too, 唇膏 a
# lipstick (口红) as well as a lip balm, 米粉 any rice noodle (螺蛳粉, 米线, 河粉), 泡面 any instant noodles (红烧
# 牛肉面, 杯面, 方便面). Said alone beside both, it is one of them, not the one whose name holds it (五孔插座 beside
# 插线板: a person asks).
_BROADER = {"插座": ("插线板", "插排", "排插", "拖线板", "接线板"),
            "面包": ("吐司", "贝果", "法棍", "欧包", "餐包", "可颂", "牛角包"),
            "蛋糕": ("慕斯", "提拉米苏", "芝士挞", "千层"),
            "香肠": ("腊肠",),
            "唇膏": ("口红",),
            "米粉": ("螺蛳粉", "米线", "河粉", "濑粉"),
            "泡面": ("方便面", "牛肉面", "杯面", "桶面", "拉面", "拌面", "干脆面", "火鸡面", "乌冬")}


def also_means(word: str, products, but=None) -> list:
    """Of ``products`` (besides ``but``), those named with a word of other goods that ``word`` means in speech too
    (插座: 插线板, 插排 …)."""
    words = _BROADER.get(word, ())
    return [q for q in products if q is not but and any(w in n for w in words for n in q.names)] if words else []


def rare_spelling(word: str) -> bool:
    """``word`` is a dictionary noun of the rarest band, where the dictionary keeps common misspellings (汽球 for
    气球, 棕叶 for 粽叶): read like a product's name, it is that name misspelt, no other thing."""
    return nouns().get(word, 0) <= _SPELLING_FREQ


def is_thing(word: str) -> bool:
    """``word`` is a common noun of the dictionary (the caller checks it is no name of the product), and names
    no person."""
    return 2 <= len(word) <= 8 and nouns().get(word, 0) >= _MIN_FREQ and not _PERSON.fullmatch(word)


__all__ = ["also_means", "is_person", "is_thing", "loaded", "rare_spelling", "warm"]



# heads that name a thing made to hold, tie, cover or carry another (帐篷绳: a rope for a tent, 筷子笼, 保温杯套, 菜刀
# 收纳架, 花盆托盘): a listing so named is no kind of the word before its head, so that word names the listing it
# heads (帐篷 of 速开帐篷 beside 帐篷绳). Any other head may hold the word as its stuff, filling or flavour (蛋黄肉粽,
# 核桃酥饼, 栗子仁, 蛋糕卷: LABELS rule 5, a person asks); containers (盒, 袋, 桶, 礼盒) may be full of it (月饼礼盒,
# 鸡翅全家桶), so they are not here either. Read by ``heads``.
HOLDERS = ("绳", "套", "罩", "笼", "架", "盖", "托盘", "垫", "夹", "钩", "座", "车", "刷", "链", "壳", "膜", "钉", "杆",
           "扣", "贴", "带", "柜", "筐", "篮")
