"""What the 复盘 reads, straight from the tables the stream left behind: order lines, comments, stock,
the live room's events and the clips. Read-only (the migrations only make sure the tables exist)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, select

from copilot.base.db import make_engine, migrate, reading
from copilot.base.errors import InputError
from copilot.live.events import EventLog, LiveEvent
from copilot.orders.schema import MIGRATIONS, comments, order_lines, stock

log = logging.getLogger(__name__)


@dataclass
class Line:
    """The columns of an order line the report needs (read in one query, no ORM objects)."""
    stream: str
    buyer: str
    buyer_key: str
    sku: str | None
    qty: float
    unit_price: float
    status: str
    comment_ts: float | None
    created_at: datetime

    @property
    def amount(self) -> float:  # the ledger's own rule (OrderLine.amount): per line, to the cent
        return round(self.qty * self.unit_price, 2)


@dataclass
class StreamData:
    stream: str
    started_at: datetime | None
    lines: list[Line]
    comment_ts: list[tuple[float | None, str | None]]  # (ts, current_sku) per comment
    stock: dict[str, float]  # sku -> total of this stream
    events: list[LiveEvent]


def aware(dt: datetime | None) -> datetime | None:
    """Stored in UTC (naive on SQLite): always timezone-aware here."""
    if dt is None:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def open_engine(url: str):
    engine = make_engine(url)
    migrate(engine, "ledger", MIGRATIONS)
    return engine


LINE_COLUMNS = (order_lines.c.stream, order_lines.c.buyer, order_lines.c.buyer_key, order_lines.c.sku,
                order_lines.c.qty, order_lines.c.unit_price, order_lines.c.status, order_lines.c.comment_ts,
                order_lines.c.created_at)


def read_lines(conn, stream: str | None = None) -> list[Line]:
    q = select(*LINE_COLUMNS).order_by(order_lines.c.id)
    if stream is not None:
        q = q.where(order_lines.c.stream == stream)
    return [Line(r[0], r[1], r[2] or f"name:{r[1]}", r[3], float(r[4] or 0), float(r[5] or 0), r[6],
                 None if r[7] is None else float(r[7]), aware(r[8])) for r in conn.execute(q)]


def stream_starts(engine) -> dict[str, datetime]:
    """Every stream with something in it -> when it started (its first comment or order line)."""
    out: dict[str, datetime] = {}
    with reading(engine) as conn:
        for table in (comments, order_lines):
            q = select(table.c.stream, func.min(table.c.created_at)).group_by(table.c.stream)
            for name, first in conn.execute(q):
                first = aware(first)
                if first is not None and (name not in out or first < out[name]):
                    out[name] = first
    return out


def list_streams(engine) -> list[str]:
    """Streams newest first."""
    starts = stream_starts(engine)
    return sorted(starts, key=lambda s: (starts[s], s), reverse=True)


def load_stream(engine, stream: str) -> StreamData:
    if not stream or len(stream) > 64:
        raise InputError(f"场次名称无效：「{stream}」", hint="用 1-64 个字符，例如日期 2026-11-22")
    with reading(engine) as conn:
        lines = read_lines(conn, stream)
        cts = [(None if ts is None else float(ts), sku) for ts, sku in conn.execute(
            select(comments.c.ts, comments.c.current_sku).where(comments.c.stream == stream))]
        totals = {r.sku: float(r.total) for r in conn.execute(
            select(stock.c.sku, stock.c.total).where(stock.c.stream == stream))}
        first = conn.execute(select(func.min(comments.c.created_at)).where(comments.c.stream == stream)).scalar()
    if not lines and not cts:
        known = list_streams(engine)[:5]
        raise InputError(f"场次「{stream}」没有评论也没有订单",
                         hint=f"最近的场次：{'、'.join(known)}" if known else "先在直播间接入评论，或导入评论")
    starts = [t for t in [aware(first)] + [ln.created_at for ln in lines[:1]] if t is not None]
    events = EventLog(engine, stream).events()
    return StreamData(stream, min(starts) if starts else None, lines, cts, totals, events)


def clip_links(url: str, skus: set[str], stream: str, started_at: datetime | None) -> dict[str, str]:
    """sku -> the file of the best clip of this stream's recording (approved first, then by score).
    A clip belongs to the stream when its recording's name holds the stream id, or (recordings named
    otherwise) when it was cut within two days after the stream started."""
    if not skus:
        return {}
    try:
        from copilot.media.review import STEPS, clips_table

        engine = make_engine(url)
        migrate(engine, "clips", STEPS)
        with reading(engine) as conn:
            rows = list(conn.execute(select(clips_table.c.sku, clips_table.c.recording, clips_table.c.file,
                                            clips_table.c.status, clips_table.c.score, clips_table.c.created_at)))
    except Exception as exc:  # the clips are a link in the report, never a reason for it to fail
        log.warning("clips not available for the report: %s", exc)
        return {}
    best: dict[str, tuple] = {}
    for sku, recording, file, status, score, created in rows:
        if sku not in skus or status == "rejected" or not file:
            continue
        named = stream in Path(recording or "").name
        if not named and not _near(aware(created), started_at):
            continue
        rank = (named, status == "approved", score or 0.0)
        if sku not in best or rank > best[sku][0]:
            best[sku] = (rank, file)
    return {sku: f for sku, (_, f) in best.items()}


def _near(created: datetime | None, started_at: datetime | None) -> bool:
    if started_at is None or created is None:
        return False
    return 0 <= (created - started_at).total_seconds() <= 2 * 86400
