"""One reader of the numbers owners and viewers write before a unit: digits (1.5, 12 到 25), Chinese numerals in
every spoken form (十二, 二百五十, 两, 俩, 仨, 半, 一个半, 两三, 七八, 十几, 二十来, 头一个) and a sign (零下四十, -30, ±2).

The numeral pattern is data: ``numbers`` of ``lexicon/kinds.yaml`` (``NUM``, ``RANGE``), the same one every kind's
value patterns are written with, so a value the kinds find is a value this module reads.

    read_number("两三")      -> (2.0, 3.0)
    read_number("十几")      -> (11.0, 19.0)
    read_number("一个半")    -> (1.5, 1.5)
    number_read("十几分贝")  -> ("十几", "分贝")
    in_units("两米", {"两"}) -> False   (两 is its numeral, not the weight unit)
"""

from __future__ import annotations

import functools
import re

from copilot.base.zhnum import ZH_DIGITS as DIGITS
from copilot.base.zhnum import zh_to_number
from copilot.knowledge.wordlists import lexicon_file

SIGN = r"(?:零下|负|[-−±≥≤><~～]|约)"
ORDINAL = re.compile(r"^头\s*(一|两|二|三|几)")              # 头一个星期: the first week, read as one
HALF = re.compile(r"^(.*?)个?半$")                           # 一个半 (1.5), 两个半 (2.5)
LOOSE = re.compile(r"^(.*[十百千])([几来])$")                 # 十几 (11-19), 二十来 (about 20), 百来
RANGE_SEP = re.compile(r"\s*(?:-|–|—|~|～|到|至|或)\s*")


@functools.lru_cache(maxsize=1)
def patterns() -> dict[str, str]:
    """The lexicon's numeral patterns (``NUM``: one number, ``RANGE``: a number or a span of two)."""
    data = lexicon_file("kinds.yaml")
    return {str(k): str(v) for k, v in (data.get("numbers") or {}).items()}


@functools.lru_cache(maxsize=1)
def _leading() -> re.Pattern:
    return re.compile(rf"\s*{SIGN}?\s*(?:{patterns()['RANGE']})?")


def number_read(value: str) -> tuple[str, str]:
    """(the number ``value`` starts with, sign included; the rest: its unit and what follows), or ("", value)
    when it starts with no number: ``零下四十度`` -> (零下四十, 度), ``12 到 25 毫米`` -> (12 到 25, 毫米)."""
    m = _leading().match(value)
    if not m or not m.group(0).strip():
        return "", value
    return value[:m.end()].strip(), value[m.end():]


def in_units(value: str, units) -> bool:
    """``value`` is said in one of ``units``, its leading number set aside: 两米 is in 米, not in the weight
    unit 两 (its numeral); 3 两, 一斤二两 and 产自海南 (no number) are read whole."""
    rest = number_read(value)[1]
    return any(u in rest for u in units)


def read_number(text: str) -> tuple[float, float] | None:
    """(low, high) of one number or span as written (``12 到 25``, ``两三``, ``十几``, ``二十来``, ``一个半``, ``头一个``,
    ``零下四十``), or None when it is no number."""
    text = text.strip()
    sign = -1.0 if re.match(r"^(?:零下|负|-|−)", text) else 1.0
    text = re.sub(rf"^{SIGN}\s*", "", text)
    parts = RANGE_SEP.split(text)
    if len(parts) == 2:
        lo, hi = read_number(parts[0]), read_number(parts[1])
        return (sign * lo[0], sign * hi[1]) if lo and hi else None
    return _single(text, sign)


def _single(text: str, sign: float) -> tuple[float, float] | None:
    m = ORDINAL.match(text)
    if m:
        return (sign * 1.0, sign * 1.0) if m.group(1) != "几" else (sign, sign * 3)
    m = HALF.match(text)
    if m and text != "半":
        whole = _plain(m.group(1)) if m.group(1) else 0.0
        return None if whole is None else (sign * (whole + 0.5), sign * (whole + 0.5))
    if text == "半":
        return sign * 0.5, sign * 0.5
    m = LOOSE.match(text)
    if m:
        base = _plain(m.group(1))
        if base is None:
            return None
        step = 10 ** (len(str(int(base))) - 1) if base >= 10 else 1
        return (sign * (base + 1), sign * (base + step - 1)) if m.group(2) == "几" else (sign * base, sign * base)
    if len(text) == 2 and all(ch in DIGITS for ch in text) and DIGITS[text[1]] == DIGITS[text[0]] + 1:
        return sign * DIGITS[text[0]], sign * DIGITS[text[1]]   # 两三, 七八: two or three, seven or eight
    if len(text) == 3 and text[2] == "十" and all(ch in DIGITS for ch in text[:2]) and \
            DIGITS[text[1]] == DIGITS[text[0]] + 1:
        return sign * DIGITS[text[0]] * 10, sign * DIGITS[text[1]] * 10   # 二三十: twenty or thirty
    n = _plain(text)
    return None if n is None else (sign * n, sign * n)


def _plain(text: str) -> float | None:
    text = text.replace("俩", "两").replace("仨", "三").strip()
    if not text:
        return None
    return zh_to_number(text)
