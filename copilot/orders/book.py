"""One write transaction over a stream's order lines and stock counters, and the invariants it keeps.

Every change to the ledger goes through a :class:`LedgerTx`: the comment path (``Ledger.apply``) and
the owner's manual actions alike. It serializes the writers of one stream (SQLite: ``BEGIN
IMMEDIATE``; PostgreSQL: an advisory lock per stream), takes and frees stock with conditional
UPDATEs, and records what each line looked like before and after (for the undo journal).

The ledger's invariants, per stream and product (checked by :func:`check_invariants`):

1. allocated <= stock: the lines that are reserved, paid or picked up never hold more than ``total``;
2. the counter is the lines: ``stock.reserved`` equals the sum of those lines' quantities;
3. no waitlisted line fits: whenever stock frees, the waitlist is promoted oldest first, so after
   every transaction each waitlisted line is larger than the room left;
4. no line is negative or empty: a line that holds stock has a product and a quantity > 0.

(1)+(2) are what "a cancel never frees stock twice and never loses it" means in numbers.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from typing import NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from copilot.base.catalog import Catalog, Product
from copilot.base.comments import Comment
from copilot.base.db import utcnow, writing
from copilot.base.errors import LedgerError
from copilot.orders.intent import LIMIT_WORD
from copilot.orders.records import SNAPSHOT, OrderLine, buyer_key, qty_text, short_name
from copilot.orders.schema import ALLOCATED, CANCELLED, EPS, RESERVED, SQL, WAITLIST, Driver, order_lines, stock


class Stock(NamedTuple):
    total: float
    reserved: float  # reserved + paid + picked up


def differs(a, b) -> bool:
    """Two stored values differ (quantities compared to the ledger's 3 decimals)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) > EPS
    return a != b


class LedgerTx:
    """``with LedgerTx.open(engine, catalog, stream) as tx``: one serialized write transaction."""

    check_invariants = False  # tests switch it on: every transaction is checked before it commits

    def __init__(self, conn: Connection, catalog: Catalog, stream: str) -> None:
        self.conn = conn
        self.catalog = catalog
        self.stream = stream
        self.changes: dict[int, tuple[dict, dict]] = {}  # line id -> (first before, last after)
        self.created: list[int] = []  # lines inserted by this transaction
        self._driver: Driver | None = None

    @classmethod
    def open(cls, engine, catalog: Catalog, stream: str) -> "_Opened":
        return _Opened(engine, catalog, stream)

    @property
    def driver(self) -> Driver:
        if self._driver is None:
            self._driver = Driver(self.conn)
        return self._driver

    def close(self) -> None:
        if self._driver is not None:
            self._driver.cur.close()

    # -- stock ------------------------------------------------------------------------------------

    def ensure_stock(self) -> None:
        """Stock counters of this stream, created from the catalog for products that have none."""
        have = set(self.conn.execute(select(stock.c.sku).where(stock.c.stream == self.stream)).scalars())
        rows = [{"stream": self.stream, "sku": p.sku, "total": p.stock, "reserved": 0}
                for p in self.catalog.products if p.sku not in have]
        if rows:
            self.conn.execute(stock.insert(), rows)

    def stock_row(self, sku: str) -> Stock | None:
        return read_stock(self.conn, self.stream, sku)

    def reserve(self, sku: str, q: float) -> bool:
        """Take ``q`` of ``sku`` if it fits; False (nothing taken) when it does not."""
        d = self.driver
        return d.run(d.reserve_sql, {"stream": self.stream, "sku": sku, "q": q}).rowcount == 1

    def release(self, sku: str, q: float) -> None:
        d = self.driver
        d.run(d.release_sql, {"stream": self.stream, "sku": sku, "q": q})

    def set_total(self, sku: str, total: float) -> None:
        self.conn.execute(update(stock).where(stock.c.stream == self.stream, stock.c.sku == sku).values(total=total))

    def recount(self, sku: str) -> None:
        """Set the counter of ``sku`` from its lines again; refuses (rolls back) if that would oversell."""
        held = float(self.conn.execute(select(func.coalesce(func.sum(order_lines.c.qty), 0)).where(
            order_lines.c.stream == self.stream, order_lines.c.sku == sku,
            order_lines.c.status.in_(ALLOCATED))).scalar())
        row = self.stock_row(sku)
        if row is None:
            return
        if held > row.total + EPS:
            raise LedgerError(f"撤销后{short_name(self.catalog.get(sku), sku)}会超卖"
                              f"（需要 {qty_text(held)}，库存 {qty_text(row.total)}），无法撤销",
                              hint="先调整库存或取消其他订单")
        self.conn.execute(update(stock).where(stock.c.stream == self.stream, stock.c.sku == sku)
                          .values(reserved=round(held, 3)))

    def promote(self, sku: str) -> list[OrderLine]:
        """Walk the waitlist of ``sku`` in arrival order and reserve every line that now fits.
        Fetches only the next line that fits the room left, so a long queue costs little."""
        row = self.stock_row(sku)
        if row is None:
            return []
        room = row.total - row.reserved
        promoted: list[OrderLine] = []
        while room >= EPS:
            nxt = self.conn.execute(SQL.next_fitting, {"b_stream": self.stream, "b_sku": sku,
                                                       "b_room": room + EPS}).first()
            if nxt is None:
                break
            line = OrderLine.from_row(nxt)
            if not self.reserve(sku, line.qty):
                break
            promoted.append(self.update_line(line, status=RESERVED))
            room -= line.qty
        return promoted

    # -- lines ------------------------------------------------------------------------------------

    def insert_line(self, comment: Comment, *, sku, qty, status, reason="", note="") -> OrderLine:
        p = self.catalog.get(sku) if sku else None
        now = utcnow()
        values = dict(stream=self.stream, buyer=comment.user, buyer_key=buyer_key(comment.user, comment.user_id),
                      sku=sku, qty=qty, unit=p.unit if p else "", unit_price=p.price if p else None, status=status,
                      reason=reason, comment_id=comment.id, comment_text=comment.text or "", comment_ts=comment.ts,
                      note=note)
        line_id = self.driver.run(Driver.INSERT_LINE, {**values, "created_at": self.driver.when(now)}).fetchone()[0]
        self.created.append(line_id)
        return OrderLine(id=line_id, created_at=now, updated_at=now, **values)

    def update_line(self, line: OrderLine, **values) -> OrderLine:
        before = {k: getattr(line, k) for k in SNAPSHOT}
        for k, v in values.items():
            setattr(line, k, v)
        line.updated_at = utcnow()
        after = {k: getattr(line, k) for k in SNAPSHOT}
        self.driver.run(Driver.UPDATE_LINE, {**after, "id": line.id, "updated_at": self.driver.when(line.updated_at)})
        first = self.changes.get(line.id, (before, None))[0]
        self.changes[line.id] = (first, after)
        return line

    def get_line(self, line_id: int) -> OrderLine:
        return read_line(self.conn, line_id)

    def buyer_lines(self, key: str, statuses, sku: str | None = None) -> list[OrderLine]:
        """The lines of the buyer with ``key`` (see records.buyer_key) in ``statuses``, oldest first."""
        params = {"b_stream": self.stream, "b_key": key, "b_sku": sku, "b_statuses": list(statuses)}
        rows = self.conn.execute(SQL.buyer_sku_lines if sku else SQL.buyer_lines, params)
        return [OrderLine.from_row(r) for r in rows]

    def ordered(self, key: str, sku: str) -> float:
        params = {"stream": self.stream, "key": key, "sku": sku}
        return float(self.driver.run(Driver.ORDERED, params).fetchone()[0])

    def over_limit(self, p: Product, key: str, qty: float, minus: float = 0) -> str:
        """The review reason when ``qty`` more would exceed the per-buyer limit, else ''."""
        if p.limit_per_buyer is None:
            return ""
        have = self.ordered(key, p.sku)
        if have - minus + qty > p.limit_per_buyer + EPS:
            return f"超过{LIMIT_WORD} {qty_text(p.limit_per_buyer)}{p.unit}（已订 {qty_text(have)}{p.unit}）"
        return ""

    def queue_pos(self, line: OrderLine) -> int:
        params = {"stream": line.stream, "sku": line.sku, "id": line.id}
        return int(self.driver.run(Driver.QUEUE_POS, params).fetchone()[0])

    def drop(self, lines: list[OrderLine], status: str = CANCELLED) -> list[OrderLine]:
        """Cancel ``lines`` together: all of them first, then their stock is released and each product's
        waitlist promoted once. (Dropping one by one would let stock freed by the first line promote a
        waitlisted line of the same buyer that is dropped next, without giving that stock back.)
        Returns the promoted lines."""
        freed: dict[str, float] = defaultdict(float)
        for line in lines:  # read in this transaction, and nothing was promoted since: their status is current
            if line.status in ALLOCATED and line.sku:
                freed[line.sku] += line.qty
            self.update_line(line, status=status)
        promoted: list[OrderLine] = []
        for sku, qty in freed.items():
            self.release(sku, qty)
            promoted += self.promote(sku)
        return promoted

    def label(self, line: OrderLine) -> str:
        p = self.catalog.get(line.sku or "")
        return f"{short_name(p, line.sku)} {qty_text(line.qty)}{line.unit}" if line.qty else short_name(p, line.sku)


class _Opened:
    """The context manager behind :meth:`LedgerTx.open`."""

    def __init__(self, engine, catalog: Catalog, stream: str) -> None:
        self.engine, self.catalog, self.stream = engine, catalog, stream

    def __enter__(self) -> LedgerTx:
        self._cm = writing(self.engine)
        conn = self._cm.__enter__()
        if conn.dialect.name == "postgresql":
            key = zlib.crc32(f"copilot-ledger:{self.stream}".encode()) & 0x7FFFFFFF
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({key})")
        self._tx = LedgerTx(conn, self.catalog, self.stream)
        return self._tx

    def __exit__(self, exc_type, exc, tb) -> bool | None:
        try:
            if exc_type is None and LedgerTx.check_invariants:
                problems = check_invariants(self._tx.conn, self.stream)
                if problems:
                    raise AssertionError("ledger invariants broken: " + "; ".join(problems))
        except BaseException:
            self._tx.close()
            self._cm.__exit__(*__import__("sys").exc_info())
            raise
        self._tx.close()
        return self._cm.__exit__(exc_type, exc, tb)


# -- reads shared by the transaction and the ledger's queries --------------------------------------

def read_stock(conn: Connection, stream: str, sku: str) -> Stock | None:
    row = conn.execute(SQL.stock_row, {"b_stream": stream, "b_sku": sku}).first()
    return Stock(float(row.total), float(row.reserved)) if row else None


def read_line(conn: Connection, line_id: int) -> OrderLine:
    row = conn.execute(select(order_lines).where(order_lines.c.id == line_id)).first()
    if row is None:
        raise LedgerError(f"找不到订单 #{line_id}", hint="在团购台账里确认订单编号")
    return OrderLine.from_row(row)


def check_invariants(conn: Connection, stream: str) -> list[str]:
    """Every broken invariant of ``stream`` (see the module docstring), as English sentences."""
    totals = {r.sku: (float(r.total), float(r.reserved))
              for r in conn.execute(select(stock).where(stock.c.stream == stream))}
    held: dict[str, float] = defaultdict(float)
    smallest_wait: dict[str, float] = {}
    problems = []
    rows = conn.execute(select(order_lines.c.id, order_lines.c.sku, order_lines.c.qty, order_lines.c.status)
                        .where(order_lines.c.stream == stream))
    for r in rows:
        qty = float(r.qty) if r.qty is not None else None
        if r.status in ALLOCATED:
            if not r.sku or qty is None or qty <= 0:
                problems.append(f"line {r.id} holds stock without a product or quantity")
                continue
            held[r.sku] += qty
        elif r.status == WAITLIST and r.sku and qty is not None:
            smallest_wait[r.sku] = min(qty, smallest_wait.get(r.sku, qty))
    for sku, (total, counter) in totals.items():
        if held[sku] > total + EPS:
            problems.append(f"{sku}: lines hold {held[sku]:g} > stock {total:g}")
        if abs(held[sku] - counter) > EPS:
            problems.append(f"{sku}: counter {counter:g} != lines {held[sku]:g}")
        if sku in smallest_wait and smallest_wait[sku] <= total - counter + EPS:
            problems.append(f"{sku}: waitlisted {smallest_wait[sku]:g} fits the {total - counter:g} left")
    for sku in set(held) - set(totals):
        problems.append(f"{sku}: lines hold {held[sku]:g} with no stock row")
    return problems
