"""The pickup desk (取货台): the day after the stream, whoever stands at the counter finds the buyer by
pickup number, 手机尾号, nickname or building and room, hands over the whole order with one action
(journalled with who did it, so it can be undone), and sees who has not come by the deadline.

When buyers collect comes from the store settings (``pickup_window``, ``pickup_days``; see
knowledge/README.md) and the 场次's date, so the 取货单 and every text say the real day and hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from copilot.base.errors import LedgerError
from copilot.orders.buyers import StreamBuyer, find_buyers, items_text, resolve_buyer, stream_buyers
from copilot.orders.records import OrderLine
from copilot.orders.schema import PAID, PICKED_UP, RESERVED, WAITLIST

WEEKDAYS = "一二三四五六日"
DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def local_now() -> datetime:
    return datetime.now(timezone.utc).astimezone()


def stream_date(stream: str, lines: list[OrderLine] = ()) -> date:
    """The day of the 场次: the date in its name (2026-11-22, 2026-11-22-晚场), else the day of its
    first order, else today."""
    m = DATE_RE.search(stream or "")
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    first = min((ln.created_at for ln in lines if ln.created_at), default=None)
    if first is not None:
        return (first if first.tzinfo else first.replace(tzinfo=timezone.utc)).astimezone().date()
    return local_now().date()


def due_stream(engine, store, today: date | None = None) -> str | None:
    """The 场次 whose buyers collect today (named by a date, that date + ``pickup_days`` is today; the
    newest if several; never a rehearsal), or None. The counter opens it by default the day after."""
    from copilot.orders.ledger import is_rehearsal, known_streams

    today = today or local_now().date()
    for name in known_streams(engine):
        m = DATE_RE.match(name)
        if m is None or is_rehearsal(name):
            continue
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if day + timedelta(days=store.pickup_days) == today:
            return name
    return None


def day_text(d: date) -> str:
    return f"{d.month}月{d.day}日（周{WEEKDAYS[d.weekday()]}）"


@dataclass(frozen=True)
class PickupSchedule:
    """When the buyers of one 场次 collect: a day and, when the store gives one, a window."""
    day: date
    start: time | None = None
    end: time | None = None

    @classmethod
    def of(cls, store, stream: str, lines: list[OrderLine] = ()) -> "PickupSchedule":
        hours = store.pickup_hours()
        day = stream_date(stream, lines) + timedelta(days=store.pickup_days)
        return cls(day, *(hours or (None, None)))

    @property
    def deadline(self) -> datetime:
        """The end of the window (local time); the end of the day without a window."""
        end = self.end or time(23, 59)
        return datetime.combine(self.day, end).astimezone()

    def overdue(self, now: datetime | None = None) -> bool:
        return (now or local_now()) > self.deadline

    def text(self) -> str:
        """11月23日（周日）15:00-20:00"""
        hours = f"{self.start:%H:%M}-{self.end:%H:%M}" if self.start and self.end else ""
        return f"{day_text(self.day)}{hours}"

    def to_dict(self) -> dict:
        return {"date": self.day.isoformat(), "start": f"{self.start:%H:%M}" if self.start else None,
                "end": f"{self.end:%H:%M}" if self.end else None, "text": self.text(),
                "deadline": self.deadline.isoformat(timespec="minutes")}


@dataclass
class PickupResult:
    buyer: StreamBuyer
    lines: list[OrderLine]
    message: str
    action_id: int


class PickupDesk:
    """The 取货台 of one 场次 (the ledger's stream)."""

    def __init__(self, ledger) -> None:
        self.ledger = ledger
        self.catalog = ledger.catalog
        self.store = ledger.catalog.store

    def buyers(self) -> list[StreamBuyer]:
        return stream_buyers(self.ledger)

    def schedule(self, buyers: list[StreamBuyer] | None = None) -> PickupSchedule:
        if buyers is not None:
            lines = [ln for b in buyers for ln in b.lines]
        else:  # the lines only matter for a 场次 without a date in its name
            lines = [] if DATE_RE.search(self.ledger.stream) else self.ledger.lines()
        return PickupSchedule.of(self.store, self.ledger.stream, lines)

    def find(self, query: str, buyers: list[StreamBuyer] | None = None) -> list[StreamBuyer]:
        return find_buyers(self.buyers() if buyers is None else buyers, query)

    def resolve(self, who: str, buyers: list[StreamBuyer] | None = None) -> StreamBuyer:
        """Exactly one buyer for ``who`` (pickup number, nickname, buyer key or 手机尾号); a clear error
        listing the candidates otherwise."""
        found = resolve_buyer(self.buyers() if buyers is None else buyers, who)
        if not found:
            raise LedgerError(f"场次 {self.ledger.stream} 没有找到买家「{who}」",
                              hint="用取货号、昵称、手机尾号或楼号房号查找：copilot pickup find 查询词")
        if len(found) > 1:
            names = "、".join(b.label() for b in found[:8]) + ("等" if len(found) > 8 else "")
            raise LedgerError(f"「{who}」对应 {len(found)} 位买家：{names}", hint="请用取货号指定其中一位")
        return found[0]

    def done(self, key: str, *, actor: str | None = None) -> PickupResult:
        """Hand over everything the buyer with ``key`` has waiting (reserved or paid lines): one
        journalled action, so :meth:`undo` gives it back exactly."""
        buyer = next((b for b in self.buyers() if b.key == key), None)
        if buyer is None:
            raise LedgerError(f"场次 {self.ledger.stream} 没有这位买家的订单", hint="先查找买家，再点取货")
        with self.ledger.tx() as tx:
            lines = tx.buyer_lines(key, (RESERVED, PAID))
            if not lines:
                raise LedgerError(f"{buyer.label()} 没有待取的货（{buyer.status}）", hint="刷新后再看一下")
            due = round(sum(ln.amount for ln in lines if ln.status == RESERVED), 2)
            for ln in lines:
                tx.update_line(ln, status=PICKED_UP)
            what = items_text(lines, self.catalog)
            action = self.ledger.journal(tx, "pickup", f"取货：{buyer.label()}（{what}）", actor, buyer_key=key)
        cash = f"，现场收款 {due:g} 元" if due else ""
        return PickupResult(buyer, lines, f"已取货：{buyer.label()} {what}{cash}", action)

    def undo(self, action_id: int | None = None, *, actor: str | None = None) -> str:
        """Reverse a pickup (by its action id), or ``actor``'s latest action."""
        return self.ledger.undo(action_id, actor=actor)

    def pending(self, buyers: list[StreamBuyer] | None = None) -> list[StreamBuyer]:
        """Buyers with goods still waiting at the counter, by pickup number."""
        return [b for b in (self.buyers() if buyers is None else buyers) if b.to_pick]

    # -- texts ready to send --------------------------------------------------------------------------

    def _where(self) -> str:
        return f"到{self.store.address}" if self.store.address else "到店"

    def confirmation_text(self, buyer: StreamBuyer, schedule: PickupSchedule | None = None) -> str:
        """The buyer's order confirmation: pickup number, items, total, when and where to collect."""
        schedule = schedule or self.schedule()
        held = [ln for ln in buyer.lines if ln.status != WAITLIST]
        rows = [f"· {name}" for name in items_text(held, self.catalog, "\n").splitlines()]
        paid = "已付款" if not buyer.due else ("部分已付，" if buyer.paid else "") + f"待付 {buyer.due:g} 元"
        out = [f"【{self.store.name}】{buyer.buyer}，您的订单已确认，取货号 {buyer.pickup_no}：", *rows,
               f"合计 {buyer.amount:g} 元（{paid}）",
               f"取货时间：{schedule.text()}，{self._where()}自提，报取货号 {buyer.pickup_no} "
               + (f"或手机尾号 {buyer.phone_tail} " if buyer.phone_tail else "") + "即可。"]
        waiting = buyer.with_status(WAITLIST)
        if waiting:
            out.append(f"候补：{items_text(waiting, self.catalog)}（有货会通知您）")
        if buyer.status == "已取货":
            out = [f"【{self.store.name}】{buyer.buyer}（取货号 {buyer.pickup_no}）的订单已取货，谢谢惠顾！"]
        return "\n".join(out)

    def reminder_text(self, pending: list[StreamBuyer], schedule: PickupSchedule | None = None,
                      now: datetime | None = None) -> str:
        """A message for the group: who has not collected yet, and until when."""
        if not pending:
            return ""
        schedule = schedule or self.schedule()
        names = "、".join(f"{b.pickup_no}号 @{b.buyer}" for b in pending)
        head = f"【{self.store.name}】取货提醒：{schedule.text()} 自提的订单，以下邻居还没取："
        if schedule.overdue(now):
            hours = f"（营业时间 {self.store.hours}）" if self.store.hours else ""
            tail = f"已经过了取货时间，请尽快{self._where()}取货{hours}；来不了请私信店长。"
        else:
            tail = (f"请在 {day_text(schedule.day)} {schedule.deadline:%H:%M} 前{self._where()}取货，"
                    "报取货号或手机尾号即可；来不了请私信店长。")
        return f"{head}\n{names}\n{tail}"

    def group_notice(self, buyers: list[StreamBuyer], schedule: PickupSchedule | None = None) -> str:
        """Every buyer's pickup number and items in one message for the group."""
        schedule = schedule or self.schedule()
        rows = [f"{b.pickup_no}号 {b.buyer}：{items_text(b.to_pick, self.catalog)}，{b.amount:g}元"
                + ("（已付）" if not b.due else "") for b in buyers if b.to_pick]
        if not rows:
            return ""
        day = day_text(stream_date(self.ledger.stream, [ln for b in buyers for ln in b.lines]))
        head = f"【{self.store.name}】{day}的订单已整理好：{schedule.text()} {self._where()}自提，报取货号即可"
        return "\n".join([head, *rows])
