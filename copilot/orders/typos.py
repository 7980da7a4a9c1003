"""Typos and synonyms of a product's name. ``near_products`` is the one general reading of a viewer's word that no
name says: the words of the catalog's own names (``name_words``) of the same length with each other character close
by sound or shape (``close_char``: 羊豪 for 羊毫, 笔冼 for 笔洗), or an everyday synonym of general Chinese
(``data/synonyms.txt``: 镇尺 for 镇纸); its caller books only when one product is that close. Whether a word read as a
product by a typo leaves doubt (a person confirms) or is read without it: the typo that
kept only the kind's end (鲸鱼 for 鲈鱼), a word that is another thing (老鸦 for 老鸭), a stranger first character
(招财树 for 发财树), against the one principle for sound-alikes (由鱼 for 鱿鱼 reads like no other name). Read by
``refs`` (a number typed by its sound, ``fuzzy_product``) and ``leftover`` (the unread word of a clause)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from copilot.base.catalog import Catalog, Product
from copilot.base.sounds import syllables
from copilot.orders.alike import kin, looks_near, part_of, phonetic_part, radical_reading, shape_kin
from copilot.orders.lexicon import is_thing, rare_spelling
from copilot.orders.memo import per_catalog
from copilot.orders.shorthand import shorthand


def doubtful_typo(word: str, product: Product, catalog: Catalog) -> bool:
    """The typo replaced the part of the name that tells the products apart and kept only its end, the kind of
    goods other products' names end with too (鱼 of 鲈鱼, 带鱼): a person confirms (鲸鱼 for 鲈鱼), unless the wrong
    character looks like the right one (卢鱼 for 鲈鱼: 卢 is a part of 鲈), or the word reads like this product's
    name and no other's (由鱼 for 鱿鱼, 宝鱼 for 鲍鱼, 我柑 for 沃柑: ``_sounds_as_one``). A word that is itself
    another thing (老鸦 for 老鸭) or a stranger first character (发才树 for 发财树) is confirmed. 称子 (子 ends 蛏子
    alone), 豆将 and 花夹 (the start kept) are no doubt."""
    names = [n for n in product.names if len(n) == len(word)]
    if not names or word in product.names or product in said_for(word, catalog):
        return False  # 镇尺 for 镇纸: the same thing in other words, no other thing
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


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@functools.lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset[str]]:
    """word -> the other words of its line in ``data/synonyms.txt`` (墨水: 墨汁), everyday synonyms of general
    Chinese."""
    found: dict[str, frozenset[str]] = {}
    for line in (Path(__file__).parent / "data" / "synonyms.txt").read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        for w in words:
            found[w] = found.get(w, frozenset()) | frozenset(x for x in words if x != w)
    return found


@per_catalog
def name_words(catalog: Catalog) -> dict[str, tuple[Product, ...]]:
    """word -> the products whose names say it: each run of Chinese characters of a name or alias (狼毫毛笔 of 狼毫毛笔
    中楷), and each start and end of two characters or more of a run, the words a viewer shortens a name to (狼毫,
    毛笔, 笔洗 of 青瓷笔洗)."""
    found: dict[str, dict[str, Product]] = {}
    for p in catalog:
        for n in p.names:
            for run in _CJK_RUN.findall(n):
                for w in {run[:k] for k in range(2, len(run) + 1)} | {run[k:] for k in range(len(run) - 1)}:
                    found.setdefault(w, {})[p.sku] = p
    return {w: tuple(ps.values()) for w, ps in found.items()}


def close_char(typed: str, meant: str, short: bool = False) -> bool:
    """``typed`` is a character a keyboard, a voice or a hurried eye puts for ``meant``: it sounds like it (tones
    aside, the usual blurs, any of its readings), or it looks like it (``alike.looks_near``, one a part of the other,
    one radical with a shared reading, one phonetic family). Not a count put for a character of a name (红烧牛肉面三桶),
    nor a particle (猪肉的: 的 for the 白 of 猪肉白菜).
    In a ``short`` word (two characters) sound parts that only end alike are too far (金枯 for 金桔: confirmed off
    screen, ``refs.shown_look_alike`` reads it on screen)."""
    if typed in _COUNTS or typed in _PARTICLES:
        return False
    return sounds_near(typed, meant) or looks_near(typed, meant, not short) or part_of(typed, meant) \
        or radical_reading(typed, meant) or kin(typed, meant)


_COUNTS = frozenset("0123456789一二两三四五六七八九十百千万半几")
# 猪肉的: a particle of speech is never a slip for a character of a name (的 for the 白 of 猪肉白菜)
_PARTICLES = frozenset("的了吗呢吧啊呀")


def said_for(word: str, catalog: Catalog) -> list[Product]:
    """The products ``word`` names as an everyday synonym of a word of their names (墨水 for the 墨汁 of 书画墨汁,
    菜板 for 砧板), when no name says ``word`` itself."""
    if not synonyms().get(word) or any(word in n for p in catalog for n in p.names):
        return []
    found = {p.sku: p for p in catalog for w in synonyms()[word] for n in p.names if w in n}
    kind = re.fullmatch(r"([\u4e00-\u9fff])[子儿]", word)  # 剪子: the kind 剪, which 纱线剪 is too, not only 剪刀
    if kind and any(p.sku not in found for p in catalog.holding(kind.group(1))):
        return []
    return list(found.values())


@per_catalog
def _synonyms_named(catalog: Catalog) -> tuple[re.Pattern | None, dict[str, str]]:
    """(a pattern of the synonyms no name holds, each -> the one word of its line that names hold)."""
    names = [n for p in catalog for n in p.names]
    swap: dict[str, str] = {}
    for word, others in synonyms().items():
        held = [o for o in others if any(o in n for n in names)]
        kind = re.fullmatch(r"([\u4e00-\u9fff])[子儿]", word)  # 剪子: the kind 剪, which 纱线剪 is too
        if len(held) == 1 and not any(word in n for n in names) and not (kind and said_for(word, catalog) == []):
            swap[word] = held[0]
    pattern = "|".join(sorted(map(re.escape, swap), key=len, reverse=True))
    return (re.compile(pattern) if swap else None), swap


def synonyms_as_named(t: str, catalog: Catalog) -> str:
    """牛肉圆来两斤 of 牛肉丸, 番茄来一斤 of 西红柿: a word of ``data/synonyms.txt`` that no name holds, written in the comment
    (alone or inside a longer word: 肉圆 of 牛肉圆), as the word of its line the catalog's names hold, when one does."""
    pattern, swap = _synonyms_named(catalog)
    return pattern.sub(lambda m: swap[m.group(0)], t) if pattern is not None else t


def near_products(word: str, catalog: Catalog) -> list[Product]:
    """The products a person reads ``word`` as, without a rule for the word: a word of their names (``name_words``)
    of the same length, at least half of the characters the same and each other one close (``close_char``: 羊豪 for
    羊毫, 笔冼 for 笔洗, 端研 for 端砚), or said in other words (``said_for``: 镇尺 for 镇纸). A word some name says is
    no slip; the caller books only when one product is found (two: a person asks), and ``doubtful_typo`` says
    whether a person confirms (跳神 for 跳绳: 跳神 is itself a word)."""
    if not 2 <= len(word) <= 8 or not _CJK_RUN.fullmatch(word):
        return []
    table = name_words(catalog)
    if word in table or any(word in n for p in catalog for n in p.names):
        return []
    found = {p.sku: p for p in said_for(word, catalog)}
    found.update((p.sku, p) for p in _close_words(word, table))
    for k in range(2, len(word) - 1) if not found else ():  # 颜体字贴 for 颜体楷书字帖: its start said, its end typed
        head, tail = word[:k], word[k:]
        if (head in table) != (tail in table):
            heads = table.get(head) or _close_words(head, table)
            found.update((p.sku, p) for p in table.get(tail) or _close_words(tail, table) if p in heads)
    return list(found.values())


def _close_words(word: str, table: dict[str, tuple[Product, ...]]) -> list[Product]:
    """The products of the name words of ``word``'s length with at least half of the characters the same and each
    other one close (``close_char``)."""
    found: dict[str, Product] = {}
    for w, products in table.items():
        if len(w) != len(word):
            continue
        diff = [(a, b) for a, b in zip(word, w) if a != b]
        if len(diff) * 2 <= len(word) and all(close_char(a, b, len(word) == 2) for a, b in diff):
            found.update((p.sku, p) for p in products)
    return list(found.values())


__all__ = ["another_thing", "close_char", "doubtful_typo", "family_typo", "name_words", "near_products", "said_for",
           "sounds_near", "synonyms", "synonyms_as_named"]
