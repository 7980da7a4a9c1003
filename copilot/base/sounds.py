"""How Chinese characters sound: the toneless pinyin of each character, read once per character.

The parser (homophone typos: 草霉 for 草莓), the catalog and the clip cutter (what speech recognition mishears) all
compare readings character by character; pypinyin is slow per call, so every reading goes through one cache.
"""

from __future__ import annotations

from functools import lru_cache


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@lru_cache(maxsize=1 << 16)
def syllable(ch: str) -> str:
    """The toneless pinyin of a Chinese character; other characters stand for themselves."""
    if not is_cjk(ch):
        return ch
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0]


def syllables(text: str) -> list[str]:
    return [syllable(ch) for ch in text]


@lru_cache(maxsize=1 << 16)
def nasal_blurred(sound: str) -> str:
    """A syllable with its back nasal read as the front one (sheng as shen, qing as qin): the pair a pinyin keyboard's
    fuzzy setting and many speakers do not tell apart (挂神 typed for 挂绳)."""
    return sound[:-1] if sound.endswith(("eng", "ing")) and len(sound) > 3 or sound == "ing" else sound


@lru_cache(maxsize=1 << 16)
def blurred_syllable(ch: str) -> str:
    """The toneless pinyin of a character, its back nasal read as the front one (``nasal_blurred``)."""
    return nasal_blurred(syllable(ch))


@lru_cache(maxsize=1 << 16)
def blurred_readings(ch: str) -> tuple[str, ...]:
    """Every toneless reading of a character (长: zhang and chang), each ``nasal_blurred``, the usual one first: a
    pinyin keyboard offers a character under each of them (润长 typed for 润肠)."""
    if not is_cjk(ch):
        return (ch,)
    from pypinyin import Style, pinyin

    found = [blurred_syllable(ch)] + [nasal_blurred(r) for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]]
    return tuple(dict.fromkeys(found))
