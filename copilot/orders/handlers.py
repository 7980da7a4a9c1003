"""What each kind of comment does to the ledger, inside one :class:`~copilot.orders.book.LedgerTx`.

- an order reserves stock, or waits in line when it does not fit; over a limit, an unknown product or
  an odd quantity goes to review instead;
- a cancel drops the buyer's open lines of the product (all of them together, see ``LedgerTx.drop``);
- a modify sets the buyer's total of the product (改成3斤 -> 3 in all) or changes it by a signed amount
  (再加一斤 +1, 少要一袋 -1): growing the newest line, shrinking or dropping from the newest back;
- a comment the rules could not decide safely becomes a review line with its reason.

A buyer is a buyer key (the platform's viewer id, else the nickname): see ``records.buyer_key``.
"""

from __future__ import annotations

from copilot.base.catalog import Product
from copilot.base.comments import Comment
from copilot.orders.amounts import IMPLAUSIBLE_QTY
from copilot.orders.book import LedgerTx
from copilot.orders.intent import AMOUNT_DOUBTS, Intent, Item, Kind
from copilot.orders.records import ApplyResult, OrderLine, buyer_key, qty_text, short_name
from copilot.orders.schema import EPS, OPEN, RESERVED, REVIEW, WAITLIST

REAL = (RESERVED, WAITLIST)  # a buyer's open orders that hold or wait for stock


def apply_intent(tx: LedgerTx, comment: Comment, intent: Intent) -> ApplyResult:
    if intent.needs_review:
        return review(tx, comment, intent)
    if intent.kind is Kind.ORDER:
        return order(tx, comment, intent) if not _swapped(tx, comment, intent) else review(
            tx, comment, intent, f"说了不要{'、'.join(_names(tx, intent.declined))}，可之前订过：是换货吗？请确认")
    if intent.kind is Kind.CANCEL:
        return cancel(tx, comment, intent.items)
    if intent.kind is Kind.MODIFY:
        return modify(tx, comment, intent)
    return ApplyResult(message="")


def _swapped(tx: LedgerTx, comment: Comment, intent: Intent) -> bool:
    """巴旦木不要了 要2盒腰果 from a buyer who holds 巴旦木: a swap (cancel one, order the other), not an order."""
    key = buyer_key(comment.user, comment.user_id)
    return any(tx.buyer_lines(key, OPEN, sku) for sku in intent.declined)


def _names(tx: LedgerTx, skus) -> list[str]:
    return [short_name(tx.catalog.get(s), s) for s in skus]


def review(tx: LedgerTx, comment: Comment, intent: Intent, reason: str = "") -> ApplyResult:
    item = intent.items[0] if len(intent.items) == 1 else None
    sku = item.sku if item and tx.catalog.get(item.sku or "") else None
    line = tx.insert_line(comment, sku=sku, qty=item.qty if item else None, status=REVIEW,
                          reason=reason or intent.reason or "需要人工确认", note=intent.note)
    return ApplyResult(created=[line], review=True, message=f"已转人工确认：{line.reason}")


def order(tx: LedgerTx, comment: Comment, intent: Intent) -> ApplyResult:
    return _each_item(tx, comment, intent, order_item, "下单但没有识别出商品")


def _each_item(tx: LedgerTx, comment: Comment, intent: Intent, handle, none_reason: str) -> ApplyResult:
    """``handle`` every item of the intent into one result; no item at all goes to review."""
    if not intent.items:
        return review(tx, comment, intent, none_reason)
    res = ApplyResult()
    res.message = "；".join(handle(tx, comment, item, res, intent.note) for item in intent.items)
    return res


def order_item(tx: LedgerTx, comment: Comment, item: Item, res: ApplyResult, note: str = "") -> str:
    p = tx.catalog.get(item.sku or "")
    qty = 1.0 if item.qty is None else round(float(item.qty), 3)
    key = buyer_key(comment.user, comment.user_id)
    reason = ("没有识别出商品" if not item.sku else f"未知商品 {item.sku}") if p is None else (
        "数量必须大于 0" if qty <= 0 else tx.over_limit(p, key, qty))
    if reason:
        _review_line(tx, comment, res, p.sku if p else None, qty, reason, note)
        return f"{comment.user} 的 {short_name(p, item.sku)} {qty_text(qty)}{p.unit if p else ''} 需人工确认：{reason}"
    ok = tx.reserve(p.sku, qty)
    line = tx.insert_line(comment, sku=p.sku, qty=qty, status=RESERVED if ok else WAITLIST, note=note)
    res.created.append(line)
    if ok:
        return f"已为 {comment.user} 预留 {short_name(p)} {qty_text(qty)}{p.unit}"
    return f"{short_name(p)}库存不足，已为 {comment.user} 排队候补第 {tx.queue_pos(line)} 位"


def cancel(tx: LedgerTx, comment: Comment, items: tuple[Item, ...]) -> ApplyResult:
    key = buyer_key(comment.user, comment.user_id)
    skus = list(dict.fromkeys(i.sku for i in items if i.sku))
    targets: list[OrderLine] = []
    for sku in skus:
        targets += tx.buyer_lines(key, OPEN, sku)
    if not skus:
        if comment.current_sku:
            targets = tx.buyer_lines(key, OPEN, comment.current_sku)
        if not targets:
            targets = tx.buyer_lines(key, OPEN)[-1:]
    if not targets:
        return ApplyResult(message=f"{comment.user} 没有可以取消的订单，未做改动")
    promoted = tx.drop(targets)
    res = ApplyResult(changed=[*targets, *promoted])
    res.message = "；".join([f"已取消 {line.buyer} 的 {tx.label(line)}" for line in targets]
                            + [f"候补的 {ln.buyer} 已补上 {tx.label(ln)}" for ln in promoted])
    return res


def modify(tx: LedgerTx, comment: Comment, intent: Intent) -> ApplyResult:
    return _each_item(tx, comment, intent, modify_item, "改单但没有识别出商品和数量")


def modify_item(tx: LedgerTx, comment: Comment, item: Item, res: ApplyResult, note: str = "") -> str:
    """The buyer's total of the product becomes ``item.qty`` (or changes by it, when relative)."""
    sku = item.sku or None
    if sku and tx.catalog.get(sku) is None:
        return _review_into(tx, comment, res, None, item.qty, f"未知商品 {sku[:64]}", note)
    key = buyer_key(comment.user, comment.user_id)
    sku = sku or _modify_sku(tx, key, comment.current_sku)
    p = tx.catalog.get(sku or "")
    if p is None or item.qty is None:
        return _review_into(tx, comment, res, sku, item.qty, "改单数量或商品不明" if p else "没有找到要修改的订单", note)
    open_lines = tx.buyer_lines(key, OPEN, p.sku)
    lines = [ln for ln in open_lines if ln.status in REAL]
    have = round(sum(ln.qty or 0 for ln in lines), 3)
    want = round(have + float(item.qty) if item.relative else float(item.qty), 3)
    if not lines:
        pending = [ln for ln in open_lines if ln.status == REVIEW]
        return _modify_without_order(tx, comment, item, p, pending, want, res, note, key)
    if want <= EPS:
        if want < -EPS or not item.relative and item.qty <= 0:
            return _review_into(tx, comment, res, p.sku, item.qty, "改单数量不对（不能少于 0）", note)
        promoted = tx.drop(lines)
        res.changed += [*lines, *promoted]
        return f"已取消 {comment.user} 的 {short_name(p)}（改成 0）"
    reason = tx.over_limit(p, key, want, minus=have)
    if reason:
        return _review_into(tx, comment, res, p.sku, want, reason, note)
    label = f"{short_name(p)} 从 {qty_text(have)}{p.unit} 改为 {qty_text(want)}{p.unit}"
    if want > have + EPS:
        failed = _grow(tx, lines[-1], round(want - have, 3), want, res, note)
        if failed:
            return _review_into(tx, comment, res, p.sku, want, failed, note)
    elif want < have - EPS:
        _shrink(tx, lines, round(have - want, 3), res, note)
    promoted = tx.promote(p.sku)
    res.changed += promoted
    waiting = lines[-1].status == WAITLIST and lines[-1].id not in {ln.id for ln in promoted}
    return f"已把 {comment.user} 的 {label}{'（候补中）' if waiting else ''}"


def _modify_sku(tx: LedgerTx, key: str, current: str | None) -> str | None:
    """No product named: the product being presented if the buyer ordered it, else their latest order."""
    if current and tx.buyer_lines(key, OPEN, current):
        return current
    lines = tx.buyer_lines(key, OPEN)
    return lines[-1].sku if lines else current


def _modify_without_order(tx, comment, item: Item, p: Product, pending: list[OrderLine], want: float, res,
                          note, key: str) -> str:
    if pending and want > EPS:  # a line waiting for a person gets the new quantity
        line = pending[-1]
        if _settles(tx, line, p, want, key):  # 要10只 over the limit of 2, then 那就2只吧: booked
            ok = tx.reserve(p.sku, want)
            tx.update_line(line, qty=want, unit=p.unit, unit_price=p.price, status=RESERVED if ok else WAITLIST,
                           reason=f"买家改了数量（原因：{line.reason}）", note=note or line.note)
            res.changed.append(line)
            done = "已预留" if ok else f"库存不足，排队候补第 {tx.queue_pos(line)} 位"
            return f"已把 {comment.user} 待确认的 {short_name(p)} 改为 {qty_text(want)}{p.unit}，{done}"
        tx.update_line(line, qty=want, unit=p.unit, unit_price=p.price, note=note or line.note)
        res.changed.append(line)
        return f"已把 {comment.user} 待确认的 {short_name(p)} 改为 {qty_text(want)}{p.unit}"
    if want <= EPS or item.relative and item.qty < 0:
        return _review_into(tx, comment, res, p.sku, item.qty, "没有找到要修改的订单", note)
    msg = order_item(tx, comment, Item(p.sku, want, p.unit), res, note)
    return f"没有找到原订单，已按新订单处理：{msg}"


def _settles(tx: LedgerTx, line: OrderLine, p: Product, want: float, key: str) -> bool:
    """The buyer's new amount settles a line that waits for a person only over its amount (the goods known, the
    amount over the per-buyer limit or more than could be meant): the new amount is a whole count of goods sold
    whole, within the limit and plausible."""
    if line.sku != p.sku or not any(word in (line.reason or "") for word in AMOUNT_DOUBTS):
        return False
    if not p.is_weight and not float(want).is_integer() or want >= IMPLAUSIBLE_QTY or want > p.stock + EPS:
        return False
    return not tx.over_limit(p, key, want)


def _grow(tx: LedgerTx, line: OrderLine, extra: float, want: float, res: ApplyResult, note: str) -> str:
    """Add ``extra`` to the buyer's newest line (to ``want`` in all); the reason it cannot, or ''."""
    p = tx.catalog.get(line.sku)
    if line.status == RESERVED and not tx.reserve(line.sku, extra):
        return f"库存不足，无法改成 {qty_text(want)}{p.unit}"
    tx.update_line(line, qty=round(line.qty + extra, 3), note=note or line.note)
    res.changed.append(line)
    return ""


def _shrink(tx: LedgerTx, lines: list[OrderLine], cut: float, res: ApplyResult, note: str) -> None:
    """Take ``cut`` off the buyer's lines, newest first: whole lines are dropped, the last one reduced."""
    dropped: list[OrderLine] = []
    for line in reversed(lines):
        if cut <= EPS:
            break
        if line.qty <= cut + EPS:
            dropped.append(line)
            cut = round(cut - line.qty, 3)
            continue
        tx.update_line(line, qty=round(line.qty - cut, 3), note=note or line.note)
        if line.status == RESERVED:
            tx.release(line.sku, cut)
        res.changed.append(line)
        cut = 0.0
    if dropped:
        res.changed += [*dropped, *tx.drop(dropped)]


def _review_line(tx, comment, res: ApplyResult, sku, qty, reason: str, note: str) -> OrderLine:
    line = tx.insert_line(comment, sku=sku, qty=qty, status=REVIEW, reason=reason, note=note)
    res.created.append(line)
    res.review = True
    return line


def _review_into(tx, comment, res: ApplyResult, sku, qty, reason: str, note: str = "") -> str:
    _review_line(tx, comment, res, sku, qty, reason, note)
    return f"{comment.user} 的改单需人工确认：{reason}"
