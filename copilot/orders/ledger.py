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

from sqlalchemy import select

from copilot.base.catalog import Catalog, Product
from copilot.base.comments import Comment
from copilot.base.db import make_engine, migrate, reading, utcnow
from copilot.base.errors import InputError, LedgerError
from copilot.orders.book import LedgerTx, read_stock
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.manual import ManualActions
from copilot.orders.records import ApplyResult, IngestStats, OrderLine, qty_text, short_name
from copilot.orders.schema import (
    CANCELLED,
    MIGRATIONS,
    OPEN,
    RESERVED,
    REVIEW,
    SQL,
    STATUSES,
    WAITLIST,
    order_lines,
    stock,
)

log = logging.getLogger(__name__)


def default_stream() -> str:
    """Today's date in local time, e.g. ``2026-11-22``."""
    return date.today().isoformat()


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
                res = self._act(tx, comment, intent)
                rows.append(_comment_row(tx.stream, comment, intent, res))
                results.append(res)
            if rows:
                tx.conn.execute(SQL.insert_comment, rows)
        for res in results:
            sink(res)

    def _act(self, tx: LedgerTx, comment: Comment, intent: Intent) -> ApplyResult:
        if intent.needs_review:
            return self._review(tx, comment, intent)
        if intent.kind is Kind.ORDER:
            return self._order(tx, comment, intent.items)
        if intent.kind is Kind.CANCEL:
            return self._cancel(tx, comment, intent.items)
        if intent.kind is Kind.MODIFY:
            return self._modify(tx, comment, intent.items)
        return ApplyResult(message="")

    def _review(self, tx: LedgerTx, comment: Comment, intent: Intent, reason: str = "") -> ApplyResult:
        item = intent.items[0] if len(intent.items) == 1 else None
        sku = item.sku if item and self.catalog.get(item.sku or "") else None
        line = tx.insert_line(comment, sku=sku, qty=item.qty if item else None, status=REVIEW,
                                 reason=reason or intent.reason or "需要人工确认")
        return ApplyResult(created=[line], review=True, message=f"已转人工确认：{line.reason}")

    def _order(self, tx: LedgerTx, comment: Comment, items: tuple[Item, ...]) -> ApplyResult:
        if not items:
            return self._review(tx, comment, Intent(Kind.ORDER), "下单但没有识别出商品")
        res = ApplyResult()
        msgs = [self._order_item(tx, comment, item, res) for item in items]
        res.message = "；".join(msgs)
        return res

    def _order_item(self, tx: LedgerTx, comment: Comment, item: Item, res: ApplyResult) -> str:
        p = self.catalog.get(item.sku or "")
        qty = 1.0 if item.qty is None else round(float(item.qty), 3)
        reason = ("没有识别出商品" if not item.sku else f"未知商品 {item.sku}") if p is None else (
            "数量必须大于 0" if qty <= 0 else tx.over_limit(p, comment.user, qty))
        if reason:
            line = tx.insert_line(comment, sku=p.sku if p else None, qty=qty, status=REVIEW,
                                     reason=reason)
            res.created.append(line)
            res.review = True
            return f"{comment.user} 的 {short_name(p, item.sku)} {qty_text(qty)}{p.unit if p else ''} 需人工确认：{reason}"
        ok = tx.reserve(p.sku, qty)
        line = tx.insert_line(comment, sku=p.sku, qty=qty, status=RESERVED if ok else WAITLIST)
        res.created.append(line)
        if ok:
            return f"已为 {comment.user} 预留 {short_name(p)} {qty_text(qty)}{p.unit}"
        return f"{short_name(p)}库存不足，已为 {comment.user} 排队候补第 {tx.queue_pos(line)} 位"

    def _cancel(self, tx: LedgerTx, comment: Comment, items: tuple[Item, ...]) -> ApplyResult:
        skus = [i.sku for i in items if i.sku]
        targets: list[OrderLine] = []
        if skus:
            for sku in dict.fromkeys(skus):
                targets += tx.buyer_lines(comment.user, OPEN, sku)
        else:
            if comment.current_sku:
                targets = tx.buyer_lines(comment.user, OPEN, comment.current_sku)
            if not targets:
                targets = tx.buyer_lines(comment.user, OPEN)[-1:]
        if not targets:
            return ApplyResult(message=f"{comment.user} 没有可以取消的订单，未做改动")
        res = ApplyResult()
        promoted = []
        for line in targets:
            promoted += tx.drop(line)
            res.changed.append(line)
        res.changed += promoted
        res.message = "；".join([f"已取消 {line.buyer} 的 {tx.label(line)}" for line in targets]
                                + [f"候补的 {ln.buyer} 已补上 {tx.label(ln)}" for ln in promoted])
        return res

    def _modify(self, tx: LedgerTx, comment: Comment, items: tuple[Item, ...]) -> ApplyResult:
        if not items:
            return self._review(tx, comment, Intent(Kind.MODIFY), "改单但没有识别出商品和数量")
        res = ApplyResult()
        res.message = "；".join(self._modify_item(tx, comment, item, res) for item in items)
        return res

    def _modify_item(self, tx: LedgerTx, comment: Comment, item: Item, res: ApplyResult) -> str:
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
        label = f"{short_name(p)} 从 {qty_text(old)}{p.unit} 改为 {qty_text(qty)}{p.unit}"
        if target.status == REVIEW:
            tx.update_line(target, qty=qty, unit=p.unit, unit_price=p.price)
            res.changed.append(target)
            return f"已把 {comment.user} 待确认的 {label}"
        reason = tx.over_limit(p, comment.user, qty, minus=old)
        if reason:
            return self._review_into(tx, comment, res, p.sku, qty, reason)
        if target.status == RESERVED and qty > old and not tx.reserve(p.sku, qty - old):
            return self._review_into(tx, comment, res, p.sku, qty, f"库存不足，无法改成 {qty_text(qty)}{p.unit}")
        tx.update_line(target, qty=qty)
        res.changed.append(target)
        if target.status == RESERVED and qty < old:
            tx.release(p.sku, old - qty)
        res.changed += tx.promote(p.sku)
        state = "（候补中）" if target.status == WAITLIST else ""
        return f"已把 {comment.user} 的 {label}{state}"

    def _modify_target(self, tx: LedgerTx, comment: Comment, sku: str | None) -> OrderLine | None:
        """The buyer's latest real order (reserved/waitlist) of the product, else a review line."""
        lines = tx.buyer_lines(comment.user, OPEN, sku or comment.current_sku)
        if not lines and not sku:
            lines = tx.buyer_lines(comment.user, OPEN)
        real = [ln for ln in lines if ln.status != REVIEW]
        return (real or lines)[-1] if lines else None

    def _review_into(self, tx, comment, res: ApplyResult, sku, qty, reason: str) -> str:
        line = tx.insert_line(comment, sku=sku, qty=qty, status=REVIEW, reason=reason)
        res.created.append(line)
        res.review = True
        return f"{comment.user} 的改单需人工确认：{reason}"

    def _label(self, line: OrderLine) -> str:
        p = self.catalog.get(line.sku or "")
        return f"{short_name(p, line.sku)} {qty_text(line.qty)}{line.unit}" if line.qty else short_name(p, line.sku)

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
