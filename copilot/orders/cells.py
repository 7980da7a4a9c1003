"""One rule for every cell the store's spreadsheets get: text that a spreadsheet would run as a
formula (=, +, -, @ first, also after spaces: the OWASP "CSV injection") is written as text with a
leading apostrophe, and control characters (which also break xlsx files) are dropped."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝")


def safe_cell(value):
    """``value`` as it may go into a cell: numbers and None unchanged, text neutralised."""
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub("", value)
    if text.lstrip(" ").startswith(_FORMULA_START) or text.startswith(_FORMULA_START):
        return "'" + text
    return text


def safe_row(row) -> list:
    return [safe_cell(v) for v in row]
