"""What the live room saw, kept for the 复盘: product switches (when each product was presented) and
questions (answered from the knowledge base, handed to the assistant, or marked answered by hand).

One table, ``live_events`` (migration track ``live``), in the ledger's database. The live session
writes; ``copilot.report`` reads. Writing never blocks the live room: a failed write is logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import JSON, Column, DateTime, Float, Index, Integer, MetaData, String, Table, delete, select

from copilot.base.db import migrate, reading, utcnow, writing

log = logging.getLogger(__name__)

SWITCH, QUESTION, ANSWERED = "switch", "question", "answered"
meta = MetaData()
live_events = Table(
    "live_events", meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stream", String(64), nullable=False),
    Column("kind", String(16), nullable=False),       # switch / question / answered
    Column("sku", String(64)),
    Column("ts", Float),                              # seconds from the stream's start, when known
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_live_events_stream_kind", "stream", "kind"),
)
MIGRATIONS = [(1, "live events", lambda conn: meta.create_all(conn))]


@dataclass
class LiveEvent:
    kind: str
    sku: str | None
    ts: float | None
    payload: dict
    created_at: datetime


class EventLog:
    """The live events of one stream."""

    def __init__(self, engine, stream: str) -> None:
        self.engine, self.stream = engine, stream
        migrate(engine, "live", MIGRATIONS)

    def record(self, kind: str, sku: str | None = None, ts: float | None = None, **payload) -> None:
        try:
            with writing(self.engine) as conn:
                conn.execute(live_events.insert().values(stream=self.stream, kind=kind, sku=sku, ts=ts,
                                                         payload=payload, created_at=utcnow()))
        except Exception as exc:  # the 复盘 loses one event; the live room goes on
            log.warning("could not record live event %s: %s", kind, exc)

    def clear(self) -> None:
        """Forget this stream's events (a rehearsal being cleared)."""
        with writing(self.engine) as conn:
            conn.execute(delete(live_events).where(live_events.c.stream == self.stream))

    def events(self, kind: str | None = None) -> list[LiveEvent]:
        q = select(live_events).where(live_events.c.stream == self.stream)
        if kind:
            q = q.where(live_events.c.kind == kind)
        with reading(self.engine) as conn:
            return [LiveEvent(r.kind, r.sku, r.ts, r.payload, r.created_at)
                    for r in conn.execute(q.order_by(live_events.c.id))]
