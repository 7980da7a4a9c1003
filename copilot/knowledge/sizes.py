"""Sizes a row is keyed by (``L 码：身高 165 到 175 厘米``, ``适用面积 15-25 平米``), and the viewer's own size a question
names (一米七, 身高180, 脚长 22 厘米, 20平的房间): the row whose span holds the viewer's size answers ``穿啥码``.

- A question's amount in a size unit (``span_units``: 米, 厘米, 平米 ...) is read wherever it stands (一米七穿啥码 is
  ``1.7 米`` after ``decimal_lengths``: 170 厘米); one after a keyed measure (``keyed_measures``: 身高, 头围, 脚长 ...)
  may be bare, read in the unit whose plausible span holds it (身高180: 180 厘米; 身高1.8: 1.8 米).
- A passage states a size as a row's condition only as a span (165 到 175 厘米) or with 以上 / 以下, its measure
  named before it (身高 165 到 175, or 尺码按身高挑 in its heading): a bare ``伞面直径 98 厘米`` is a value, no condition.
- A measure is ``length`` or, named by its keyed word, ``length/height``: a height is no head size, a bare length may
  be either (``same_measure``).

Pure functions over ``lexicon/words.yaml``; ``conditions.py`` joins them to the other condition amounts.
"""

from __future__ import annotations

import functools
import re

from copilot.base.zhnum import zh_to_number
from copilot.knowledge.wordlists import lexicon

NUM = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)"
SPAN = NUM + r"(?:\s*(?:-|–|—|~|～|到|至)\s*" + NUM + r")?"
BOUND = r"(以上|以下|以内|之内|以外|之外)"   # (3 公里以外: beyond it, as 以上)
DIGIT = r"(\d|[一二三四五六七八九])"
TWO_DIGITS = re.compile(rf"(?<![\d.]){DIGIT}\s*米\s*{DIGIT}{DIGIT}(?![\d.零〇一二三四五六七八九十])")
UNIT_AFTER = re.compile(r"\s*[\u4e00-\u9fffA-Za-z%]")   # 3 到 5 天: a bare span said in another unit


def _alts(names) -> str:
    return "|".join(re.escape(u) for u in sorted(names, key=len, reverse=True)) or "(?!)"


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lex = lexicon()
    measures, spans = _alts(lex.keyed_measures), _alts(lex.span_units)
    units = _alts({**lex.span_units, **lex.condition_units})
    # 身高180 / 身高是 1.7 米 / 脚长 22 厘米: the measure, then the viewer's amount (a unit or none)
    keyed = re.compile(rf"({measures})\s*(?:是|有|在|大概|大约|约|差不多|[：:])?\s*{NUM}(?![\d.])\s*({units})?")
    # 1.7 米 / 20平 anywhere in a question (not 1.7 米长 of a thing's own length: that asks a value)
    bare = re.compile(rf"(?<![\d.]){NUM}\s*({spans})(?![长宽高厚深])")
    # 身高 165 到 175 厘米 / 185 厘米以上 / 175 到 185 (after 身高): a span a row is keyed by
    stated = re.compile(rf"(?:({measures})\s*(?:在|[：:])?\s*)?(?<![\d.]){SPAN}(?![\d.])\s*({units})?\s*{BOUND}?")
    return keyed, bare, stated


def _number(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return zh_to_number(s)


def _unit(name: str) -> tuple[str, float] | None:
    lex = lexicon()
    if name in lex.span_units:
        return lex.span_units[name]
    if name in lex.condition_units:
        dim, base, _a = lex.condition_units[name]
        return dim, base
    return None


def _read(measure: str | None, unit: str | None, n: float) -> tuple[str, float] | None:
    """(measure, base factor) of ``n`` said with ``unit`` after ``measure`` (either may be missing); a bare number
    only after a keyed measure, in the unit whose plausible span holds it."""
    keyed = lexicon().keyed_measures.get(measure or "")
    if unit:
        found = _unit(unit)
        if found is None:
            return None
        dim, base = found
        if keyed and keyed[0].split("/")[0] == dim:
            dim = keyed[0]
        return dim, base
    if not keyed:
        return None
    for u, lo, hi in keyed[1]:
        found = _unit(u)
        if found is not None and lo <= n <= hi:
            return keyed[0], found[1]
    return None


def same_measure(a: str, b: str) -> bool:
    """Two measures compare: the same, or one a bare kind (length) of the other (length/height)."""
    if a == b:
        return True
    return a.split("/")[0] == b.split("/")[0] and ("/" not in a or "/" not in b)


def asked_sizes(question: str) -> list[tuple[int, int, str, float]]:
    """(start, end, measure, size in the base unit) of each size of the viewer's the question names (身高180,
    一米七 written 1.7 米, 20平)."""
    keyed, bare, _stated = _patterns()
    out: list[tuple[int, int, str, float]] = []
    for m in keyed.finditer(question):
        n = _number(m.group(2))
        read = _read(m.group(1), m.group(3), n) if n is not None else None
        if read is not None:
            out.append((m.start(), m.end(), read[0], n * read[1]))
    for m in TWO_DIGITS.finditer(question):   # 一米七八 (1.78 米), which ``decimal_lengths`` leaves
        digits = [zh_to_number(g) for g in m.groups()]
        if None not in digits and not any(s <= m.start() < e for s, e, _d, _v in out):
            out.append((m.start(), m.end(), "length", digits[0] * 100 + digits[1] * 10 + digits[2]))
    for m in bare.finditer(question):
        n = _number(m.group(1))
        if n is not None and not any(s <= m.start() < e for s, e, _d, _v in out):
            dim, base = lexicon().span_units[m.group(2)]
            out.append((m.start(), m.end(), dim, n * base))
    return out


def stated_sizes(text: str) -> list[tuple[int, int, str, float, float]]:
    """(start, end, measure, low, high) of each size span a passage keys a row by (身高 165 到 175 厘米, 185 厘米以上:
    no upper bound); not a bare size (98 厘米), and not one in a unit that is no size (those ``conditions`` reads)."""
    out = []
    words = re.compile(_alts(lexicon().keyed_measures))
    for m in _patterns()[2].finditer(text):
        measure, unit, bound = m.group(1), m.group(4), m.group(5)
        if not unit and UNIT_AFTER.match(text, m.end()):
            continue   # 3 到 5 天: a span in a unit that is no size
        if not measure and not unit and (m.group(3) or bound):
            # 175 到 185 under 尺码按身高选 (the passage's heading or key): the measure named before it
            measure = next((w.group(0) for w in reversed(list(words.finditer(text, 0, m.start())))), None)
        if not (m.group(3) or bound) or not measure and unit not in lexicon().span_units:
            continue   # 身高 1 米 55 以上 is read no further than 1 米: a single size is no span
        lo = _number(m.group(2))
        hi = _number(m.group(3)) if m.group(3) else lo
        read = _read(measure, unit, lo) if lo is not None and hi is not None else None
        if read is None:
            continue
        lo, hi = lo * read[1], hi * read[1]
        if bound in ("以上", "以外", "之外"):
            hi = float("inf")
        elif bound:
            lo = 0.0
        out.append((m.start(), m.end(), read[0], lo, hi))
    return out
