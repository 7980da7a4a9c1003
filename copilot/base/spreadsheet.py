"""Cells that are safe to open in Excel, WPS or Numbers: every xlsx and CSV the app writes goes through here.

A nickname or comment is data, never a formula: text that begins with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return gets a leading ``'`` (the OWASP "CSV injection" defence), and control characters,
which Excel cannot store, are removed. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell value as it may be written: numbers as they are, text cleaned and never a formula."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = _CONTROL.sub("", str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def safe_row(row: Iterable) -> list:
    return [safe_cell(v) for v in row]


def write_csv(path: Path, head: list[str], rows: Iterable[Iterable]) -> Path:
    """A CSV for Excel on Chinese Windows: UTF-8 with BOM, every cell made safe."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(safe_row(head))
        w.writerows(safe_row(r) for r in rows)
    return Path(path)


def display_width(v) -> int:
    """Columns a value takes on screen: CJK characters count double."""
    s = "" if v is None else str(v)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def fill_sheet(ws, title: str, head: list[str], rows: list[list], *, bold_rows: Iterable[int] = (),
               totals: list | None = None, formats: dict[str, str] | None = None) -> None:
    """An openpyxl worksheet: a bold header, safe cells, bold subtotal rows (0-based data row indexes),
    number formats per column name, widths that fit Chinese text, the header frozen."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.title = title
    ws.append(safe_row(head))
    for row in rows:
        ws.append(safe_row(row))
    if totals is not None:
        ws.append(safe_row(totals))
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
    for i in bold_rows:
        for cell in ws[i + 2]:
            cell.font = bold
    formats = formats or {}
    for j, name in enumerate(head, start=1):
        fmt, width = formats.get(name), display_width(name)
        for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
            if fmt and isinstance(cell.value, (int, float)):
                cell.number_format = fmt
            width = max(width, display_width(cell.value))
        ws.column_dimensions[get_column_letter(j)].width = min(60, width + 2)
    ws.freeze_panes = "A2"
