"""Which product a viewer's words name: a part of a name (油 of 花生油), what a product is made of (绿豆 of
绿豆糕) or made into (鹅蛋能腌咸蛋吗), and a word made of the product and what is asked about it (炖排骨, 冻肉).

Pure functions; no chromadb, no model. Split out of ``question.py``.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Product
from copilot.base.nouns import nouns
from copilot.knowledge.question import guard
from copilot.knowledge.text import tokenizer
from copilot.knowledge.wordlists import lexicon

ACCESSORY = re.compile(r"[（(](?:配|附|送|赠|带|加|含)[^）)]*[）)]")   # 黑鱼片（配酸菜料包）: what comes with it


def made_of(word: str, names: list[str]) -> bool:
    """``word`` names what a product of these ``names`` is made of, not the product: a part of them (two
    characters or more) that stops before each name holding it ends (绿豆 of 绿豆糕, 牛奶 of 纯牛奶雪糕, 蛋黄 of
    麻薯蛋黄酥), never a whole name or a name's end (草莓 of 丹东九九草莓)."""
    holding = [n for n in names if word in n]
    return len(word) >= 2 and bool(holding) and all(n.rfind(word) + len(word) < len(n) for n in holding)


INSIDE = ("里", "里面", "里头", "里的", "里面的")   # 礼盒里的红枣: what another product named before holds


def made_into(text: str, mentions: list[tuple[int, int, object]], current) -> set[int]:
    """Indexes of ``mentions`` (start, end, product) that name what is made of the product asked about, not
    it: named right after a making verb (鹅蛋能腌咸蛋吗, 自己腌的咸蛋几天能吃 while 鸭蛋 is presented), when
    another product is named or one is presented (``current``: that product, or True; the one presented named
    so is still the one asked about: 戴着安全帽热不热 while the 安全帽 is presented)."""
    made = {i for i, (s, e, _p) in enumerate(mentions) if _p is not current and (
            guard("made_into").search(text[max(0, s - 4):s])
            or guard("companion").search(f"{text[max(0, s - 4):s]}@{text[e:e + 5]}")   # 能和孔雀鱼一起养不
            or any(p is not _p and text[e2:s] in INSIDE for _s2, e2, p in mentions))}   # 拼盘里鸭脖有几根: a part
    others = {id(m[2]) for i, m in enumerate(mentions) if i not in made}
    return made if made and (others or current) and not any(id(mentions[i][2]) in others for i in made) else set()


def about_kind(word: str, kinds: set[str]) -> str:
    """冻肉 -> 冻, 肉坏 -> 坏: a word made of the product's kind and what is asked about it (a state after
    the kind only when it is an after-sales one: 肉冻过没 asks whether the meat was frozen)."""
    if len(word) != 2:
        return word
    if word[1] in kinds:
        return word[0]
    after = lexicon().aspects.get("aftersales")
    if word[0] in kinds and after and any(w.startswith(word[1]) for w in (*after.ask, *after.hint)):
        return word[1]
    return word


def implies(word: str, p: Product) -> bool:
    """A viewer's word that can only mean this product: part of a name (油 / 花生油; not of what comes with
    it: 料包 of 黑鱼片（配酸菜料包） is a part asked about), the name less 子
    (枣子 / 灰枣), or its first character with the category's (牛肉 / 牛腱子, 肉禽)."""
    stem = word[:-1] if len(word) == 2 and word[-1] in "子儿" else word
    if any(stem in ACCESSORY.sub("", n) for n in p.names):
        return True
    return len(word) == 2 and bool(p.category) and word[1] in p.category and any(n[0] == word[0] for n in p.names)


def about_product(word: str, products: list[Product]) -> str:
    """炖排骨 -> 炖 of 烟熏腊排骨, 洗抹布 -> 洗 of 抹布: a word made of what is done and the product's own name asks
    about what is done (the notes say 炖的时候不用放盐 of the 排骨 without naming it)."""
    for i in range(1, len(word) - 1):
        if any(implies(word[i:], p) for p in products):
            # 手指甲 of 指甲剪 names a thing (手, a noun no list names), not what is done to it: kept whole
            return word if word[:i] in nouns() and word[:i] not in lexicon().vocabulary else word[:i]
    return word


def splits_word(text: str, start: int, end: int) -> bool:
    """True when the span ``start:end`` of ``text`` cuts a word jieba knows: 漱包 of 洗漱包 reads like 书包 but
    is the end of 洗漱 and a 包 (a part of the set presented), no product typed with a homophone."""
    freq, at = tokenizer().dt.FREQ, 0
    for w in tokenizer().lcut(text):
        if len(w) >= 2 and freq.get(w) and (at < start < at + len(w) or at < end < at + len(w)):
            return True
        at += len(w)
    return False
