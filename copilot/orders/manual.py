"""The owner's manual ledger actions, each journalled so the last one can be undone.

``ManualActions`` is a mixin of :class:`copilot.orders.ledger.Ledger`: every action runs in one
:class:`~copilot.orders.book.LedgerTx` (``self.tx()``) and writes its before/after line states to the
``actions`` journal.
"""

from __future__ import annotations

from sqlalchemy import select, update

from copilot.base.db import utcnow
from copilot.base.errors import LedgerError
from copilot.orders.book import LedgerTx, differs
from copilot.orders.records import SNAPSHOT, ApplyResult, OrderLine, qty_text, short_name
from copilot.orders.schema import CANCELLED, EPS, PAID, PICKED_UP, RESERVED, REVIEW, WAITLIST, actions


class ManualActions:
    """Resolve/dismiss review lines, cancel, mark paid/picked up, correct stock, undo."""

    def _journal(self, tx: LedgerTx, kind: str, description: str, **extra) -> None:
        changed = [{"id": i, "before": b, "after": a} for i, (b, a) in tx.changes.items() if b != a]
        tx.conn.execute(actions.insert().values(
            stream=tx.stream, kind=kind, created_at=utcnow(), undone=False,
            payload={"description": description, "lines": changed, **extra}))

    def _manual_line(self, tx: LedgerTx, line_id: int) -> OrderLine:
        line = tx.get_line(line_id)
        if line.stream != tx.stream:
            raise LedgerError(f"订单 #{line_id} 属于场次 {line.stream}，不是当前场次 {tx.stream}",
                              hint="切换到对应场次再操作")
        return line

    def resolve_review(self, line_id: int, sku: str, qty: float, *, force: bool = False) -> ApplyResult:
        """Give a review line its product and quantity: reserved if it fits, else waitlisted.
        The per-buyer limit applies unless ``force`` (the owner decides to allow more)."""
        p = self.product(sku)
        if qty is None or qty <= 0:
            raise LedgerError(f"数量必须大于 0（现在是 {qty}）", hint="填写要预留的数量")
        qty = round(float(qty), 3)
        with self.tx() as tx:
            line = self._manual_line(tx, line_id)
            if line.status != REVIEW:
                raise LedgerError(f"订单 #{line_id} 不在待确认队列（当前：{line.status_zh}）")
            reason = "" if force else tx.over_limit(p, line.buyer, qty)
            if reason:
                raise LedgerError(f"订单 #{line_id}：{reason}", hint="减少数量，或确认放行超限")
            ok = tx.reserve(p.sku, qty)
            tx.update_line(line, sku=p.sku, qty=qty, unit=p.unit, unit_price=p.price,
                              status=RESERVED if ok else WAITLIST,
                              reason=f"人工确认（原因：{line.reason}）" if line.reason else "人工确认")
            msg = (f"已确认：为 {line.buyer} 预留 {short_name(p)} {qty_text(qty)}{p.unit}" if ok else
                   f"已确认：{short_name(p)}库存不足，{line.buyer} 排队候补第 {tx.queue_pos(line)} 位")
            self._journal(tx, "resolve", f"确认订单 #{line_id}（{line.buyer} {short_name(p)} {qty_text(qty)}{p.unit}）")
        return ApplyResult(changed=[line], message=msg)

    def dismiss_review(self, line_id: int) -> None:
        """Drop a review line (→ cancelled); its reason is kept."""
        with self.tx() as tx:
            line = self._manual_line(tx, line_id)
            if line.status != REVIEW:
                raise LedgerError(f"订单 #{line_id} 不在待确认队列（当前：{line.status_zh}）")
            tx.update_line(line, status=CANCELLED)
            self._journal(tx, "dismiss", f"忽略待确认订单 #{line_id}（{line.buyer}）")

    def cancel_line(self, line_id: int) -> ApplyResult:
        """Cancel one line by hand (reserved, waitlisted, in review or paid); frees its stock."""
        with self.tx() as tx:
            line = self._manual_line(tx, line_id)
            if line.status in (CANCELLED, PICKED_UP):
                raise LedgerError(f"订单 #{line_id} 已{line.status_zh[1:]}，不能取消")
            promoted = tx.drop(line)
            label = tx.label(line)
            self._journal(tx, "cancel", f"取消订单 #{line_id}（{line.buyer} {label}）")
        msg = "；".join([f"已取消 {line.buyer} 的 {label}"]
                       + [f"候补的 {ln.buyer} 已补上 {tx.label(ln)}" for ln in promoted])
        return ApplyResult(changed=[line, *promoted], message=msg)

    def mark_paid(self, line_ids: list[int]) -> int:
        """Reserved → paid. Lines in another status are left alone; returns how many changed."""
        return self._mark(line_ids, PAID, (RESERVED,), "paid", "标记已付款")

    def mark_picked_up(self, line_ids: list[int]) -> int:
        """Reserved or paid → picked up; returns how many changed."""
        return self._mark(line_ids, PICKED_UP, (RESERVED, PAID), "picked_up", "标记已取货")

    def _mark(self, line_ids, status: str, allowed: tuple, kind: str, verb: str) -> int:
        with self.tx() as tx:
            lines = [self._manual_line(tx, int(i)) for i in dict.fromkeys(line_ids)]
            todo = [ln for ln in lines if ln.status in allowed]
            for line in todo:
                tx.update_line(line, status=status)
            if todo:
                ids = "、".join(f"#{ln.id}" for ln in todo[:5]) + ("等" if len(todo) > 5 else "")
                self._journal(tx, kind, f"{verb} {len(todo)} 笔订单（{ids}）")
        return len(todo)

    def set_stock(self, sku: str, total: float) -> None:
        """The owner corrects the stock of ``sku``; the waitlist moves up if it grew."""
        p = self.product(sku)
        if total is None or total < 0:
            raise LedgerError(f"库存不能为负数（现在是 {total}）", hint="填写 0 或更大的数")
        total = round(float(total), 3)
        with self.tx() as tx:
            tx.ensure_stock()
            row = tx.stock_row(sku)
            if total + EPS < row.reserved:
                raise LedgerError(f"{short_name(p)}已预留/付款/取货 {qty_text(row.reserved)}{p.unit}，库存不能改成 {qty_text(total)}",
                                  hint=f"库存至少填 {qty_text(row.reserved)}，或先取消部分订单")
            tx.set_total(sku, total)
            if total > row.total:
                tx.promote(sku)
            self._journal(tx, "set_stock", f"{short_name(p)}库存 {qty_text(row.total)} → {qty_text(total)}{p.unit}",
                          stock={"sku": sku, "old": row.total, "new": total})

    def undo(self) -> str:
        """Reverse the last manual action not yet undone; returns what was undone (Chinese)."""
        with self.tx() as tx:
            act = tx.conn.execute(select(actions).where(actions.c.stream == tx.stream, ~actions.c.undone)
                                  .order_by(actions.c.id.desc()).limit(1)).first()
            if act is None:
                raise LedgerError("没有可以撤销的操作")
            payload = act.payload
            skus = self._undo_lines(tx, payload["lines"])
            if payload.get("stock"):
                skus.add(self._undo_stock(tx, payload["stock"]))
            for sku in skus:
                tx.recount(sku)
            tx.conn.execute(update(actions).where(actions.c.id == act.id).values(undone=True))
        return f"已撤销：{payload['description']}"

    def _undo_lines(self, tx: LedgerTx, changed: list[dict]) -> set[str]:
        skus: set[str] = set()
        for ch in changed:
            line = tx.get_line(ch["id"])
            now = {k: getattr(line, k) for k in SNAPSHOT}
            if any(differs(now[k], ch["after"][k]) for k in ("status", "sku", "qty")):
                raise LedgerError(f"订单 #{line.id} 在这之后又有变动，无法撤销", hint="请直接手动修改这笔订单")
            tx.update_line(line, **ch["before"])
            skus.update(s for s in (ch["before"]["sku"], ch["after"]["sku"]) if s)
        return skus

    def _undo_stock(self, tx: LedgerTx, st: dict) -> str:
        row = tx.stock_row(st["sku"])
        if differs(row.total, st["new"]):
            raise LedgerError("库存在这之后又被修改过，无法撤销", hint="请直接改库存")
        tx.set_total(st["sku"], st["old"])
        return st["sku"]
