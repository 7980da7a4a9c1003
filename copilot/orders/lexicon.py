"""Common Chinese nouns, to tell a typo of a product's name from another thing written by mistake.

老鸦 (a crow) for 老鸭 and 香草 (vanilla, herbs) for 香菜 read as the product by sound or shape, but the word
as typed names another thing: the viewer may mean something else, so a person confirms. 肋拍, 西红市, 牛乃
are no words (a slip of the keyboard), and 五华 (a county), 满头 or 混沌 (chaos) name no thing anyone buys:
read without doubt. The word list is jieba's dictionary, its common nouns (tag ``n``; ``base.nouns``, which the
knowledge base reads too), read once on the first typo asked about; the parse of a comment without a typo never
loads it. A live session calls ``warm`` in the background when it starts, so the first typo of the evening (or the
first count the knowledge base checks) does not wait the ~0.6 s of reading it.
"""

from __future__ import annotations

import re

from copilot.base.nouns import loaded, nouns, warm

_MIN_FREQ = 3  # jieba's rarest entries (菜子油: 2) are spellings of their neighbours, not other things


# who the goods are for (我孙子身高105, 双胞胎 各来一件, 给我闺女来一件): a person, no thing anyone buys
_PERSON = re.compile(r"(?:我|我家|我们家|家里)?(?:外?孙[子女]?|外孙女|双胞胎|龙凤胎|闺女|女儿|儿子|孩子|小孩|宝宝|大宝|二宝|小宝|"
                     r"老大|老二|老三|侄[子女]|外甥女?|老公|老婆|媳妇|婆婆|公公|奶奶|爷爷|外婆|外公|姥姥|姥爷|妈妈|爸爸|"
                     r"闺蜜|同事|邻居|"
                     # 隔壁老王, 对门李姐, 同事小张: a neighbour or colleague by name
                     r"(?:隔壁|对门|对面|邻居家?|同事|朋友)的?(?:老|小|阿)?[\u4e00-\u9fff](?:姐|哥|叔|姨|阿姨|奶奶|爷爷|师傅|老师)?)")


def is_person(word: str) -> bool:
    """孙子, 双胞胎, 我闺女, 帮隔壁老王带: who the goods are for (帮 X 带: bought for X)."""
    return bool(_PERSON.fullmatch(re.sub(r"^(?:给|帮|替|送)|(?<=[\u4e00-\u9fff]{2})(?:带|捎)$", "", word.strip())))


def is_thing(word: str) -> bool:
    """``word`` is a common noun of the dictionary (the caller checks it is no name of the product), and names
    no person."""
    return 2 <= len(word) <= 8 and nouns().get(word, 0) >= _MIN_FREQ and not _PERSON.fullmatch(word)


__all__ = ["is_person", "is_thing", "loaded", "warm"]
