"""The 团购台账 table as pages: newest lines first, filtered by product and status, searched by buyer
(any part of the nickname), read one page at a time from the database (a 场次 of thousands of lines
costs one page, not the whole ledger)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from copilot.base.db import reading
from copilot.base.errors import InputError
from copilot.orders.records import OrderLine
from copilot.orders.schema import STATUSES, order_lines

PAGE_SIZE = 50


@dataclass
class LinePage:
    lines: list[OrderLine]
    page: int  # 1-based, within 1..pages
    pages: int
    total: int  # lines matching the filters

    def caption(self) -> str:
        if not self.total:
            return "没有符合条件的订单"
        return f"第 {self.page}/{self.pages} 页 · 共 {self.total} 行（最新的在前）"


def page_lines(ledger, *, sku: str | None = None, status: str | None = None, buyer: str | None = None,
               page: int = 1, size: int = PAGE_SIZE) -> LinePage:
    """One page of the stream's lines, newest first. ``buyer`` matches any part of the nickname
    (case-insensitive) or the whole buyer key; a page past the end shows the last page."""
    t = order_lines
    where = [t.c.stream == ledger.stream]
    if sku:
        where.append(t.c.sku == sku)
    if status:
        if status not in STATUSES:
            raise InputError(f"未知的订单状态：{status}", hint=f"可选：{' '.join(STATUSES)}")
        where.append(t.c.status == status)
    query = (buyer or "").strip()
    if query:
        where.append(or_(func.lower(t.c.buyer).contains(query.lower(), autoescape=True), t.c.buyer_key == query))
    size = max(1, int(size))
    with reading(ledger.engine) as conn:
        total = int(conn.execute(select(func.count()).select_from(t).where(*where)).scalar())
        pages = max(1, math.ceil(total / size))
        page = min(max(1, int(page or 1)), pages)
        rows = conn.execute(select(t).where(*where).order_by(t.c.id.desc()).limit(size).offset((page - 1) * size))
        lines = [OrderLine.from_row(r) for r in rows]
    return LinePage(lines, page, pages, total)
