"""A pasted 接龙 chain applied to the ledger: each paste changes only what changed.

The chain's entries are remembered per stream (table ``jielong_entries``, migration track
``jielong``, in the ledger's database, written in the same transaction as the order lines). A paste
is compared with what the chain said last time, entry by entry (member + content, wherever the
numbering moved):

- the same line again changes nothing (pasting the same chain twice is a no-op);
- a new line is an order (a pre-order: it takes stock like a live order, or waits in line);
- a member's edited line changes only the lines that entry created (排骨1斤 -> 排骨2斤 青菜一把);
- a line that disappeared, or was edited to 取消/不要了, cancels what it created;
- the example line, the title and the menu are no orders; an unreadable line goes to review, and a line
  edited into something unreadable takes down what it booked (one review line says what it was).

Lines the owner changed by hand are respected: a cancelled or paid line is not brought back or
changed by a later paste of the same entry. Buyers are the members' nicknames (``name:<昵称>``).
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import JSON, Boolean, Column, DateTime, Index, Integer, MetaData, String, Table, Text, select, update

from copilot.base.comments import Comment
from copilot.base.db import migrate, utcnow
from copilot.base.errors import InputError
from copilot.orders.book import LedgerTx
from copilot.orders.handlers import order_item, review
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.jielong import (
    MAX_CHAIN_CHARS,
    MAX_ENTRIES,
    Chain,
    Entry,
    content_key,
    entry_items,
    member_key,
    read_chain,
)
from copilot.orders.records import ApplyResult, OrderLine, qty_text, short_name
from copilot.orders.schema import CANCELLED, EPS, PAID, PICKED_UP, RESERVED, REVIEW, WAITLIST

log = logging.getLogger(__name__)
meta = MetaData()
entries_table = Table(
    "jielong_entries", meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stream", String(64), nullable=False),
    Column("chain", String(32), nullable=False),
    Column("header", String(64), nullable=False),   # a digest of the chain's header
    Column("member", String(200), nullable=False),
    Column("content", Text, nullable=False),        # content_key() of what the member wrote
    Column("raw", Text, nullable=False),
    Column("lines", JSON, nullable=False),          # {"lines": {sku: line id}, "review": line id | null}
    Column("revision", Integer, nullable=False, default=0),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_jielong_stream_chain", "stream", "chain", "active"),
)
MIGRATIONS = [(1, "jielong entries", lambda conn: meta.create_all(conn))]
_MIGRATED: set[str] = set()
OPEN_LINE = (RESERVED, WAITLIST, REVIEW)


@dataclass
class ChainResult:
    chain: str
    entries: int = 0
    added: int = 0
    changed: int = 0
    cancelled: int = 0
    unchanged: int = 0
    orders: int = 0      # new lines that hold or wait for stock
    review: int = 0      # entries waiting for a person
    messages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"chain": self.chain, "comments": self.entries, "orders": self.orders, "review": self.review,
                "duplicates": self.unchanged, "added": self.added, "changed": self.changed,
                "cancelled": self.cancelled, "messages": self.messages}


@dataclass
class _Stored:
    id: int
    member: str
    content: str
    raw: str
    lines: dict
    revision: int


def _stored_key(stored) -> tuple[str, str]:
    """A stored entry (or its row) keyed as ``Entry.key`` is: its content is stored as its ``content_key``."""
    return member_key(stored.member), stored.content


def apply_chain(ledger, text: str, parse=None, *, chain: str | None = None) -> ChainResult:
    """Apply the pasted chain ``text`` to ``ledger`` in one transaction (all of it or nothing)."""
    if len(text or "") > MAX_CHAIN_CHARS:
        raise InputError(f"接龙太长（{len(text)} 个字符）", hint=f"一次最多 {MAX_CHAIN_CHARS} 个字符，请分开粘贴")
    if parse is None:
        from copilot.orders.parser import IntentParser

        parse = IntentParser(ledger.catalog).parse
    parsed = read_chain(text, ledger.catalog, parse)
    if not parsed.entries and not parsed.header.strip():
        raise InputError("没有找到接龙内容", hint="把群里的整条接龙复制过来：#接龙、说明，再是“1. 昵称 内容”这样的行")
    if len(parsed.entries) > MAX_ENTRIES:
        raise InputError(f"接龙有 {len(parsed.entries)} 行，太多了", hint=f"一次最多 {MAX_ENTRIES} 行")
    if ledger.url not in _MIGRATED:
        migrate(ledger.engine, "jielong", MIGRATIONS)
        _MIGRATED.add(ledger.url)
    with ledger.tx() as tx:
        name = chain or _which_chain(tx, parsed)
        result = ChainResult(name, entries=sum(1 for e in parsed.entries if e.intent.kind is not Kind.CANCEL))
        _apply(tx, parsed, name, result)
    log.info("jielong %s on %s: %s", name, tx.stream, result)
    return result


def _digest(text: str) -> str:
    return hashlib.sha1(content_key(text).encode("utf-8")).hexdigest()[:16]


def _which_chain(tx: LedgerTx, parsed: Chain) -> str:
    """The chain this paste continues: the same header, else the one sharing most entries; else new."""
    header = _digest(parsed.header)
    rows = tx.conn.execute(select(entries_table.c.chain, entries_table.c.header, entries_table.c.member,
                                  entries_table.c.content).where(entries_table.c.stream == tx.stream,
                                                                 entries_table.c.active)).all()
    if any(r.header == header for r in rows):
        return next(r.chain for r in rows if r.header == header)
    keys = {e.key for e in parsed.entries}
    shared: dict[str, int] = defaultdict(int)
    sizes: dict[str, int] = defaultdict(int)
    for r in rows:
        sizes[r.chain] += 1
        shared[r.chain] += _stored_key(r) in keys
    best = max(shared, key=lambda c: shared[c], default=None)
    if best and shared[best] * 2 >= min(len(keys), sizes[best]) and shared[best]:
        return best
    return header


def _apply(tx: LedgerTx, parsed: Chain, name: str, result: ChainResult) -> None:
    stored = _load(tx, name)
    live = [e for e in parsed.entries if e.intent.kind is not Kind.CANCEL]
    left = list(stored)
    fresh: list[Entry] = []
    for entry in live:  # the same line again: nothing changes
        same = next((s for s in left if _stored_key(s) == entry.key), None)
        if same is None:
            fresh.append(entry)
        else:
            left.remove(same)
            result.unchanged += 1
    header = _digest(parsed.header)
    for entry in fresh:
        old = next((s for s in left if member_key(s.member) == entry.key[0]), None)
        if old is None:
            _add(tx, name, header, entry, result)
        else:
            left.remove(old)
            _edit(tx, old, entry, result)
    for old in left:
        _drop(tx, old, result)
    result.review = _open_reviews(tx, name)


def _load(tx: LedgerTx, name: str) -> list[_Stored]:
    t = entries_table
    rows = tx.conn.execute(select(t).where(t.c.stream == tx.stream, t.c.chain == name, t.c.active).order_by(t.c.id))
    return [_Stored(r.id, r.member, r.content, r.raw, dict(r.lines or {}), r.revision) for r in rows]


def _open_reviews(tx: LedgerTx, name: str) -> int:
    count = 0
    for s in _load(tx, name):
        line_id = s.lines.get("review")
        count += bool(line_id) and tx.get_line(line_id).status == REVIEW
    return count


def _comment(row_id: int, revision: int, entry: Entry) -> Comment:
    """The entry as the comment its lines came from (ids are unique per database: entry row + revision)."""
    return Comment(id=f"jl-{row_id}-r{revision}", user=entry.member, text=f"接龙：{entry.raw}"[:2000])


def _add(tx: LedgerTx, name: str, header: str, entry: Entry, result: ChainResult) -> None:
    now = utcnow()
    row = tx.conn.execute(entries_table.insert().values(
        stream=tx.stream, chain=name, header=header, member=entry.member, content=content_key(entry.content),
        raw=entry.raw, lines={}, revision=0, active=True, created_at=now, updated_at=now))
    row_id = int(row.inserted_primary_key[0])
    lines = _book(tx, _comment(row_id, 0, entry), entry.intent, result)
    tx.conn.execute(update(entries_table).where(entries_table.c.id == row_id).values(lines=lines))
    result.added += 1
    result.messages.append(f"新接龙 {entry.member}：{entry.content}")


def _book(tx: LedgerTx, comment: Comment, intent: Intent, result: ChainResult) -> dict:
    """New lines for an entry: one per product (or one review line)."""
    res = ApplyResult()
    if intent.needs_review or not intent.items:
        res = review(tx, comment, intent, intent.reason or "接龙这一行看不懂")
        return {"lines": {}, "review": res.created[0].id}
    for item in intent.items:
        order_item(tx, comment, item, res, intent.note)
    result.orders += sum(1 for ln in res.created if ln.status in (RESERVED, WAITLIST))
    lines = {ln.sku: ln.id for ln in res.created if ln.status != REVIEW and ln.sku}
    reviews = [ln.id for ln in res.created if ln.status == REVIEW]
    return {"lines": lines, "review": reviews[0] if reviews else None}


def _edit(tx: LedgerTx, old: _Stored, entry: Entry, result: ChainResult) -> None:
    """The member edited their line: change only what this entry created."""
    revision = old.revision + 1
    comment = _comment(old.id, revision, entry)
    lines = dict(old.lines.get("lines") or {})
    _close_review(tx, old.lines.get("review"))
    intent = entry.intent
    review_id = None
    if intent.needs_review or not intent.items:
        review_id = _unreadable_edit(tx, comment, intent, lines)
    else:
        want = entry_items(intent)
        for sku in [s for s in lines if s not in want]:
            _drop_lines(tx, [lines.pop(sku)])
        for sku, qty in want.items():
            line = tx.get_line(lines[sku]) if sku in lines else None
            if line is None or line.status == CANCELLED:
                res = ApplyResult()
                item = next(i for i in intent.items if i.sku == sku)
                order_item(tx, comment, item, res, intent.note)
                result.orders += sum(1 for ln in res.created if ln.status in (RESERVED, WAITLIST))
                lines.update({ln.sku: ln.id for ln in res.created if ln.status != REVIEW})
                review_id = review_id or next((ln.id for ln in res.created if ln.status == REVIEW), None)
            else:
                review_id = _resize(tx, comment, line, qty, intent.note) or review_id
    tx.conn.execute(update(entries_table).where(entries_table.c.id == old.id).values(
        content=content_key(entry.content), raw=entry.raw, lines={"lines": lines, "review": review_id},
        revision=revision, member=entry.member, updated_at=utcnow()))
    result.changed += 1
    result.messages.append(f"{entry.member} 改了接龙：{entry.content}")


def _unreadable_edit(tx: LedgerTx, comment: Comment, intent: Intent, lines: dict[str, int]) -> int:
    """The member's line now says something that cannot be read safely: what it booked before is no longer
    what the chain says, so it does not stand silently. Its open lines are taken down (stock freed, the
    waitlist promoted) and one review line says what was booked; with one product, the review line holds
    it and the old quantity, ready for the owner to confirm or change. Paid lines stay, for a person."""
    old = {sku: tx.get_line(i) for sku, i in lines.items()}
    held = {sku: ln for sku, ln in old.items() if ln.status in (RESERVED, WAITLIST)}
    reason = intent.reason or "接龙这一行看不懂"
    if held:
        was = "、".join(tx.label(ln) for ln in held.values())
        reason += f"；原来的 {was} 已撤下，请按新内容确认"
        tx.drop(list(held.values()))
        for sku in held:
            lines.pop(sku)
    if len(held) == 1 and not intent.items:
        ln = next(iter(held.values()))
        intent = Intent(Kind.ORDER, (Item(ln.sku, ln.qty, ln.unit),), True, reason, note=intent.note)
    return review(tx, comment, intent, reason).created[0].id


def _resize(tx: LedgerTx, comment: Comment, line: OrderLine, want: float, note: str) -> int | None:
    """Set one line to ``want``; returns a review line's id when that cannot be done safely."""
    want = round(want, 3)
    if abs((line.qty or 0) - want) <= EPS:
        return None
    p = tx.catalog.get(line.sku)
    if line.status in (PAID, PICKED_UP) or p is None:
        reason = f"已{line.status_zh[1:]}的订单在接龙里改成了 {qty_text(want)}{line.unit}，请人工处理"
        return review(tx, comment, Intent(Kind.ORDER, reason=reason), reason).created[0].id
    if line.status == REVIEW:
        tx.update_line(line, qty=want, note=note or line.note)
        return None
    reason = tx.over_limit(p, line.buyer_key, want, minus=line.qty or 0)
    if reason:
        return review(tx, comment, Intent(Kind.ORDER, reason=reason), reason).created[0].id
    have = line.qty or 0
    if line.status == RESERVED and want > have and not tx.reserve(p.sku, round(want - have, 3)):
        reason = (f"库存不足，无法改成 {qty_text(want)}{p.unit}（已为 {line.buyer} 预留 {qty_text(have)}{p.unit}，"
                  f"保持不变）")  # as a live comment's change: the reserved line stays, a person decides
        return review(tx, comment, Intent(Kind.ORDER, reason=reason), reason).created[0].id
    if line.status == RESERVED and want < have:
        tx.release(p.sku, round(have - want, 3))
    tx.update_line(line, qty=want, note=note or line.note)
    tx.promote(p.sku)
    return None


def _close_review(tx: LedgerTx, line_id: int | None) -> None:
    if line_id and tx.get_line(line_id).status == REVIEW:
        tx.drop([tx.get_line(line_id)])


def _drop_lines(tx: LedgerTx, ids) -> None:
    lines = [tx.get_line(i) for i in ids if i]
    open_lines = [ln for ln in lines if ln.status in OPEN_LINE]
    if open_lines:
        tx.drop(open_lines)


def _drop(tx: LedgerTx, old: _Stored, result: ChainResult) -> None:
    """The line vanished (or says 取消): what it created is cancelled; paid lines stay, for a person."""
    ids = list((old.lines.get("lines") or {}).values()) + [old.lines.get("review")]
    kept = [ln for ln in (tx.get_line(i) for i in ids if i) if ln.status in (PAID, PICKED_UP)]
    _drop_lines(tx, ids)
    tx.conn.execute(update(entries_table).where(entries_table.c.id == old.id).values(active=False,
                                                                                      updated_at=utcnow()))
    result.cancelled += 1
    result.messages.append(f"{old.member} 的接龙没有了，已取消：{old.raw}")
    for line in kept:
        p = tx.catalog.get(line.sku or "")
        result.messages.append(f"⚠ {line.buyer} 的 {short_name(p, line.sku)} 已{line.status_zh[1:]}，没有自动取消")


def chain_state(ledger, chain: str | None = None) -> dict[str, dict[str, float]]:
    """member -> {sku: quantity} of the open lines (reserved, waiting, paid, picked up) of the
    stream's chains (or of one chain)."""
    if ledger.url not in _MIGRATED:
        migrate(ledger.engine, "jielong", MIGRATIONS)
        _MIGRATED.add(ledger.url)
    from copilot.base.db import reading

    t = entries_table
    q = select(t.c.lines).where(t.c.stream == ledger.stream, t.c.active)
    if chain:
        q = q.where(t.c.chain == chain)
    with reading(ledger.engine) as conn:
        ids = [i for r in conn.execute(q) for i in (r.lines or {}).get("lines", {}).values()]
    out: dict[str, dict[str, float]] = defaultdict(dict)
    by_id = {ln.id: ln for ln in ledger.lines()}
    for i in ids:
        ln = by_id.get(i)
        if ln and ln.sku and ln.status in (RESERVED, WAITLIST, PAID, PICKED_UP):
            out[ln.buyer][ln.sku] = round(out[ln.buyer].get(ln.sku, 0) + (ln.qty or 0), 3)
    return dict(out)
