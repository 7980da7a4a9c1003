"""Payments of a 场次: per-buyer totals, the unpaid list with a reminder for the group, and marking
paid in bulk from a pasted list or a CSV (nickname, amount).

Bulk paid is two steps. :func:`preview_payments` matches every row to a buyer and says what would
happen, changing nothing. :func:`apply_payments` then marks exactly the lines the preview showed, in
one transaction and one journalled action (so one undo takes it all back), and refuses, changing
nothing, if any of those lines changed since the preview.

A row is applied only when it is certain: one buyer of that name (or pickup number), and the amount
equals what the buyer owes. A smaller or larger amount, two buyers of one name, a name not found or
a buyer who owes nothing is shown for a person to settle by hand.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from copilot.base.comments import decode_text
from copilot.base.errors import InputError, LedgerError
from copilot.base.zhnum import normalize
from copilot.orders.buyers import StreamBuyer, stream_buyers
from copilot.orders.pickup import PickupSchedule, day_text, stream_date
from copilot.orders.schema import PAID, RESERVED

MAX_ROWS = 5000
MAX_FILE_BYTES = 2_000_000
CENT = 0.005
OK, SHORT, OVER, NOT_FOUND, AMBIGUOUS, NOTHING_DUE, REPEATED = (
    "ok", "short", "over", "not_found", "ambiguous", "nothing_due", "repeated")
STATUS_ZH = {OK: "将标记已付款", SHORT: "金额少于应付", OVER: "金额多于应付", NOT_FOUND: "找不到这位买家",
             AMBIGUOUS: "有重名买家", NOTHING_DUE: "没有待付款的订单", REPEATED: "同一买家出现多次"}
_NAME_HEADS = ("昵称", "买家", "姓名", "名字", "付款人", "nickname", "name", "user", "buyer", "微信昵称", "对方")
_AMOUNT_HEADS = ("金额", "实付", "付款金额", "收款金额", "amount", "money", "金额(元)", "金额（元）")
_ROW_RE = re.compile(r"^\s*(?:\d+\s*[.、)）]\s*)?(?P<name>.+?)\s*[:：,，\t ]?\s*(?:￥|¥)?\s*"
                     r"(?<![\d.])(?P<amount>\d+(?:\.\d{1,2})?)\s*(?:元|块)?\s*$")


@dataclass(frozen=True)
class PaymentEntry:
    row: int  # line number in the pasted text or file
    name: str
    amount: float


@dataclass
class PreviewRow:
    entry: PaymentEntry
    status: str
    buyer: StreamBuyer | None = None
    due: float = 0.0
    line_ids: list[int] = field(default_factory=list)

    @property
    def message(self) -> str:
        if self.status in (SHORT, OVER):
            return f"{STATUS_ZH[self.status]}（应付 {self.due:g} 元）"
        return STATUS_ZH[self.status]

    def to_dict(self) -> dict:
        b = self.buyer
        return {"row": self.entry.row, "name": self.entry.name, "amount": self.entry.amount, "status": self.status,
                "message": self.message, "buyer": b.buyer if b else None, "buyer_key": b.key if b else None,
                "pickup_no": b.pickup_no if b else None, "due": self.due, "line_ids": self.line_ids}


@dataclass
class PaymentPreview:
    stream: str
    rows: list[PreviewRow]

    @property
    def to_apply(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.status == OK]

    @property
    def total(self) -> float:
        return round(sum(r.entry.amount for r in self.to_apply), 2)

    def to_dict(self) -> dict:
        return {"stream": self.stream, "rows": [r.to_dict() for r in self.rows], "apply": len(self.to_apply),
                "total": self.total, "skipped": len(self.rows) - len(self.to_apply)}


# -- reading the list --------------------------------------------------------------------------------

def parse_payments(text: str) -> list[PaymentEntry]:
    """Rows of (nickname, amount) from pasted text (王阿姨 98.8 / 王阿姨：98.8元 / 1. 王阿姨，98.8) or a
    CSV with a header (昵称,金额 or name,amount). Everything is checked before anything is returned."""
    text = (text or "").lstrip("\ufeff")
    if not text.strip():
        raise InputError("没有付款记录", hint="每行一位买家和金额，例如：王阿姨 98.8；或上传 CSV（昵称,金额）")
    lines = text.splitlines()
    if len(lines) > MAX_ROWS:
        raise InputError(f"付款记录太多（{len(lines)} 行），一次最多 {MAX_ROWS} 行", hint="分几次导入")
    rows = _csv_rows(text)
    entries = rows if rows is not None else [_text_row(i, ln) for i, ln in enumerate(lines, start=1) if ln.strip()]
    entries = [e for e in entries if e is not None]
    if not entries:
        raise InputError("没有读到付款记录", hint="每行一位买家和金额，例如：王阿姨 98.8")
    return entries


def read_payment_file(path: str | Path) -> list[PaymentEntry]:
    """A pasted list saved as a file, or a CSV (UTF-8 or GB18030 as Excel saves it), size-checked first."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"找不到付款文件 {path.name}", hint="检查路径")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(f"{path.name} 太大（最多 {MAX_FILE_BYTES // 1_000_000} MB）", hint="只放昵称和金额两列")
    return parse_payments(decode_text(path.read_bytes(), path.name))


def _text_row(n: int, line: str) -> PaymentEntry:
    m = _ROW_RE.match(normalize(line))
    if m is None or not m.group("name").strip():
        raise InputError(f"第 {n} 行「{line.strip()[:40]}」读不出昵称和金额",
                         hint="写成：昵称 金额，例如 王阿姨 98.8（金额是数字，最多两位小数）")
    return PaymentEntry(n, m.group("name").strip(), _amount(m.group("amount"), n))


def _csv_rows(text: str) -> list[PaymentEntry] | None:
    """The rows of a CSV with a 昵称/金额 header, or None when the text has no such header."""
    first = text.splitlines()[0]
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",\t;，")
    except csv.Error:
        return None
    head = [normalize(h).strip().lower() for h in next(csv.reader([first], dialect))]
    name_col = next((i for i, h in enumerate(head) if h in _NAME_HEADS), None)
    amount_col = next((i for i, h in enumerate(head) if h in _AMOUNT_HEADS), None)
    if name_col is None or amount_col is None:
        return None
    out = []
    for n, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        if n == 1 or not any(c.strip() for c in row):
            continue
        if max(name_col, amount_col) >= len(row):
            raise InputError(f"CSV 第 {n} 行缺少昵称或金额", hint="每行都要有昵称和金额两列")
        name = normalize(row[name_col]).strip()
        if not name:
            raise InputError(f"CSV 第 {n} 行没有昵称", hint="填上付款人的昵称")
        raw = normalize(row[amount_col]).strip().lstrip("¥￥").removesuffix("元").replace(",", "")
        out.append(PaymentEntry(n, name, _amount(raw, n)))
    return out


def _amount(raw: str, n: int) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < 1_000_000 or round(value, 2) != value:
        raise InputError(f"第 {n} 行的金额「{raw[:20]}」不对", hint="金额是大于 0 的数字，最多两位小数，例如 98.8")
    return value


# -- preview and apply -----------------------------------------------------------------------------

def preview_payments(ledger, entries: list[PaymentEntry], buyers: list[StreamBuyer] | None = None) -> PaymentPreview:
    """What marking ``entries`` paid would do, row by row. Changes nothing."""
    buyers = stream_buyers(ledger) if buyers is None else buyers
    by_name: dict[str, list[StreamBuyer]] = {}
    for b in buyers:
        by_name.setdefault(normalize(b.buyer), []).append(b)
    by_no = {b.pickup_no: b for b in buyers if b.pickup_no}
    seen: set[str] = set()
    rows = []
    for e in entries:
        m = re.fullmatch(r"#?(\d{1,6})号?", e.name)
        found = [by_no[int(m.group(1))]] if m and int(m.group(1)) in by_no else by_name.get(normalize(e.name), [])
        rows.append(_judge(e, found, seen))
    return PaymentPreview(ledger.stream, rows)


def _judge(e: PaymentEntry, found: list[StreamBuyer], seen: set[str]) -> PreviewRow:
    if not found:
        return PreviewRow(e, NOT_FOUND)
    if len(found) > 1:
        return PreviewRow(e, AMBIGUOUS)
    b = found[0]
    unpaid = b.with_status(RESERVED)
    row = PreviewRow(e, OK, b, b.due, [ln.id for ln in unpaid])
    if b.key in seen:
        row.status, row.line_ids = REPEATED, []
    elif not unpaid:
        row.status = NOTHING_DUE
    elif e.amount < b.due - CENT:
        row.status = SHORT
    elif e.amount > b.due + CENT:
        row.status = OVER
    seen.add(b.key)
    if row.status != OK:
        row.line_ids = []
    return row


def apply_payments(ledger, preview: PaymentPreview, *, actor: str | None = None) -> tuple[str, int | None]:
    """Mark the preview's certain rows paid: one transaction, one undoable action. Returns the message
    and the action id (None when there was nothing to mark)."""
    rows = preview.to_apply
    if preview.stream != ledger.stream:
        raise LedgerError(f"这份预览属于场次 {preview.stream}，不是当前场次 {ledger.stream}", hint="重新预览")
    if not rows:
        return "没有可以标记的付款（金额对得上的买家才会标记）", None
    with ledger.tx() as tx:
        for r in rows:
            lines = tx.buyer_lines(r.buyer.key, (RESERVED,))
            if sorted(ln.id for ln in lines) != sorted(r.line_ids):
                raise LedgerError(f"预览之后 {r.buyer.label()} 的订单有变动，没有做任何标记", hint="请重新预览后再确认")
            for ln in lines:
                tx.update_line(ln, status=PAID)
        payments = [{"buyer_key": r.buyer.key, "buyer": r.buyer.buyer, "amount": r.entry.amount} for r in rows]
        action = ledger.journal(tx, "bulk_paid", f"批量收款 {len(rows)} 位买家，共 {preview.total:g} 元", actor,
                                payments=payments)
    return f"已标记付款：{len(rows)} 位买家，共 {preview.total:g} 元", action


# -- the unpaid list ----------------------------------------------------------------------------------

def unpaid(buyers: list[StreamBuyer]) -> list[StreamBuyer]:
    """Buyers who owe money (reserved lines not paid), by pickup number."""
    return [b for b in buyers if b.due > 0]


def unpaid_reminder(ledger, buyers: list[StreamBuyer]) -> str:
    """A message for the group: who has not paid, how much, and how to pay."""
    owing = unpaid(buyers)
    if not owing:
        return ""
    store = ledger.catalog.store
    lines = [ln for b in buyers for ln in b.lines]
    day = day_text(stream_date(ledger.stream, lines))
    pickup = PickupSchedule.of(store, ledger.stream, lines)
    rows = [f"{b.pickup_no}号 @{b.buyer} {b.due:g}元" for b in owing]
    how = f"付款方式：{store.payment}" if store.payment else "可以在群里转账，也可以取货时到店付"
    return "\n".join([f"【{store.name}】付款提醒：{day}直播的订单，以下邻居还没付款：", *rows,
                      f"{how}。取货时间 {pickup.text()}；付好后回复“已付”，店里核对后标记。"])


def buyer_totals(buyers: list[StreamBuyer]) -> dict:
    """The 场次's money by buyer and in all (reconciles with the ledger's lines)."""
    return {"buyers": len(buyers), "amount": round(sum(b.amount for b in buyers), 2),
            "paid": round(sum(b.paid for b in buyers), 2), "due": round(sum(b.due for b in buyers), 2),
            "unpaid_buyers": len(unpaid(buyers))}
