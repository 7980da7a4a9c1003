"""The group-buy ledger: every comment recorded once, order lines with stock that never goes negative.

One stream (a night's livestream, by default today's date) has its own stock counters, created from
the catalog on first use. ``stock.reserved`` counts everything allocated to buyers — lines that are
reserved, paid or picked up — and only ever grows through a conditional UPDATE
(``reserved + q <= total``), so concurrent writers cannot oversell. Writers of one stream are also
serialized (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock per stream).

Waitlist: an order that does not fit waits in arrival order; when stock frees up the queue is walked
in order and every line that now fits is promoted (a big order that does not fit does not block the
smaller ones behind it). So a waitlisted line never fits the remaining stock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from sqlalchemy import delete, select

from copilot.base.catalog import Catalog, Product
from copilot.base.comments import Comment, check_comment, clean_comment
from copilot.base.db import make_engine, migrate, reading, utcnow
from copilot.base.errors import InputError, LedgerError
from copilot.orders.book import LedgerTx, read_stock
from copilot.orders.counter import clear_stream as clear_counter
from copilot.orders.counter import ensure_tables as ensure_counter_tables
from copilot.orders.handlers import apply_intent
from copilot.orders.intent import Intent, Kind
from copilot.orders.manual import ManualActions
from copilot.orders.records import ApplyResult, IngestStats, OrderLine
from copilot.orders.schema import (
    CANCELLED,
    MIGRATIONS,
    RESERVED,
    REVIEW,
    SQL,
    STATUSES,
    WAITLIST,
    actions,
    comments,
    order_lines,
    stock,
)

log = logging.getLogger(__name__)
REHEARSAL_PREFIX = "彩排-"


def default_stream() -> str:
    """Today's date in local time, e.g. ``2026-11-22``."""
    return date.today().isoformat()


def rehearsal_stream(day: date | None = None) -> str:
    """The 场次 rehearsals and replays go to, e.g. ``彩排-2026-11-29``: never tonight's."""
    return f"{REHEARSAL_PREFIX}{(day or date.today()).isoformat()}"


def is_rehearsal(stream: str) -> bool:
    return stream.startswith(REHEARSAL_PREFIX)


def known_streams(engine) -> list[str]:
    """Every 场次 the ledger has, newest name first."""
    with reading(engine) as conn:
        names = set(conn.execute(select(stock.c.stream).distinct()).scalars())
        names |= set(conn.execute(select(comments.c.stream).distinct()).scalars())
    return sorted(names, reverse=True)


class Ledger(ManualActions):
    def __init__(self, url: str, catalog: Catalog, stream: str) -> None:
        if not stream or len(stream) > 64:
            raise InputError(f"场次名称无效：「{stream}」", hint="用 1-64 个字符，例如日期 2026-11-22")
        self.url = url
        self.catalog = catalog
        self.stream = stream
        self.engine = make_engine(url)
        migrate(self.engine, "ledger", MIGRATIONS)
        with self.tx() as tx:
            tx.ensure_stock()

    @classmethod
    def open(cls, settings, catalog: Catalog, stream: str | None = None) -> "Ledger":
        return cls(settings.ledger_url, catalog, stream or settings.stream or default_stream())

    def tx(self, stream: str | None = None):
        """A write transaction on ``stream`` (default: this ledger's), serialized with its other writers."""
        return LedgerTx.open(self.engine, self.catalog, stream or self.stream)

    # -- comments -> ledger ----------------------------------------------------------------------

    def apply(self, comment: Comment, intent: Intent, *, actor: str | None = None) -> ApplyResult:
        """Record one comment and carry out its intent, in one transaction. With ``actor`` (the live
        room) its effect is journalled, so that person's undo can reverse it."""
        return self.apply_batch([(comment, intent)], actor=actor)[0]

    def apply_batch(self, pairs: list[tuple[Comment, Intent]], *, actor: str | None = None) -> list[ApplyResult]:
        """Several comments in ONE transaction: all of them are applied, or none (an HTTP batch)."""
        results: list[ApplyResult] = []
        self._run_batch(list(pairs), results.append, actor)
        return results

    def ingest(self, pairs: Iterable[tuple[Comment, Intent]], *, batch_size: int = 500,
               progress: Callable[[float, str], None] | None = None) -> IngestStats:
        """Apply many comments; each batch is one transaction and durable once committed."""
        pairs = [(clean_comment(c), i) for c, i in pairs]
        for comment, intent in pairs:  # all of it is checked before anything is written
            _check(comment, intent)
        stats = IngestStats()
        total = len(pairs) or 1

        def count(res: ApplyResult) -> None:
            stats.comments += 1
            stats.duplicates += res.duplicate
            stats.review += res.review
            stats.orders += sum(1 for ln in res.created if ln.status in (RESERVED, WAITLIST))

        for k, start in enumerate(range(0, len(pairs), max(1, batch_size)), start=1):
            self._run_batch(pairs[start:start + batch_size], count, checked=True)
            if k & (k - 1) == 0 and len(pairs) > batch_size:
                self._analyze()
            if progress:
                done = min(start + batch_size, len(pairs))
                progress(done / total, f"已处理 {done}/{len(pairs)} 条评论")
        log.info("ingested %d comments into %s: %s", len(pairs), self.stream, stats)
        return stats

    def _analyze(self) -> None:
        """PostgreSQL plans from table statistics: refresh them while a bulk import doubles the
        tables, or a fresh ledger keeps scanning instead of using its indexes."""
        if self.engine.dialect.name == "postgresql":
            with self.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE order_lines, comments")

    def _run_batch(self, batch: list[tuple[Comment, Intent]], sink, actor: str | None = None,
                   checked: bool = False) -> None:
        """Apply a batch in one transaction. Writers of a stream hold its lock for the whole
        transaction, so the duplicate check below is authoritative; comment rows are written
        together at the end (UNIQUE(stream, comment_id) still guards against any slip)."""
        if not checked:
            batch = [(clean_comment(c), i) for c, i in batch]
            for comment, intent in batch:
                _check(comment, intent)
        results: list[ApplyResult] = []
        with self.tx() as tx:
            ids = [str(c.id) for c, _ in batch]
            known = set(tx.conn.execute(SQL.known_ids, {"b_stream": tx.stream, "b_ids": ids}).scalars())
            rows = []
            for comment, intent in batch:
                cid = str(comment.id)
                if cid in known:
                    results.append(ApplyResult(duplicate=True, message=f"评论 {cid} 已处理过，跳过"))
                    continue
                known.add(cid)
                if cid != comment.id:
                    comment = replace(comment, id=cid)
                tx.changes, tx.created = {}, []
                res = apply_intent(tx, comment, intent)
                if actor is not None and (tx.changes or tx.created):
                    res.action_id = self.journal(tx, "comment", f"评论「{comment.text[:20]}」（{comment.user}）", actor,
                                                 comment_id=cid)
                rows.append(_comment_row(tx.stream, comment, intent, res))
                results.append(res)
            if rows:
                tx.conn.execute(SQL.insert_comment, rows)
        for res in results:
            sink(res)

    # -- queries --------------------------------------------------------------------------------

    def lines(self, *, sku: str | None = None, status: str | Iterable[str] | None = None,
              buyer: str | None = None, stream: str | None = None) -> list[OrderLine]:
        q = select(order_lines).where(order_lines.c.stream == (stream or self.stream))
        if sku:
            q = q.where(order_lines.c.sku == sku)
        if status:
            wanted = [status] if isinstance(status, str) else list(status)
            bad = [x for x in wanted if x not in STATUSES]
            if bad:
                raise InputError(f"未知的订单状态：{'、'.join(bad)}", hint=f"可选：{' '.join(STATUSES)}")
            q = q.where(order_lines.c.status.in_(wanted))
        if buyer:
            q = q.where(order_lines.c.buyer == buyer)
        with reading(self.engine) as conn:
            return [OrderLine.from_row(r) for r in conn.execute(q.order_by(order_lines.c.id))]

    def clear_rehearsal(self) -> int:
        """Delete everything of this rehearsal 场次 (lines, comments, stock, journal) in one transaction;
        refused for any other 场次. Returns how many order lines went."""
        if not is_rehearsal(self.stream):
            raise LedgerError(f"场次「{self.stream}」不是彩排场次，不能清空", hint="只有“彩排-”开头的场次可以一键清空")
        ensure_counter_tables(self.engine)
        with self.tx() as tx:
            n = tx.conn.execute(delete(order_lines).where(order_lines.c.stream == self.stream)).rowcount
            for table in (comments, actions, stock):
                tx.conn.execute(delete(table).where(table.c.stream == self.stream))
            clear_counter(tx.conn, self.stream)  # its pickup numbers start from 1 again
            tx.ensure_stock()
        log.info("cleared rehearsal stream %s (%d lines)", self.stream, n)
        return n

    def review_queue(self) -> list[OrderLine]:
        """Lines waiting for a person, oldest first, each with its reason."""
        return self.lines(status=REVIEW)

    def remaining(self, sku: str) -> float:
        """What is left to sell: total - reserved - paid - picked up, never below zero."""
        self.product(sku)
        with reading(self.engine) as conn:
            row = read_stock(conn, self.stream, sku)
        return max(0.0, round(row.total - row.reserved, 3)) if row else 0.0

    def stock_rows(self) -> dict[str, tuple[float, float]]:
        """sku -> (total, allocated) for this stream."""
        with reading(self.engine) as conn:
            rows = conn.execute(select(stock).where(stock.c.stream == self.stream))
            return {r.sku: (float(r.total), float(r.reserved)) for r in rows}

    # -- lookups ------------------------------------------------------------------------------------

    def product(self, sku: str) -> Product:
        p = self.catalog.get(sku or "")
        if p is None:
            raise LedgerError(f"没有 sku 为「{sku}」的商品",
                              hint=f"可用：{', '.join(p.sku for p in self.catalog.products)}")
        return p


def _outcome(res: ApplyResult) -> str:
    if res.created:
        return res.created[-1].status
    if res.changed:
        return res.changed[0].status if res.changed[0].status == CANCELLED else "modified"
    return "nothing"


def _check(comment: Comment, intent: Intent) -> None:
    if not isinstance(comment, Comment) or not isinstance(intent, Intent):
        raise InputError("台账只接受 (Comment, Intent) 对", hint="先用 orders.parser 解析评论")
    check_comment(comment)


def _comment_row(stream: str, c: Comment, intent: Intent, res: ApplyResult) -> dict:
    acts = intent.needs_review or intent.kind in (Kind.ORDER, Kind.CANCEL, Kind.MODIFY)
    outcome = ("review" if res.review else _outcome(res)) if acts else intent.kind.value
    return {"stream": stream, "comment_id": c.id, "user": c.user, "user_id": c.user_id, "text": c.text or "",
            "ts": c.ts, "current_sku": c.current_sku or None, "kind": intent.kind.value, "outcome": outcome,
            "message": res.message[:2000], "created_at": utcnow()}
