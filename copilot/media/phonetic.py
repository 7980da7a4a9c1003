"""How alike two Chinese strings sound and look: what speech recognition gets wrong is mostly a
homophone (直播架 for 直播价, 练结 for 链接) or a near homophone (蒙果 for 芒果, 张子岛 for 獐子岛).

``similarity(a, b)`` scores two strings of the same length character by character: the same character
1.0, the same syllable 0.85, a syllable a Mandarin speaker easily confuses (zh/z, n/l, an/ang ...)
0.65, the same initial or final 0.35. ``best_window(text, name)`` finds the span of ``text`` that
sounds most like ``name``.
"""

from __future__ import annotations

from functools import lru_cache

from copilot.base.sounds import is_cjk, syllable, syllables  # noqa: F401 (the readings live in base: the parser reads them too)

INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c",
            "s", "y", "w")
FUZZY_INITIALS = {"zh": "z", "ch": "c", "sh": "s", "n": "l", "r": "l", "f": "h"}
FUZZY_FINALS = {"ang": "an", "eng": "en", "ing": "in", "iang": "ian", "uang": "uan", "ong": "on"}


@lru_cache(maxsize=1 << 14)
def _parts(py: str) -> tuple[str, str]:
    for ini in INITIALS:
        if py.startswith(ini) and len(py) > len(ini):
            return ini, py[len(ini):]
    return "", py


@lru_cache(maxsize=1 << 16)
def fuzzy_syllable(py: str) -> str:
    ini, fin = _parts(py)
    return FUZZY_INITIALS.get(ini, ini) + FUZZY_FINALS.get(fin, fin)


def char_similarity(a: str, b: str, pa: str | None = None, pb: str | None = None) -> float:
    if a == b:
        return 1.0
    if not (is_cjk(a) and is_cjk(b)):
        return 0.0
    pa, pb = pa or syllable(a), pb or syllable(b)
    if pa == pb:
        return 0.85
    if fuzzy_syllable(pa) == fuzzy_syllable(pb):
        return 0.65
    ia, fa = _parts(pa)
    ib, fb = _parts(pb)
    return 0.35 if (ia and ia == ib) or (fa and fa == fb) else 0.0


def similarity(a: str, b: str) -> float:
    """Mean character similarity of two strings of the same length (0 when the lengths differ)."""
    if len(a) != len(b) or not a:
        return 0.0
    return sum(char_similarity(x, y) for x, y in zip(a, b)) / len(a)


def best_window(text: str, name: str, reading: list[str] | None = None) -> tuple[float, int]:
    """(score, start) of the span of ``text`` (as long as ``name``) that sounds most like ``name``."""
    n = len(name)
    if n == 0 or len(text) < n:
        return 0.0, -1
    reading = reading or syllables(text)
    name_py = syllables(name)
    best, where = 0.0, -1
    for i in range(len(text) - n + 1):
        total = 0.0
        for k in range(n):
            total += char_similarity(text[i + k], name[k], reading[i + k], name_py[k])
            if total + (n - k - 1) < best * n:  # cannot beat the best any more
                break
        if total / n > best:
            best, where = total / n, i
    return best, where
