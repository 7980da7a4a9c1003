"""Chinese numbers and text normalisation shared by the catalog and the intent parser."""

from __future__ import annotations

import re
import unicodedata

# A number as viewers type it: ASCII digits (after NFKC) or Chinese numerals.
ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
NUM_PATTERN = r"(?:\d+(?:\.\d+)?|[零〇一幺二两俩三仨四五六七八九十百千]+)"
_NUM_RE = re.compile(rf"^{NUM_PATTERN}$")
_TRANSLATE = str.maketrans({"×": "x", "✕": "x", "✖": "x", "＊": "*", "。": "。",
                            "\u3000": " ", "\u00a0": " ", "➕": "+"})

_TIMES = re.compile(r"(?<![A-Za-z])X(?![A-Za-z])")  # X2 is a times mark; the X of XL, XXL, iPhone X is a letter of a word


def normalize(text: str) -> str:
    """NFKC (full-width digits and signs to ASCII), unify multiplication signs, trim."""
    text = _TIMES.sub("x", unicodedata.normalize("NFKC", text).translate(_TRANSLATE))
    return re.sub(r"[ \t]+", " ", text).strip()


def zh_to_number(s: str) -> float | None:
    """'12' -> 12, '十二' -> 12, '两' -> 2, '二十五' -> 25, '一百' -> 100, '1.5' -> 1.5."""
    s = s.strip()
    if not s or not _NUM_RE.match(s):
        return None
    if s[0].isdigit():
        return float(s)
    if all(ch in ZH_DIGITS for ch in s) and len(s) > 1:  # 一二 read digit by digit ("幺二")
        return float("".join(str(ZH_DIGITS[ch]) for ch in s))
    total, current = 0, 0
    for ch in s:
        if ch in ZH_DIGITS:
            current = ZH_DIGITS[ch]
        elif ch in ZH_UNITS:
            total += (current or 1) * ZH_UNITS[ch]
            current = 0
        else:
            return None
    return float(total + current)


def as_int(value: float | None) -> int | None:
    if value is None or value != int(value):
        return None
    return int(value)
