"""The ledger's schema: order statuses, the tables and their numbered migrations, and the prepared
statements of the hot path (on SQLAlchemy Core, and on the DBAPI cursor for bulk ingest)."""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    inspect,
    select,
)
from sqlalchemy.engine import Connection

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
    Column("user_id", String(128)),  # the platform's stable viewer id, when the source gives one
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
    Column("buyer", String(200), nullable=False),  # the nickname, as shown
    Column("buyer_key", String(256), nullable=False, default=""),  # who it is: id:<viewer id> or name:<nickname>
    Column("sku", String(64)),
    Column("qty", Qty),
    Column("unit", String(16), nullable=False, default=""),
    Column("unit_price", Numeric(12, 2, asdecimal=False)),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("comment_id", String(128)),
    Column("comment_text", Text, nullable=False, default=""),
    Column("comment_ts", Float),
    Column("note", Text, nullable=False, default=""),  # what the buyer asked besides the goods (送到3栋502)
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_lines_stream_sku_status", "stream", "sku", "status"),
    Index("ix_lines_stream_buyer_sku", "stream", "buyer", "sku"),
    Index("ix_lines_stream_key_sku", "stream", "buyer_key", "sku"),
)
actions = Table(
    "actions", meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stream", String(64), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("actor", String(64)),  # who did it (a signed-in name, or the live room's person); None for the CLI
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone", Boolean, nullable=False, default=False),
)


def _buyer_identity(conn: Connection) -> None:
    """Two viewers with the same nickname are two buyers: lines carry a buyer key (the platform's
    viewer id, else the nickname), comments the viewer id, lines a note, journal rows who did it."""
    have = {(t, c["name"]) for t in ("order_lines", "comments") for c in inspect(conn).get_columns(t)}
    added = [("order_lines", "buyer_key", "VARCHAR(256) NOT NULL DEFAULT ''"),
             ("order_lines", "note", "TEXT NOT NULL DEFAULT ''"), ("comments", "user_id", "VARCHAR(128)"),
             ("actions", "actor", "VARCHAR(64)")]
    have |= {("actions", c["name"]) for c in inspect(conn).get_columns("actions")}
    for table, column, ddl in added:
        if (table, column) not in have:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}")
    conn.exec_driver_sql("UPDATE order_lines SET buyer_key = 'name:' || buyer WHERE buyer_key = ''")
    if "ix_lines_stream_key_sku" not in {i["name"] for i in inspect(conn).get_indexes("order_lines")}:
        conn.exec_driver_sql("CREATE INDEX ix_lines_stream_key_sku ON order_lines (stream, buyer_key, sku)")


MIGRATIONS = [(1, "ledger tables", lambda conn: meta.create_all(conn)),
              (2, "buyer identity and line notes", _buyer_identity)]


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
        order_lines.c.stream == _b("stream"), order_lines.c.buyer_key == _b("key"),
        order_lines.c.status.in_(_b("statuses", expanding=True))).order_by(order_lines.c.id)
    buyer_sku_lines = select(order_lines).where(
        order_lines.c.stream == _b("stream"), order_lines.c.buyer_key == _b("key"), order_lines.c.sku == _b("sku"),
        order_lines.c.status.in_(_b("statuses", expanding=True))).order_by(order_lines.c.id)


class Driver:
    """The per-order statements on the transaction's DBAPI cursor: about 10x cheaper per call than
    Core here, which is what makes bulk ingest fast. Same transaction, same SQL on both backends."""

    RESERVE = ("UPDATE stock SET reserved = {add} WHERE stream = :stream AND sku = :sku "
               "AND reserved + :q <= total + 0.0005")
    INSERT_LINE = ("INSERT INTO order_lines (stream, buyer, buyer_key, sku, qty, unit, unit_price, status, reason, "
                   "comment_id, comment_text, comment_ts, note, created_at, updated_at) VALUES (:stream, :buyer, "
                   ":buyer_key, :sku, :qty, :unit, :unit_price, :status, :reason, :comment_id, :comment_text, "
                   ":comment_ts, :note, :created_at, :created_at) RETURNING id")
    ORDERED = ("SELECT COALESCE(SUM(qty), 0) FROM order_lines WHERE stream = :stream AND buyer_key = :key "
               "AND sku = :sku AND status IN ('reserved', 'waitlist', 'paid', 'picked_up')")
    RELEASE = ("UPDATE stock SET reserved = CASE WHEN reserved - :q < 0.0005 THEN 0 ELSE {sub} END "
               "WHERE stream = :stream AND sku = :sku")
    UPDATE_LINE = ("UPDATE order_lines SET status = :status, sku = :sku, qty = :qty, unit = :unit, "
                   "unit_price = :unit_price, reason = :reason, note = :note, updated_at = :updated_at "
                   "WHERE id = :id")
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
