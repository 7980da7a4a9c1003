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
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, Index, Integer, MetaData, Numeric, String,
                        Table, Text, UniqueConstraint, bindparam, func, select, update)
from sqlalchemy.engine import Connection

from .catalog import Catalog, Product, fmt_number
from .db import make_engine, migrate, reading, utcnow, writing
from .errors import InputError, LedgerError
from .intents import Comment, Intent, Item, Kind

log = logging.getLogger("copilot.ledger")

RESERVED, WAITLIST, REVIEW, CANCELLED, PAID, PICKED_UP = (
    "reserved", "waitlist", "needs_review", "cancelled", "paid", "picked_up")
STATUSES = (RESERVED, WAITLIST, REVIEW, CANCELLED, PAID, PICKED_UP)
STATUS_ZH = {RESERVED: "已预留", WAITLIST: "候补", REVIEW: "待确认", CANCELLED: "已取消",
             PAID: "已付款", PICKED_UP: "已取货"}
ALLOCATED = (RESERVED, PAID, PICKED_UP)  # counted in stock.reserved
LIMIT_COUNTED = (RESERVED, WAITLIST, PAID, PICKED_UP)  # counted against limit_per_buyer
OPEN = (RESERVED, WAITLIST, REVIEW)  # what a buyer's cancel/modify comment can touch
EPS = 0.0005  # quantities have 3 decimals

meta = MetaData()
Qty = Numeric(12, 3, asdecimal=False)
comments = Table(
    "comments", meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stream", String(64), nullable=False),
    Column("comment_id", String(128), nullable=False),
    Column("user", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("ts", Float),
    Column("current_sku", String(64)),
    Column("kind", String(16), nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("message", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("stream", "comment_id", name="uq_comments_stream_comment"),
)
stock = Table(
    "stock", meta,
    Column("stream", String(64), primary_key=True),
    Column("sku", String(64), primary_key=True),
    Column("total", Qty, nullable=False),
    Column("reserved", Qty, nullable=False, default=0),  # reserved + paid + picked up
)
order_lines = Table(
    "order_lines", meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stream", String(64), nullable=False),
    Column("buyer", String(200), nullable=False),
    Column("sku", String(64)),
    Column("qty", Qty),
    Column("unit", String(16), nullable=False, default=""),
    Column("unit_price", Numeric(12, 2, asdecimal=False)),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("comment_id", String(128)),
    Column("comment_text", Text, nullable=False, default=""),
    Column("comment_ts", Float),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_lines_stream_sku_status", "stream", "sku", "status"),
    Index("ix_lines_stream_buyer_sku", "stream", "buyer", "sku"),
)
actions = Table(
    "actions", meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stream", String(64), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone", Boolean, nullable=False, default=False),
)
MIGRATIONS = [(1, "ledger tables", lambda conn: meta.create_all(conn))]


def _b(name: str, **kw):
    return bindparam(f"b_{name}", **kw)


class SQL:
    """Hot statements, built once (compiled-cache hits, no per-call expression building)."""

    known_ids = select(comments.c.comment_id).where(
        comments.c.stream == _b("stream"), comments.c.comment_id.in_(_b("ids", expanding=True)))
    insert_comment = comments.insert()
    stock_row = select(stock.c.total, stock.c.reserved).where(
        stock.c.stream == _b("stream"), stock.c.sku == _b("sku"))
    next_fitting = select(order_lines).where(
        order_lines.c.stream == _b("stream"), order_lines.c.sku == _b("sku"), order_lines.c.status == WAITLIST,
        order_lines.c.qty <= _b("room", type_=Qty)).order_by(order_lines.c.id).limit(1)
    buyer_lines = select(order_lines).where(
        order_lines.c.stream == _b("stream"), order_lines.c.buyer == _b("buyer"),
        order_lines.c.status.in_(_b("statuses", expanding=True))).order_by(order_lines.c.id)
    buyer_sku_lines = select(order_lines).where(
        order_lines.c.stream == _b("stream"), order_lines.c.buyer == _b("buyer"), order_lines.c.sku == _b("sku"),
        order_lines.c.status.in_(_b("statuses", expanding=True))).order_by(order_lines.c.id)


class Driver:
    """The per-order statements on the transaction's DBAPI cursor: about 10x cheaper per call than
    Core here, which is what makes bulk ingest fast. Same transaction, same SQL on both backends."""

    RESERVE = ("UPDATE stock SET reserved = {add} WHERE stream = :stream AND sku = :sku "
               "AND reserved + :q <= total + 0.0005")
    INSERT_LINE = ("INSERT INTO order_lines (stream, buyer, sku, qty, unit, unit_price, status, reason, "
                   "comment_id, comment_text, comment_ts, created_at, updated_at) VALUES (:stream, :buyer, "
                   ":sku, :qty, :unit, :unit_price, :status, :reason, :comment_id, :comment_text, :comment_ts, "
                   ":created_at, :created_at) RETURNING id")
    ORDERED = ("SELECT COALESCE(SUM(qty), 0) FROM order_lines WHERE stream = :stream AND buyer = :buyer "
               "AND sku = :sku AND status IN ('reserved', 'waitlist', 'paid', 'picked_up')")
    RELEASE = ("UPDATE stock SET reserved = CASE WHEN reserved - :q < 0.0005 THEN 0 ELSE {sub} END "
               "WHERE stream = :stream AND sku = :sku")
    UPDATE_LINE = ("UPDATE order_lines SET status = :status, sku = :sku, qty = :qty, unit = :unit, "
                   "unit_price = :unit_price, reason = :reason, updated_at = :updated_at WHERE id = :id")
    QUEUE_POS = ("SELECT COUNT(*) FROM order_lines WHERE stream = :stream AND sku = :sku "
                 "AND status = 'waitlist' AND id <= :id")

    def __init__(self, conn: Connection) -> None:
        self.pg = conn.dialect.name == "postgresql"
        self.cur = conn.connection.driver_connection.cursor()
        bind = DateTime(timezone=True).dialect_impl(conn.dialect).bind_processor(conn.dialect)
        self.when = bind or (lambda v: v)
        add = "reserved + :q" if self.pg else "ROUND(reserved + :q, 3)"
        self.reserve_sql = self.RESERVE.format(add=add)
        self.release_sql = self.RELEASE.format(sub="reserved - :q" if self.pg else "ROUND(reserved - :q, 3)")

    def run(self, sql: str, params: dict):
        self.cur.execute(_driver_sql(sql, self.pg), params)
        return self.cur


@lru_cache(maxsize=32)
def _driver_sql(sql: str, pg: bool) -> str:
    return re.sub(r":(\w+)", r"%(\1)s", sql) if pg else sql


def default_stream() -> str:
    """Today's date in local time, e.g. ``2026-11-22``."""
    return date.today().isoformat()


@dataclass
class OrderLine:
    id: int
    stream: str
    buyer: str
    sku: str | None
    qty: float | None
    unit: str
    unit_price: float | None
    status: str
    reason: str
    comment_id: str | None
    comment_text: str
    comment_ts: float | None
    created_at: datetime
    updated_at: datetime | None = None

    @property
    def amount(self) -> float:
        return round((self.qty or 0) * (self.unit_price or 0), 2)

    @property
    def status_zh(self) -> str:
        return STATUS_ZH.get(self.status, self.status)

    @classmethod
    def from_row(cls, row) -> "OrderLine":
        d = {k: row._mapping[k] for k in _LINE_FIELDS}
        for k in ("qty", "unit_price", "comment_ts"):
            d[k] = None if d[k] is None else float(d[k])
        return cls(**d)


_LINE_FIELDS = [c.name for c in order_lines.columns]
_SNAP = ("status", "sku", "qty", "unit", "unit_price", "reason")


@dataclass
class ApplyResult:
    duplicate: bool = False
    created: list[OrderLine] = field(default_factory=list)
    changed: list[OrderLine] = field(default_factory=list)
    review: bool = False
    message: str = ""


@dataclass
class IngestStats:
    comments: int = 0
    orders: int = 0
    review: int = 0
    duplicates: int = 0


class PickLine(NamedTuple):
    buyer: str
    qty: float


class SlipItem(NamedTuple):
    name: str
    qty: float
    unit: str
    unit_price: float
    amount: float


def _n(x: float | None) -> str:
    return fmt_number(round(x or 0, 3))


def _short(p: Product | None, sku: str | None = None) -> str:
    if p is None:
        return sku or "（商品不明）"
    return p.aliases[0] if p.aliases else p.name


class _Tx:
    """One write transaction: the connection plus the line changes it made (for the undo journal)."""

    def __init__(self, conn: Connection, stream: str) -> None:
        self.conn = conn
        self.stream = stream
        self.changes: dict[int, tuple[dict, dict]] = {}
        self._driver: Driver | None = None

    @property
    def driver(self) -> Driver:
        if self._driver is None:
            self._driver = Driver(self.conn)
        return self._driver


class Ledger:
    def __init__(self, url: str, catalog: Catalog, stream: str) -> None:
        if not stream or len(stream) > 64:
            raise InputError(f"场次名称无效：「{stream}」", hint="用 1-64 个字符，例如日期 2026-11-22")
        self.url = url
        self.catalog = catalog
        self.stream = stream
        self.engine = make_engine(url)
        migrate(self.engine, "ledger", MIGRATIONS)
        with self._tx() as tx:
            self._ensure_stock(tx, stream)

    @classmethod
    def open(cls, settings, catalog: Catalog, stream: str | None = None) -> "Ledger":
        return cls(settings.ledger_url, catalog, stream or settings.stream or default_stream())

    # -- transactions and stock ----------------------------------------------------------------

    def _tx(self, stream: str | None = None):
        return _TxContext(self, stream or self.stream)

    def _ensure_stock(self, tx: _Tx, stream: str) -> None:
        have = set(tx.conn.execute(select(stock.c.sku).where(stock.c.stream == stream)).scalars())
        rows = [{"stream": stream, "sku": p.sku, "total": p.stock, "reserved": 0}
                for p in self.catalog.products if p.sku not in have]
        if rows:
            tx.conn.execute(stock.insert(), rows)

    def _reserve(self, tx: _Tx, stream: str, sku: str, q: float) -> bool:
        d = tx.driver
        return d.run(d.reserve_sql, {"stream": stream, "sku": sku, "q": q}).rowcount == 1

    def _release(self, tx: _Tx, stream: str, sku: str, q: float) -> None:
        d = tx.driver
        d.run(d.release_sql, {"stream": stream, "sku": sku, "q": q})

    def _stock_row(self, conn: Connection, stream: str, sku: str) -> "_Stock | None":
        row = conn.execute(SQL.stock_row, {"b_stream": stream, "b_sku": sku}).first()
        return _Stock(float(row.total), float(row.reserved)) if row else None

    # -- line helpers ---------------------------------------------------------------------------

    def _insert_line(self, tx: _Tx, comment: Comment, *, sku, qty, status, reason="") -> OrderLine:
        p = self.catalog.get(sku) if sku else None
        now = utcnow()
        values = dict(stream=tx.stream, buyer=comment.user, sku=sku, qty=qty, unit=p.unit if p else "",
                      unit_price=p.price if p else None, status=status, reason=reason, comment_id=comment.id,
                      comment_text=comment.text or "", comment_ts=comment.ts)
        line_id = tx.driver.run(Driver.INSERT_LINE, {**values, "created_at": tx.driver.when(now)}).fetchone()[0]
        return OrderLine(id=line_id, created_at=now, updated_at=now, **values)

    def _update_line(self, tx: _Tx, line: OrderLine, **values) -> OrderLine:
        before = {k: getattr(line, k) for k in _SNAP}
        for k, v in values.items():
            setattr(line, k, v)
        line.updated_at = utcnow()
        after = {k: getattr(line, k) for k in _SNAP}
        tx.driver.run(Driver.UPDATE_LINE, {**after, "id": line.id, "updated_at": tx.driver.when(line.updated_at)})
        first = tx.changes.get(line.id, (before, None))[0]
        tx.changes[line.id] = (first, after)
        return line

    def _get_line(self, conn: Connection, line_id: int) -> OrderLine:
        row = conn.execute(select(order_lines).where(order_lines.c.id == line_id)).first()
        if row is None:
            raise LedgerError(f"找不到订单 #{line_id}", hint="在团购台账里确认订单编号")
        return OrderLine.from_row(row)

    def _buyer_lines(self, tx: _Tx, buyer: str, statuses, sku: str | None = None) -> list[OrderLine]:
        params = {"b_stream": tx.stream, "b_buyer": buyer, "b_sku": sku, "b_statuses": list(statuses)}
        rows = tx.conn.execute(SQL.buyer_sku_lines if sku else SQL.buyer_lines, params)
        return [OrderLine.from_row(r) for r in rows]

    def _ordered(self, tx: _Tx, buyer: str, sku: str) -> float:
        params = {"stream": tx.stream, "buyer": buyer, "sku": sku}
        return float(tx.driver.run(Driver.ORDERED, params).fetchone()[0])

    def _over_limit(self, tx: _Tx, p: Product, buyer: str, qty: float, minus: float = 0) -> str:
        """The review reason when ``qty`` more would exceed the per-buyer limit, else ''."""
        if p.limit_per_buyer is None:
            return ""
        have = self._ordered(tx, buyer, p.sku)
        if have - minus + qty > p.limit_per_buyer + EPS:
            return f"超过每人限购 {_n(p.limit_per_buyer)}{p.unit}（已订 {_n(have)}{p.unit}）"
        return ""

    def _queue_pos(self, tx: _Tx, line: OrderLine) -> int:
        params = {"stream": line.stream, "sku": line.sku, "id": line.id}
        return int(tx.driver.run(Driver.QUEUE_POS, params).fetchone()[0])

    def _promote(self, tx: _Tx, stream: str, sku: str) -> list[OrderLine]:
        """Walk the waitlist of ``sku`` in arrival order and reserve every line that now fits.
        Fetches only the next line that fits the room left, so a long queue costs little."""
        row = self._stock_row(tx.conn, stream, sku)
        if row is None:
            return []
        room = row.total - row.reserved
        promoted: list[OrderLine] = []
        while room >= EPS:
            nxt = tx.conn.execute(SQL.next_fitting, {"b_stream": stream, "b_sku": sku, "b_room": room + EPS}).first()
            if nxt is None:
                break
            line = OrderLine.from_row(nxt)
            if not self._reserve(tx, stream, sku, line.qty):
                break
            promoted.append(self._update_line(tx, line, status=RESERVED))
            room -= line.qty
        return promoted

    def _drop(self, tx: _Tx, line: OrderLine, status: str = CANCELLED) -> list[OrderLine]:
        """Cancel ``line``; if it held stock, release it and promote the waitlist. Returns promoted."""
        held = line.status in ALLOCATED
        self._update_line(tx, line, status=status)
        if held and line.sku:
            self._release(tx, line.stream, line.sku, line.qty)
            return self._promote(tx, line.stream, line.sku)
        return []

    # -- comments -> ledger ----------------------------------------------------------------------

    def apply(self, comment: Comment, intent: Intent) -> ApplyResult:
        """Record one comment and carry out its intent, in one transaction."""
        results: list[ApplyResult] = []
        self._run_batch([(comment, intent)], results.append)
        return results[0]

    def ingest(self, pairs: Iterable[tuple[Comment, Intent]], *, batch_size: int = 500,
               progress: Callable[[float, str], None] | None = None) -> IngestStats:
        """Apply many comments; each batch is one transaction and durable once committed."""
        pairs = pairs if isinstance(pairs, list) else list(pairs)
        stats = IngestStats()
        total = len(pairs) or 1

        def count(res: ApplyResult) -> None:
            stats.comments += 1
            stats.duplicates += res.duplicate
            stats.review += res.review
            stats.orders += sum(1 for ln in res.created if ln.status in (RESERVED, WAITLIST))

        for k, start in enumerate(range(0, len(pairs), max(1, batch_size)), start=1):
            self._run_batch(pairs[start:start + batch_size], count)
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

    def _run_batch(self, batch: list[tuple[Comment, Intent]], sink) -> None:
        """Apply a batch in one transaction. Writers of a stream hold its lock for the whole
        transaction, so the duplicate check below is authoritative; comment rows are written
        together at the end (UNIQUE(stream, comment_id) still guards against any slip)."""
        for comment, intent in batch:
            _check(comment, intent)
        results: list[ApplyResult] = []
        with self._tx() as tx:
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
                res = self._act(tx, comment, intent)
                rows.append(_comment_row(tx.stream, comment, intent, res))
                results.append(res)
            if rows:
                tx.conn.execute(SQL.insert_comment, rows)
        for res in results:
            sink(res)

    def _act(self, tx: _Tx, comment: Comment, intent: Intent) -> ApplyResult:
        if intent.needs_review:
            return self._review(tx, comment, intent)
        if intent.kind is Kind.ORDER:
            return self._order(tx, comment, intent.items)
        if intent.kind is Kind.CANCEL:
            return self._cancel(tx, comment, intent.items)
        if intent.kind is Kind.MODIFY:
            return self._modify(tx, comment, intent.items)
        return ApplyResult(message="")

    def _review(self, tx: _Tx, comment: Comment, intent: Intent, reason: str = "") -> ApplyResult:
        item = intent.items[0] if len(intent.items) == 1 else None
        sku = item.sku if item and self.catalog.get(item.sku or "") else None
        line = self._insert_line(tx, comment, sku=sku, qty=item.qty if item else None, status=REVIEW,
                                 reason=reason or intent.reason or "需要人工确认")
        return ApplyResult(created=[line], review=True, message=f"已转人工确认：{line.reason}")

    def _order(self, tx: _Tx, comment: Comment, items: tuple[Item, ...]) -> ApplyResult:
        if not items:
            return self._review(tx, comment, Intent(Kind.ORDER), "下单但没有识别出商品")
        res = ApplyResult()
        msgs = [self._order_item(tx, comment, item, res) for item in items]
        res.message = "；".join(msgs)
        return res

    def _order_item(self, tx: _Tx, comment: Comment, item: Item, res: ApplyResult) -> str:
        p = self.catalog.get(item.sku or "")
        qty = 1.0 if item.qty is None else round(float(item.qty), 3)
        reason = ("没有识别出商品" if not item.sku else f"未知商品 {item.sku}") if p is None else (
            "数量必须大于 0" if qty <= 0 else self._over_limit(tx, p, comment.user, qty))
        if reason:
            line = self._insert_line(tx, comment, sku=p.sku if p else None, qty=qty, status=REVIEW,
                                     reason=reason)
            res.created.append(line)
            res.review = True
            return f"{comment.user} 的 {_short(p, item.sku)} {_n(qty)}{p.unit if p else ''} 需人工确认：{reason}"
        ok = self._reserve(tx, tx.stream, p.sku, qty)
        line = self._insert_line(tx, comment, sku=p.sku, qty=qty, status=RESERVED if ok else WAITLIST)
        res.created.append(line)
        if ok:
            return f"已为 {comment.user} 预留 {_short(p)} {_n(qty)}{p.unit}"
        return f"{_short(p)}库存不足，已为 {comment.user} 排队候补第 {self._queue_pos(tx, line)} 位"

    def _cancel(self, tx: _Tx, comment: Comment, items: tuple[Item, ...]) -> ApplyResult:
        skus = [i.sku for i in items if i.sku]
        targets: list[OrderLine] = []
        if skus:
            for sku in dict.fromkeys(skus):
                targets += self._buyer_lines(tx, comment.user, OPEN, sku)
        else:
            if comment.current_sku:
                targets = self._buyer_lines(tx, comment.user, OPEN, comment.current_sku)
            if not targets:
                targets = self._buyer_lines(tx, comment.user, OPEN)[-1:]
        if not targets:
            return ApplyResult(message=f"{comment.user} 没有可以取消的订单，未做改动")
        res = ApplyResult()
        promoted = []
        for line in targets:
            promoted += self._drop(tx, line)
            res.changed.append(line)
        res.changed += promoted
        res.message = "；".join([f"已取消 {line.buyer} 的 {self._label(line)}" for line in targets]
                                + [f"候补的 {ln.buyer} 已补上 {self._label(ln)}" for ln in promoted])
        return res

    def _modify(self, tx: _Tx, comment: Comment, items: tuple[Item, ...]) -> ApplyResult:
        if not items:
            return self._review(tx, comment, Intent(Kind.MODIFY), "改单但没有识别出商品和数量")
        res = ApplyResult()
        res.message = "；".join(self._modify_item(tx, comment, item, res) for item in items)
        return res

    def _modify_item(self, tx: _Tx, comment: Comment, item: Item, res: ApplyResult) -> str:
        sku = item.sku or None
        if sku and self.catalog.get(sku) is None:
            return self._review_into(tx, comment, res, None, item.qty, f"未知商品 {sku[:64]}")
        target = self._modify_target(tx, comment, sku)
        if target is None:
            if sku and item.qty is not None:
                msg = self._order_item(tx, comment, item, res)
                return f"没有找到原订单，已按新订单处理：{msg}"
            return self._review_into(tx, comment, res, sku, item.qty, "没有找到要修改的订单")
        p = self.catalog.get(target.sku or "")
        if item.qty is None or item.qty <= 0 or p is None:
            return self._review_into(tx, comment, res, target.sku, item.qty, "改单数量或商品不明")
        qty, old = round(float(item.qty), 3), target.qty or 0
        label = f"{_short(p)} 从 {_n(old)}{p.unit} 改为 {_n(qty)}{p.unit}"
        if target.status == REVIEW:
            self._update_line(tx, target, qty=qty, unit=p.unit, unit_price=p.price)
            res.changed.append(target)
            return f"已把 {comment.user} 待确认的 {label}"
        reason = self._over_limit(tx, p, comment.user, qty, minus=old)
        if reason:
            return self._review_into(tx, comment, res, p.sku, qty, reason)
        if target.status == RESERVED and qty > old and not self._reserve(tx, tx.stream, p.sku, qty - old):
            return self._review_into(tx, comment, res, p.sku, qty, f"库存不足，无法改成 {_n(qty)}{p.unit}")
        self._update_line(tx, target, qty=qty)
        res.changed.append(target)
        if target.status == RESERVED and qty < old:
            self._release(tx, tx.stream, p.sku, old - qty)
        res.changed += self._promote(tx, tx.stream, p.sku)
        state = "（候补中）" if target.status == WAITLIST else ""
        return f"已把 {comment.user} 的 {label}{state}"

    def _modify_target(self, tx: _Tx, comment: Comment, sku: str | None) -> OrderLine | None:
        """The buyer's latest real order (reserved/waitlist) of the product, else a review line."""
        lines = self._buyer_lines(tx, comment.user, OPEN, sku or comment.current_sku)
        if not lines and not sku:
            lines = self._buyer_lines(tx, comment.user, OPEN)
        real = [ln for ln in lines if ln.status != REVIEW]
        return (real or lines)[-1] if lines else None

    def _review_into(self, tx, comment, res: ApplyResult, sku, qty, reason: str) -> str:
        line = self._insert_line(tx, comment, sku=sku, qty=qty, status=REVIEW, reason=reason)
        res.created.append(line)
        res.review = True
        return f"{comment.user} 的改单需人工确认：{reason}"

    def _label(self, line: OrderLine) -> str:
        p = self.catalog.get(line.sku or "")
        return f"{_short(p, line.sku)} {_n(line.qty)}{line.unit}" if line.qty else _short(p, line.sku)

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

    def review_queue(self) -> list[OrderLine]:
        """Lines waiting for a person, oldest first, each with its reason."""
        return self.lines(status=REVIEW)

    def remaining(self, sku: str) -> float:
        """What is left to sell: total - reserved - paid - picked up, never below zero."""
        self._product(sku)
        with reading(self.engine) as conn:
            row = self._stock_row(conn, self.stream, sku)
        return max(0.0, round(row.total - row.reserved, 3)) if row else 0.0

    def stock_rows(self) -> dict[str, tuple[float, float]]:
        """sku -> (total, allocated) for this stream."""
        with reading(self.engine) as conn:
            rows = conn.execute(select(stock).where(stock.c.stream == self.stream))
            return {r.sku: (float(r.total), float(r.reserved)) for r in rows}

    def stock_summary(self) -> list[dict]:
        from .exports import stock_summary

        return stock_summary(self)

    def pick_list(self) -> list[dict]:
        from .exports import pick_list

        return pick_list(self)

    def pickup_slips(self) -> list[dict]:
        from .exports import pickup_slips

        return pickup_slips(self)

    # -- manual actions (journalled for undo) ----------------------------------------------------

    def _product(self, sku: str) -> Product:
        p = self.catalog.get(sku or "")
        if p is None:
            raise LedgerError(f"没有 sku 为「{sku}」的商品",
                              hint=f"可用：{', '.join(p.sku for p in self.catalog.products)}")
        return p

    def _journal(self, tx: _Tx, kind: str, description: str, **extra) -> None:
        changed = [{"id": i, "before": b, "after": a} for i, (b, a) in tx.changes.items() if b != a]
        tx.conn.execute(actions.insert().values(
            stream=tx.stream, kind=kind, created_at=utcnow(), undone=False,
            payload={"description": description, "lines": changed, **extra}))

    def _manual_line(self, tx: _Tx, line_id: int) -> OrderLine:
        line = self._get_line(tx.conn, line_id)
        if line.stream != tx.stream:
            raise LedgerError(f"订单 #{line_id} 属于场次 {line.stream}，不是当前场次 {tx.stream}",
                              hint="切换到对应场次再操作")
        return line

    def resolve_review(self, line_id: int, sku: str, qty: float, *, force: bool = False) -> ApplyResult:
        """Give a review line its product and quantity: reserved if it fits, else waitlisted.
        The per-buyer limit applies unless ``force`` (the owner decides to allow more)."""
        p = self._product(sku)
        if qty is None or qty <= 0:
            raise LedgerError(f"数量必须大于 0（现在是 {qty}）", hint="填写要预留的数量")
        qty = round(float(qty), 3)
        with self._tx() as tx:
            line = self._manual_line(tx, line_id)
            if line.status != REVIEW:
                raise LedgerError(f"订单 #{line_id} 不在待确认队列（当前：{line.status_zh}）")
            reason = "" if force else self._over_limit(tx, p, line.buyer, qty)
            if reason:
                raise LedgerError(f"订单 #{line_id}：{reason}", hint="减少数量，或确认放行超限")
            ok = self._reserve(tx, tx.stream, p.sku, qty)
            self._update_line(tx, line, sku=p.sku, qty=qty, unit=p.unit, unit_price=p.price,
                              status=RESERVED if ok else WAITLIST,
                              reason=f"人工确认（原因：{line.reason}）" if line.reason else "人工确认")
            msg = (f"已确认：为 {line.buyer} 预留 {_short(p)} {_n(qty)}{p.unit}" if ok else
                   f"已确认：{_short(p)}库存不足，{line.buyer} 排队候补第 {self._queue_pos(tx, line)} 位")
            self._journal(tx, "resolve", f"确认订单 #{line_id}（{line.buyer} {_short(p)} {_n(qty)}{p.unit}）")
        return ApplyResult(changed=[line], message=msg)

    def dismiss_review(self, line_id: int) -> None:
        """Drop a review line (→ cancelled); its reason is kept."""
        with self._tx() as tx:
            line = self._manual_line(tx, line_id)
            if line.status != REVIEW:
                raise LedgerError(f"订单 #{line_id} 不在待确认队列（当前：{line.status_zh}）")
            self._update_line(tx, line, status=CANCELLED)
            self._journal(tx, "dismiss", f"忽略待确认订单 #{line_id}（{line.buyer}）")

    def cancel_line(self, line_id: int) -> ApplyResult:
        """Cancel one line by hand (reserved, waitlisted, in review or paid); frees its stock."""
        with self._tx() as tx:
            line = self._manual_line(tx, line_id)
            if line.status in (CANCELLED, PICKED_UP):
                raise LedgerError(f"订单 #{line_id} 已{line.status_zh[1:]}，不能取消")
            promoted = self._drop(tx, line)
            label = self._label(line)
            self._journal(tx, "cancel", f"取消订单 #{line_id}（{line.buyer} {label}）")
        msg = "；".join([f"已取消 {line.buyer} 的 {label}"]
                       + [f"候补的 {ln.buyer} 已补上 {self._label(ln)}" for ln in promoted])
        return ApplyResult(changed=[line, *promoted], message=msg)

    def mark_paid(self, line_ids: list[int]) -> int:
        """Reserved → paid. Lines in another status are left alone; returns how many changed."""
        return self._mark(line_ids, PAID, (RESERVED,), "paid", "标记已付款")

    def mark_picked_up(self, line_ids: list[int]) -> int:
        """Reserved or paid → picked up; returns how many changed."""
        return self._mark(line_ids, PICKED_UP, (RESERVED, PAID), "picked_up", "标记已取货")

    def _mark(self, line_ids, status: str, allowed: tuple, kind: str, verb: str) -> int:
        with self._tx() as tx:
            lines = [self._manual_line(tx, int(i)) for i in dict.fromkeys(line_ids)]
            todo = [ln for ln in lines if ln.status in allowed]
            for line in todo:
                self._update_line(tx, line, status=status)
            if todo:
                ids = "、".join(f"#{ln.id}" for ln in todo[:5]) + ("等" if len(todo) > 5 else "")
                self._journal(tx, kind, f"{verb} {len(todo)} 笔订单（{ids}）")
        return len(todo)

    def set_stock(self, sku: str, total: float) -> None:
        """The owner corrects the stock of ``sku``; the waitlist moves up if it grew."""
        p = self._product(sku)
        if total is None or total < 0:
            raise LedgerError(f"库存不能为负数（现在是 {total}）", hint="填写 0 或更大的数")
        total = round(float(total), 3)
        with self._tx() as tx:
            self._ensure_stock(tx, tx.stream)
            row = self._stock_row(tx.conn, tx.stream, sku)
            if total + EPS < row.reserved:
                raise LedgerError(f"{_short(p)}已预留/付款/取货 {_n(row.reserved)}{p.unit}，库存不能改成 {_n(total)}",
                                  hint=f"库存至少填 {_n(row.reserved)}，或先取消部分订单")
            tx.conn.execute(update(stock).where(stock.c.stream == tx.stream, stock.c.sku == sku)
                            .values(total=total))
            if total > row.total:
                self._promote(tx, tx.stream, sku)
            self._journal(tx, "set_stock", f"{_short(p)}库存 {_n(row.total)} → {_n(total)}{p.unit}",
                          stock={"sku": sku, "old": row.total, "new": total})

    def undo(self) -> str:
        """Reverse the last manual action not yet undone; returns what was undone (Chinese)."""
        with self._tx() as tx:
            act = tx.conn.execute(select(actions).where(actions.c.stream == tx.stream, ~actions.c.undone)
                                  .order_by(actions.c.id.desc()).limit(1)).first()
            if act is None:
                raise LedgerError("没有可以撤销的操作")
            payload = act.payload
            skus = self._undo_lines(tx, payload["lines"])
            if payload.get("stock"):
                skus.add(self._undo_stock(tx, payload["stock"]))
            for sku in skus:
                self._recount(tx, sku)
            tx.conn.execute(update(actions).where(actions.c.id == act.id).values(undone=True))
        return f"已撤销：{payload['description']}"

    def _undo_lines(self, tx: _Tx, changed: list[dict]) -> set[str]:
        skus: set[str] = set()
        for ch in changed:
            line = self._get_line(tx.conn, ch["id"])
            now = {k: getattr(line, k) for k in _SNAP}
            if any(_differs(now[k], ch["after"][k]) for k in ("status", "sku", "qty")):
                raise LedgerError(f"订单 #{line.id} 在这之后又有变动，无法撤销", hint="请直接手动修改这笔订单")
            self._update_line(tx, line, **ch["before"])
            skus.update(s for s in (ch["before"]["sku"], ch["after"]["sku"]) if s)
        return skus

    def _undo_stock(self, tx: _Tx, st: dict) -> str:
        row = self._stock_row(tx.conn, tx.stream, st["sku"])
        if _differs(row.total, st["new"]):
            raise LedgerError("库存在这之后又被修改过，无法撤销", hint="请直接改库存")
        tx.conn.execute(update(stock).where(stock.c.stream == tx.stream, stock.c.sku == st["sku"])
                        .values(total=st["old"]))
        return st["sku"]

    def _recount(self, tx: _Tx, sku: str) -> None:
        """Set stock.reserved from the lines again; refuses (rolls back) if that would oversell."""
        held = float(tx.conn.execute(select(func.coalesce(func.sum(order_lines.c.qty), 0)).where(
            order_lines.c.stream == tx.stream, order_lines.c.sku == sku,
            order_lines.c.status.in_(ALLOCATED))).scalar())
        row = self._stock_row(tx.conn, tx.stream, sku)
        if row is None:
            return
        if held > row.total + EPS:
            p = self.catalog.get(sku)
            raise LedgerError(f"撤销后{_short(p, sku)}会超卖（需要 {_n(held)}，库存 {_n(row.total)}），无法撤销",
                              hint="先调整库存或取消其他订单")
        tx.conn.execute(update(stock).where(stock.c.stream == tx.stream, stock.c.sku == sku)
                        .values(reserved=round(held, 3)))


class _Stock(NamedTuple):
    total: float
    reserved: float  # reserved + paid + picked up


class _TxContext:
    """``with ledger._tx() as tx``: a write transaction that serializes the writers of one stream."""

    def __init__(self, ledger: Ledger, stream: str) -> None:
        self.ledger, self.stream = ledger, stream

    def __enter__(self) -> _Tx:
        self._cm = writing(self.ledger.engine)
        conn = self._cm.__enter__()
        if conn.dialect.name == "postgresql":
            key = zlib.crc32(f"copilot-ledger:{self.stream}".encode()) & 0x7FFFFFFF
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({key})")
        self._tx = _Tx(conn, self.stream)
        return self._tx

    def __exit__(self, *exc) -> bool | None:
        if self._tx._driver is not None:
            self._tx._driver.cur.close()
        return self._cm.__exit__(*exc)


def _differs(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) > EPS
    return a != b


def _outcome(res: ApplyResult) -> str:
    if res.created:
        return res.created[-1].status
    if res.changed:
        return res.changed[0].status if res.changed[0].status == CANCELLED else "modified"
    return "nothing"


MAX_COMMENT = 5000


def _check(comment: Comment, intent: Intent) -> None:
    if not isinstance(comment, Comment) or not isinstance(intent, Intent):
        raise InputError("台账只接受 (Comment, Intent) 对", hint="先用 intents 解析评论")
    if not str(comment.id or "").strip():
        raise InputError(f"评论缺少 id：「{comment.text[:30]}」", hint="每条评论都要有唯一的 id，重放时才不会重复记账")
    if len(str(comment.id)) > 128:
        raise InputError(f"评论 id 太长（{len(str(comment.id))} 个字符）", hint="评论 id 最多 128 个字符")
    if not str(comment.user or "").strip():
        raise InputError(f"评论 {comment.id} 缺少用户名", hint="每条评论都要有 user 字段（买家昵称）")
    if len(comment.user) > 200:
        raise InputError(f"评论 {comment.id} 的用户名太长（{len(comment.user)} 个字符）", hint="用户名最多 200 个字符")
    if len(comment.text or "") > MAX_COMMENT:
        raise InputError(f"评论 {comment.id} 太长（{len(comment.text)} 个字符）",
                         hint=f"单条评论最多 {MAX_COMMENT} 个字符，请检查评论文件")


def _comment_row(stream: str, c: Comment, intent: Intent, res: ApplyResult) -> dict:
    acts = intent.needs_review or intent.kind in (Kind.ORDER, Kind.CANCEL, Kind.MODIFY)
    outcome = ("review" if res.review else _outcome(res)) if acts else intent.kind.value
    return {"stream": stream, "comment_id": c.id, "user": c.user[:200], "text": c.text or "",
            "ts": c.ts, "current_sku": (c.current_sku or None) and c.current_sku[:64], "kind": intent.kind.value, "outcome": outcome,
            "message": res.message[:2000], "created_at": utcnow()}
