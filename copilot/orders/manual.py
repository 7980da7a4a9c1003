"""The owner's manual ledger actions and undo, each journalled with who did it.

``ManualActions`` is a mixin of :class:`copilot.orders.ledger.Ledger`: every action runs in one
:class:`~copilot.orders.book.LedgerTx` (``self.tx()``) and writes an ``actions`` row with the lines it
created, the before/after states of the lines it changed and the person (``actor``) who did it. A
comment applied through the live room is journalled the same way, so "undo" reverses exactly one
person's last action: a confirmed review item goes back to review, a cancel comes back, a modify
returns to its old quantity, and the waitlist moves as the stock allows.
"""

from __future__ import annotations

from datetime import timezone

from sqlalchemy import select, update

from copilot.base.db import reading, utcnow
from copilot.base.errors import LedgerError
from copilot.orders.audit import NOT_UNDOABLE
from copilot.orders.book import LedgerTx, differs
from copilot.orders.records import SNAPSHOT, ApplyResult, OrderLine, qty_text, short_name
from copilot.orders.schema import CANCELLED, EPS, PAID, PICKED_UP, RESERVED, REVIEW, WAITLIST, actions


class ManualActions:
    """Resolve/dismiss review lines, cancel, mark paid/picked up, correct stock, undo."""

    def journal(self, tx: LedgerTx, kind: str, description: str, actor: str | None = None, **extra) -> int:
        """Write what ``tx`` did as one undoable action; returns its id."""
        changed = [{"id": i, "before": b, "after": a} for i, (b, a) in tx.changes.items()
                   if b != a and i not in tx.created]
        payload = {"description": description, "lines": changed, "created": list(tx.created), **extra}
        row = tx.conn.execute(actions.insert().values(
            stream=tx.stream, kind=kind, actor=actor, created_at=utcnow(), undone=False, payload=payload))
        return int(row.inserted_primary_key[0])

    def _manual_line(self, tx: LedgerTx, line_id: int) -> OrderLine:
        line = tx.get_line(line_id)
        if line.stream != tx.stream:
            raise LedgerError(f"订单 #{line_id} 属于场次 {line.stream}，不是当前场次 {tx.stream}",
                              hint="切换到对应场次再操作")
        return line

    def resolve_review(self, line_id: int, sku: str, qty: float, *, force: bool = False,
                       actor: str | None = None) -> ApplyResult:
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
            reason = "" if force else tx.over_limit(p, line.buyer_key, qty)
            if reason:
                raise LedgerError(f"订单 #{line_id}：{reason}", hint="减少数量，或确认放行超限")
            ok = tx.reserve(p.sku, qty)
            tx.update_line(line, sku=p.sku, qty=qty, unit=p.unit, unit_price=p.price,
                           status=RESERVED if ok else WAITLIST,
                           reason=f"人工确认（原因：{line.reason}）" if line.reason else "人工确认")
            msg = (f"已确认：为 {line.buyer} 预留 {short_name(p)} {qty_text(qty)}{p.unit}" if ok else
                   f"已确认：{short_name(p)}库存不足，{line.buyer} 排队候补第 {tx.queue_pos(line)} 位")
            action = self.journal(tx, "resolve", f"确认订单 #{line_id}（{line.buyer} {short_name(p)} "
                                                 f"{qty_text(qty)}{p.unit}）", actor)
        return ApplyResult(changed=[line], message=msg, action_id=action)

    def dismiss_review(self, line_id: int, *, actor: str | None = None) -> ApplyResult:
        """Drop a review line (→ cancelled); its reason is kept."""
        with self.tx() as tx:
            line = self._manual_line(tx, line_id)
            if line.status != REVIEW:
                raise LedgerError(f"订单 #{line_id} 不在待确认队列（当前：{line.status_zh}）")
            tx.update_line(line, status=CANCELLED)
            action = self.journal(tx, "dismiss", f"忽略待确认订单 #{line_id}（{line.buyer}）", actor)
        return ApplyResult(changed=[line], message=f"已驳回待确认 #{line_id}", action_id=action)

    def cancel_line(self, line_id: int, *, actor: str | None = None) -> ApplyResult:
        """Cancel one line by hand (reserved, waitlisted, in review or paid); frees its stock."""
        with self.tx() as tx:
            line = self._manual_line(tx, line_id)
            if line.status in (CANCELLED, PICKED_UP):
                raise LedgerError(f"订单 #{line_id} 已{line.status_zh[1:]}，不能取消")
            label = tx.label(line)
            promoted = tx.drop([line])
            action = self.journal(tx, "cancel", f"取消订单 #{line_id}（{line.buyer} {label}）", actor)
        msg = "；".join([f"已取消 {line.buyer} 的 {label}"]
                       + [f"候补的 {ln.buyer} 已补上 {tx.label(ln)}" for ln in promoted])
        return ApplyResult(changed=[line, *promoted], message=msg, action_id=action)

    def mark_paid(self, line_ids: list[int], *, actor: str | None = None) -> int:
        """Reserved → paid. Lines in another status are left alone; returns how many changed."""
        return self._mark(line_ids, PAID, (RESERVED,), "paid", "标记已付款", actor)

    def mark_picked_up(self, line_ids: list[int], *, actor: str | None = None) -> int:
        """Reserved or paid → picked up; returns how many changed."""
        return self._mark(line_ids, PICKED_UP, (RESERVED, PAID), "picked_up", "标记已取货", actor)

    def _mark(self, line_ids, status: str, allowed: tuple, kind: str, verb: str, actor: str | None) -> int:
        with self.tx() as tx:
            lines = [self._manual_line(tx, int(i)) for i in dict.fromkeys(line_ids)]
            todo = [ln for ln in lines if ln.status in allowed]
            for line in todo:
                tx.update_line(line, status=status)
            if todo:
                ids = "、".join(f"#{ln.id}" for ln in todo[:5]) + ("等" if len(todo) > 5 else "")
                self.journal(tx, kind, f"{verb} {len(todo)} 笔订单（{ids}）", actor)
        return len(todo)

    def set_stock(self, sku: str, total: float, *, actor: str | None = None) -> None:
        """The owner corrects the stock of ``sku``; the waitlist moves up if it grew."""
        p = self.product(sku)
        if total is None or not 0 <= total < 1e9:
            raise LedgerError(f"库存必须是 0 或更大的数（现在是 {total}）", hint="填写 0 或更大的数")
        total = round(float(total), 3)
        with self.tx() as tx:
            tx.ensure_stock()
            row = tx.stock_row(sku)
            if total + EPS < row.reserved:
                raise LedgerError(f"{short_name(p)}已预留/付款/取货 {qty_text(row.reserved)}{p.unit}，"
                                  f"库存不能改成 {qty_text(total)}",
                                  hint=f"库存至少填 {qty_text(row.reserved)}，或先取消部分订单")
            tx.set_total(sku, total)
            if total > row.total:
                tx.promote(sku)
            self.journal(tx, "set_stock", f"{short_name(p)}库存 {qty_text(row.total)} → {qty_text(total)}{p.unit}",
                         actor, stock={"sku": sku, "old": row.total, "new": total})

    # -- undo ---------------------------------------------------------------------------------------

    def last_action(self, actor: str) -> tuple[int, float] | None:
        """``actor``'s latest action not yet undone: (its id, when as a Unix time), or None."""
        with reading(self.engine) as conn:
            row = conn.execute(select(actions.c.id, actions.c.created_at).where(
                actions.c.stream == self.stream, actions.c.actor == actor, ~actions.c.undone,
                actions.c.kind.not_in(NOT_UNDOABLE))
                .order_by(actions.c.id.desc()).limit(1)).first()
        if row is None:
            return None
        at = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=timezone.utc)
        return int(row.id), at.timestamp()

    def undo(self, action_id: int | None = None, *, actor: str | None = None) -> str:
        """Reverse one action (by id; else the latest not undone, of ``actor`` when given).
        Refused, changing nothing, when its lines changed since. Returns what was undone (Chinese)."""
        with self.tx() as tx:
            q = select(actions).where(actions.c.stream == tx.stream, ~actions.c.undone,
                                      actions.c.kind.not_in(NOT_UNDOABLE))
            if action_id is not None:
                q = q.where(actions.c.id == int(action_id))
            elif actor is not None:
                q = q.where(actions.c.actor == actor)
            act = tx.conn.execute(q.order_by(actions.c.id.desc()).limit(1)).first()
            if act is None:
                raise LedgerError("没有可以撤销的操作" if action_id is None else f"操作 #{action_id} 不能撤销（已撤销或不存在）")
            payload = act.payload
            skus = self._undo_lines(tx, payload["lines"]) | self._undo_created(tx, payload.get("created", []))
            if payload.get("stock"):
                skus.add(self._undo_stock(tx, payload["stock"]))
            for sku in sorted(skus):
                tx.recount(sku)
                tx.promote(sku)
            tx.conn.execute(update(actions).where(actions.c.id == act.id).values(undone=True))
        return f"已撤销：{payload['description']}"

    def _undo_lines(self, tx: LedgerTx, changed: list[dict]) -> set[str]:
        skus: set[str] = set()
        for ch in changed:
            line = tx.get_line(ch["id"])
            now = {k: getattr(line, k) for k in SNAPSHOT}
            if any(differs(now[k], ch["after"].get(k)) for k in ("status", "sku", "qty")):
                raise LedgerError(f"订单 #{line.id} 在这之后又有变动，无法撤销", hint="请直接手动修改这笔订单")
            tx.update_line(line, **ch["before"])
            skus.update(s for s in (ch["before"]["sku"], ch["after"]["sku"]) if s)
        return skus

    def _undo_created(self, tx: LedgerTx, created: list[int]) -> set[str]:
        """Lines the action created are cancelled (their stock comes back on the recount)."""
        skus: set[str] = set()
        for line_id in created:
            line = tx.get_line(line_id)
            if line.status == CANCELLED:
                continue
            if line.status in (PAID, PICKED_UP):
                raise LedgerError(f"订单 #{line.id} 已{line.status_zh[1:]}，无法撤销", hint="请直接手动修改这笔订单")
            tx.update_line(line, status=CANCELLED)
            if line.sku:
                skus.add(line.sku)
        return skus

    def _undo_stock(self, tx: LedgerTx, st: dict) -> str:
        row = tx.stock_row(st["sku"])
        if differs(row.total, st["new"]):
            raise LedgerError("库存在这之后又被修改过，无法撤销", hint="请直接改库存")
        tx.set_total(st["sku"], st["old"])
        return st["sku"]
