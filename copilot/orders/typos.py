"""Whether a word read as a product by a typo leaves doubt (a person confirms) or is read without it: the typo that
kept only the kind's end (鲸鱼 for 鲈鱼), a word that is another thing (老鸦 for 老鸭), a stranger first character
(招财树 for 发财树), against the one principle for sound-alikes (由鱼 for 鱿鱼 reads like no other name). Read by
``refs`` (a number typed by its sound) and ``leftover`` (the unread word of a clause)."""

from __future__ import annotations

import functools
import re

from copilot.base.catalog import Catalog, Product
from copilot.base.sounds import syllables
from copilot.orders.alike import kin, part_of, phonetic_part, shape_kin
from copilot.orders.lexicon import is_thing, rare_spelling
from copilot.orders.shorthand import shorthand


def doubtful_typo(word: str, product: Product, catalog: Catalog) -> bool:
    """The typo replaced the part of the name that tells the products apart and kept only its end, the kind of
    goods other products' names end with too (鱼 of 鲈鱼, 带鱼): a person confirms (鲸鱼 for 鲈鱼), unless the wrong
    character looks like the right one (卢鱼 for 鲈鱼: 卢 is a part of 鲈), or the word reads like this product's
    name and no other's (由鱼 for 鱿鱼, 宝鱼 for 鲍鱼, 我柑 for 沃柑: ``_sounds_as_one``). A word that is itself
    another thing (老鸦 for 老鸭) or a stranger first character (发才树 for 发财树) is confirmed. 称子 (子 ends 蛏子
    alone), 豆将 and 花夹 (the start kept) are no doubt."""
    names = [n for n in product.names if len(n) == len(word)]
    if not names or word in product.names:
        return False
    name = max(names, key=lambda n: sum(a == b for a, b in zip(word, n)))
    if another_thing(word, name, product, catalog) or _stranger(word, name, product, catalog):
        return True
    if _sounds_as_one(word, name, product, catalog):
        return False
    k = next((i for i in range(len(name)) if word[i:] == name[i:]), len(name))
    if k == len(name) or any(a == b for a, b in zip(word[:k], name[:k])):
        return False
    if not any(n.endswith(name[k:]) for q in catalog if q.sku != product.sku for n in q.names):
        return False
    if k >= 2 and syllables(word[:k]) == syllables(name[:k]):
        return False
    return not any(part_of(a, b) for a, b in zip(word[:k], name[:k]))


def _sounds_as_one(word: str, name: str, product: Product, catalog: Catalog) -> bool:
    """The one principle for sound-alike typos (由鱼 for 鱿鱼, 我柑 for 沃柑, 升抽 for 生抽): the word typed reads,
    tones aside and with the usual blurs (zh/z, ch/c, sh/s, -ng/-n), syllable for syllable like this product's name
    and like no other product's name: a person reads it without doubt. When another product's name reads as close,
    the two are close and a person decides."""
    if not all(sounds_near(a, b) for a, b in zip(word, name)):
        return False
    return not any(q.sku != product.sku and all(sounds_near(a, b) for a, b in zip(word, n))
                   for q in catalog for n in q.names if len(n) == len(word))


def _stranger(word: str, name: str, product: Product, catalog: Catalog) -> bool:
    """招财树 for 发财树: the first character of a longer name, the one that tells goods of a kind apart, swapped
    for one that neither sounds (发才树, 百玫瑰 for 白玫瑰: a pinyin keyboard's or a voice's slip) nor looks like it
    (亡果 for 芒果), while another product is of the same kind (金钱树: 树): no slip but another word, maybe for
    another member of the kind; a person confirms. 板粟仁 for 板栗仁 (the middle) is a slip of the eye."""
    if len(name) < 3 or word[1:] != name[1:] or word[0] == name[0]:
        return False
    a, b = word[0], name[0]
    if sounds_near(a, b) or part_of(a, b) or shape_kin(a, b) or kin(a, b):
        return False
    return any(n.endswith(name[-1]) for q in catalog if q.sku != product.sku for n in q.names)


_BLUR = ((re.compile(r"^([zcs])h"), r"\1"), (re.compile(r"ng$"), "n"))  # zh/z, ing/in: voices and keyboards blur them


def sounds_near(a: str, b: str) -> bool:
    """Two characters that sound alike in one of their readings (乾 is also 干), tones aside, with zh/z, ch/c,
    sh/s and -ng/-n blurred."""
    return bool(_blurred(a) & _blurred(b))


@functools.lru_cache(maxsize=4096)
def _blurred(ch: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    out = set()
    for reading in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]:
        for pattern, repl in _BLUR:
            reading = pattern.sub(repl, reading)
        out.add(reading)
    return frozenset(out)


def family_typo(word: str, refs: list, catalog: Catalog) -> bool:
    """车里子2斤装一盒: beside a variant word that names the product (2斤装), the word left is the family's word
    (车厘子 of the 2斤装 and 5斤装 boxes) with one character typed by its sound: it says the kind again, no
    other goods."""
    if not 2 <= len(word) <= 8:
        return False
    named = {r.product.sku for r in refs if r.product is not None}
    for family, members in shorthand(catalog).families.items():
        if len(family) != len(word) or not named & {p.sku for p in members}:
            continue
        diff = [(a, b) for a, b in zip(word, family) if a != b]
        if len(diff) == 1 and sounds_near(*diff[0]):
            return True
    return False


def another_thing(word: str, name: str, product: Product, catalog: Catalog) -> bool:
    """老鸦 for 老鸭, 香草 for 香菜: the word as typed is itself a common noun, another thing the viewer may
    mean (see ``lexicon``); not a rare entry that reads like this name and no other's (汽球, 棕叶), not a part of the product's names (鸭子, 五花), nor the name written in a common
    simplified form: a character by its sound part alone (土司 for 吐司, 菜子油 for 菜籽油) or every
    character by its phonetic kin (馄炖 for 馄饨)."""
    if not is_thing(word) or shorthand(catalog).partial(word, product) is not None:
        return False
    if rare_spelling(word) and _sounds_as_one(word, name, product, catalog):
        return False  # 汽球 for 气球, 宫爆鸡丁 for 宫保鸡丁: the dictionary's own record of the misspelling
    diff = [(a, b) for a, b in zip(word, name) if a != b]
    if all(phonetic_part(a, b) or phonetic_part(b, a) for a, b in diff):  # 平果 for 苹果, 蕃茄 for 番茄
        return False
    return not (len(diff) == len(name) and all(kin(a, b) for a, b in diff))


__all__ = ["another_thing", "doubtful_typo", "family_typo", "sounds_near"]
