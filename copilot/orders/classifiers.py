"""Chinese measure words (量词) and what one of each counts: the one lexicon the readers of a quantity ask.

A measure word counts one single thing of a shape (根 / 支 / 条 a stick, 张 / 片 / 块 a flat piece, 卷 / 轴 / 盘 a
roll, 串 / 挂 a string, 顶 a hat, 盏 a lamp …), a pair (双 / 副 / 对), or a pack or container that holds an unsaid
number of things (盒, 箱, 袋, 包, 提 …). Two words of one shape count the same single items, so a quantity said in
one converts to a sale unit in the other (LABELS rule 1: 帐篷绳来一盘 of a rope sold by the 卷 is one 卷, 大鸡排来两片
of a 块 cutlet is two); a pack word converts only when the catalog's ``pack`` says how many it holds (``amounts``).

A word may count several shapes (盘 is a roll of line and a plate of a dish; 串 a string of lights and a skewer of
haws, which is also one 根). ``SPOKEN`` holds the measure words viewers say that no catalog sells in, and
``unit_meant`` the unit a character written by its sound stands for (一带 / 一代 for 一袋, 一平 for 一瓶).

"""

from __future__ import annotations

import functools
import re

from copilot.base.products import PACK_UNITS, SALE_UNITS
from copilot.base.sounds import blurred_syllable
from copilot.base.zhnum import NUM_PATTERN

# shape -> the measure words that count one single item of it. Order within a group does not matter
SHAPES: dict[str, tuple[str, ...]] = {
    "stick": ("根", "支", "枝", "条"),  # 登山杖来两根, 口红来两根, 法棍两条
    "skewer": ("串", "根", "支"),  # 冰糖葫芦 a 串 or a 根
    "flat": ("张", "片", "块"),  # 防潮垫两片, 大鸡排两片, 一块垫子
    "roll": ("卷", "轴", "盘", "团"),  # 一轴线, 一盘子线, 一团毛线
    "string": ("串", "挂"),  # 一挂鞭炮, 一串灯
    "pair": ("双", "副", "对"),  # 一副手套, 一双手套
    "can": ("罐", "听", "坛"),  # 6罐 are 6听; a 坛 of pickles is one jar
    "tube": ("桶", "筒"),  # 一筒羽毛球, 一桶
    "grain": ("棵", "颗"),  # 一棵白菜 is one 颗
    "serving": ("份", "碗", "盘"),  # 两碗豆腐脑 are 2份, 一盘饺子
    "case": ("箱", "件"),  # 件 of the wholesale trade for a case
    "bunch": ("把", "束"),  # 一束花 is 一把
    "machine": ("台", "部"),  # 一部手机, 一台电视
    "bag": ("袋", "包"),  # nobody tells 一包 from 一袋
    "fish": ("条", "尾"),  # 来10尾 are 10条 of a fish
}

# the everyday classifiers of any one thing: 个, and 只 / 枚 (两只猪蹄, 6枚鸡蛋)
GENERAL = ("个", "只", "枚")

# words that count one whole thing, never a part or a bunch of several: said of goods sold by 个 they count the same
# thing (一条围裙, 一根香蕉, 一盏灯 of goods sold by the 个). Not a flat part (片, 块: a slice of a 个 of watermelon), nor
# what may hold several 个 (一串 / 一把 香蕉, 一盘 / 一桶 饺子), a pair, a serving, a pack or a case
WHOLE = frozenset(SHAPES["stick"]) | {"卷", "轴", "顶", "盏", "台", "部", "张", "朵"}  # 一朵 a flower, a mushroom's head
# sale units of one solid single thing, which 只 and 枚 count as they count 个 (来一只 of a lamp sold by the 盏); not
# a roll or a string that holds several (30只 of bags sold by the 卷 are no 30 rolls), nor one of a pair (一只手套)
ONE_THING = frozenset(SHAPES["stick"]) | {"顶", "盏", "台", "部", "张", "把", "块"}  # 一只手表 is 一块

# units that hold an unsaid number of things (来2个 of a 盒: a piece or a box? a person asks)
PACKS = ("盒", "袋", "包", "板", "箱", "提", "兜", "捆", "扎")

# measure words viewers say that no catalog sells in (一升, 一棵, 一轴线, 一盘线, 一挂鞭炮, 一筒羽毛球, 一团毛线, 一坛泡菜)
SPOKEN = ("升", "棵", "轴", "盘", "挂", "筒", "团", "尾", "坛")

SAME_COUNT: dict[str, frozenset[str]] = {}
for _words in SHAPES.values():
    for _w in _words:
        SAME_COUNT[_w] = SAME_COUNT.get(_w, frozenset()) | frozenset(_words)


def same_count(said: str, sold: str) -> bool:
    """``said`` counts the same single items as ``sold`` (one shape holds both), or ``said`` is a word of a whole
    thing and ``sold`` a general classifier of one thing (个, 只): 一盘 of a 卷 line, 两片 of a 块 cutlet, 一条 of a 个
    keep net, 一条 of a 只 leg of lamb."""
    return said == sold or sold in SAME_COUNT.get(said, ()) or sold in ("个", "只") and said in WHOLE


# a character written for a unit by its sound (带 / 代 for 袋, 分 for 份, 付 for 副, 灌 for 罐, 合 for 盒, 厢 / 相 for
# 箱, 平 for 瓶, 今 for 斤), read as the unit only where a quantity ends: after a number said with an order word or
# after the goods, and before nothing but the goods or the end (不是一带一路, 两分钟, 十分好吃, 这一带); a bare 十 / 百 /
# 千 begins a word (百合, 十分, 千分). The unit meant is the one measure word of the parser that sounds like it, tones
# aside (``unit_meant``); no table of pairs
_ALIKE = re.compile(rf"(?:(?<=[来要拿买订留扣])|(?<=[来要拿买订留扣]\s)|(?<=^)|(?<=\s))(?![十百千万]\D)(?P<n>{NUM_PATTERN})\s*"
                    rf"(?P<u>[\u4e00-\u9fff])(?=[\s,，。.!！~～]|$)")
# what a number ends with that is no unit of goods and no slip for one: the weights read apart from the measure words
# (8两, 二钱), other measure words (一幅字, 一首歌, 两头猪), time, place, turns and ages (两周, 3号, 一次, 两岁), and
# the words a number begins (一下, 一些, 一样, 一起, 一般, 一定)
_UNITS = frozenset(u for u in (*SALE_UNITS, *PACK_UNITS, *SPOKEN) if len(u) == 1 and "\u4e00" <= u <= "\u9fff") - {"两"}
_NO_SLIP = frozenset("两钱幅篇首头尾匹口间座面封道位名种样款类批排行层圈声句天周年月日时点秒次遍回趟号楼栋室岁半下些起共定般直")


@functools.lru_cache(maxsize=1024)
def unit_meant(ch: str) -> str | None:
    """The one single-character measure word (a catalog's sale or pack unit, or one viewers say) that ``ch``, no measure word
    itself, sounds like in the usual readings, tones aside (平: 瓶, 代: 袋, 相: 箱); None when none or two do (之:
    支 and 枝)."""
    if ch in _NO_SLIP or ch in _UNITS or ch in SAME_COUNT:
        return None
    heard = blurred_syllable(ch)  # the usual readings: 合 is he, as 盒, though also ge, as 个
    meant = {u for u in _UNITS if blurred_syllable(u) == heard}
    return meant.pop() if len(meant) == 1 else None


def units_as_meant(t: str) -> str:
    """木炭来一带 -> 木炭来一袋, 酸菜鱼来一分 -> 来一份, 墨汁来一平 -> 来一瓶: a unit written by its sound, where a
    quantity ends."""
    return _ALIKE.sub(lambda m: m.group("n") + (unit_meant(m.group("u")) or m.group("u")), t)


__all__ = ["GENERAL", "ONE_THING", "PACKS", "SAME_COUNT", "SHAPES", "SPOKEN", "WHOLE", "same_count",
           "unit_meant", "units_as_meant"]
