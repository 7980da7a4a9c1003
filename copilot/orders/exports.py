"""What the store prints after the stream: stock summary, pick lists (分拣单) per product and pickup
slips (取货单) per buyer, exported as one xlsx workbook or three CSV files (UTF-8 with BOM); and the
purchase list (采购单) per supplier as xlsx.

The 取货单 has one block per buyer, by pickup number, with the real pickup day and window (see
``orders.pickup``). Every cell goes through ``base.spreadsheet`` (never a formula, no control characters)."""

from __future__ import annotations

import logging
from datetime import timezone
from pathlib import Path

from copilot.base.errors import InputError
from copilot.base.files import export_dir
from copilot.base.spreadsheet import fill_sheet, write_csv
from copilot.orders.buyers import stream_buyers
from copilot.orders.pickup import PickupSchedule
from copilot.orders.records import SlipItem
from copilot.orders.schema import ALLOCATED
from copilot.orders.summary import LedgerReader, pick_list

log = logging.getLogger(__name__)
FORMATS = ("xlsx", "csv")
ORDER_HEAD = ["编号", "买家", "链接", "商品", "数量", "单位", "单价", "金额", "状态", "备注", "评论", "评论时间(秒)", "下单时间"]
PICK_HEAD = ["链接", "商品", "买家", "数量", "单位", "备注"]
SLIP_HEAD = ["取货号", "买家", "手机尾号", "楼号房号", "商品", "数量", "单位", "单价", "金额", "取货时间", "状态"]
PURCHASE_HEAD = ["供货商", "链接", "商品", "单位", "已订", "候补", "店里现有", "需采购", "买家数"]
MONEY_COLS = {"单价", "金额"}
QTY_COLS = {"数量", "已订", "候补", "店里现有", "需采购"}


def _fmt_time(dt) -> str:
    """Stored in UTC (naive on SQLite); shown in the store's local time."""
    if not dt:
        return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def order_rows(ledger: LedgerReader) -> tuple[list[list], list]:
    rows, total = [], 0.0
    for ln in ledger.lines():
        p = ledger.catalog.get(ln.sku or "")
        counted = ln.status in ALLOCATED
        total += ln.amount if counted else 0
        rows.append([ln.id, ln.buyer, p.link if p else "", p.name if p else (ln.sku or ""), ln.qty, ln.unit,
                     ln.unit_price, ln.amount if counted else None, ln.status_zh, ln.reason, ln.comment_text,
                     ln.comment_ts, _fmt_time(ln.created_at)])
    totals = ["合计", f"{len(rows)} 笔", "", "", "", "", "", round(total, 2), "（金额只计已预留/已付款/已取货）"]
    return rows, totals


def pick_rows(ledger: LedgerReader) -> tuple[list[list], list[int]]:
    """Rows of the pick list and the indexes of its subtotal rows."""
    rows, subtotals = [], []
    for prod in pick_list(ledger):
        for buyer, qty, note in prod["lines"]:
            rows.append([prod["link"], prod["name"], buyer, qty, prod["unit"], note])
        subtotals.append(len(rows))
        rows.append([prod["link"], f"{prod['name']} 小计", f"{len(prod['lines'])} 人", prod["total"], prod["unit"], ""])
    return rows, subtotals


def slip_rows(ledger) -> tuple[list[list], list[int], list]:
    """The 取货单: per buyer (by pickup number) their items, a subtotal, the pickup day and window."""
    rows, subtotals, grand = [], [], 0.0
    buyers = [b for b in stream_buyers(ledger) if b.with_status(*ALLOCATED)]
    when = PickupSchedule.of(ledger.catalog.store, ledger.stream, [ln for b in buyers for ln in b.lines]).text()
    for b in buyers:
        items = _slip_items(ledger.catalog, b.with_status(*ALLOCATED))
        status = "已取货" if b.status == "已取货" else ("已付款" if not b.due else "待付款")
        who = [b.pickup_no, b.buyer, b.phone_tail, b.address]
        for it in items:
            rows.append([*who, it.name, it.qty, it.unit, it.unit_price, it.amount, when, status])
        subtotals.append(len(rows))
        rows.append([*who, "小计", "", "", None, b.amount, when, status])
        grand += b.amount
    return rows, subtotals, ["合计", f"{len(subtotals)} 位买家", "", "", "", "", "", None, round(grand, 2), "", ""]


def _slip_items(catalog, lines) -> list[SlipItem]:
    merged: dict[tuple[str, float], list[float]] = {}
    for ln in lines:
        acc = merged.setdefault((ln.sku, ln.unit_price or 0.0), [0.0, 0.0])
        acc[0] += ln.qty or 0
        acc[1] += ln.amount
    links = {p.sku: p.link for p in catalog.products}
    items = []
    for (sku, price), (qty, amount) in sorted(merged.items(), key=lambda kv: (links.get(kv[0][0], 10**6), kv[0][0])):
        p = catalog.get(sku)
        items.append(SlipItem(p.name if p else sku, round(qty, 3), p.unit if p else "", price, round(amount, 2)))
    return items


def export_ledger(ledger: LedgerReader, out_dir: Path, fmt: str = "xlsx") -> list[Path]:
    """Write the stream's orders, pick list and pickup slips; returns the files written."""
    fmt = (fmt or "").lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(f"不支持的导出格式「{fmt}」", hint="可选 xlsx 或 csv")
    out_dir = export_dir(out_dir)
    paths = _write_xlsx(ledger, out_dir) if fmt == "xlsx" else _write_csv(ledger, out_dir)
    log.info("exported stream %s as %s: %s", ledger.stream, fmt, [str(p) for p in paths])
    return paths


def _write_csv(ledger: LedgerReader, out_dir: Path) -> list[Path]:
    orders, order_total = order_rows(ledger)
    picks, _ = pick_rows(ledger)
    slips, _, slip_total = slip_rows(ledger)
    files = [(f"orders-{ledger.stream}.csv", ORDER_HEAD, orders + [order_total]),
             (f"picklist-{ledger.stream}.csv", PICK_HEAD, picks),
             (f"pickup-{ledger.stream}.csv", SLIP_HEAD, slips + [slip_total])]
    return [write_csv(out_dir / name, head, ([_csv_cell(h, v) for h, v in zip(head, row)] for row in rows))
            for name, head, rows in files]


def _csv_cell(head: str, v):
    if v is None:
        return ""
    if head in MONEY_COLS and isinstance(v, (int, float)):
        return f"{v:.2f}"
    if isinstance(v, float):
        return f"{v:.3f}".rstrip("0").rstrip(".")
    return v


def _write_xlsx(ledger: LedgerReader, out_dir: Path) -> list[Path]:
    from openpyxl import Workbook

    wb = Workbook()
    orders, order_total = order_rows(ledger)
    _sheet(wb.active, "全部订单", ORDER_HEAD, orders, [len(orders)], order_total)
    picks, pick_sub = pick_rows(ledger)
    _sheet(wb.create_sheet(), "分拣单", PICK_HEAD, picks, pick_sub, None)
    slips, slip_sub, slip_total = slip_rows(ledger)
    _sheet(wb.create_sheet(), "取货单", SLIP_HEAD, slips, slip_sub + [len(slips)], slip_total)
    path = out_dir / f"orders-{ledger.stream}.xlsx"
    wb.save(path)
    return [path]


def _sheet(ws, title: str, head: list[str], rows: list[list], bold_rows: list[int], totals) -> None:
    fill_sheet(ws, title, head, rows, bold_rows=bold_rows, totals=totals,
               formats={**{c: "0.00" for c in MONEY_COLS}, **{c: "0.###" for c in QTY_COLS}})


def purchase_rows(plan) -> list[list]:
    """The 采购单 sheet: per supplier its products to buy, then the products fully covered by stock."""
    rows = []
    for order in plan.suppliers:
        for it in order.items:
            rows.append([order.supplier, it.link, it.name, it.unit, it.ordered, it.waitlist, it.on_hand, it.qty,
                         it.buyers])
    for it in plan.items:
        if it.qty <= 0:
            rows.append([it.supplier, it.link, it.name, it.unit, it.ordered, it.waitlist, it.on_hand, 0, it.buyers])
    return rows


def export_purchase(plan, out_dir: Path) -> Path:
    """The purchase list as one xlsx workbook: 采购单 (per supplier) and 发给供货商 (a message each)."""
    from openpyxl import Workbook

    from copilot.orders.purchase import supplier_message

    out_dir = export_dir(out_dir)
    wb = Workbook()
    rows = purchase_rows(plan)
    cut = f"截单时间 {plan.cutoff:%Y-%m-%d %H:%M}" if plan.cutoff else "未设截单时间"
    note = [f"场次 {plan.stream}", cut, f"截单后 {plan.late_lines} 笔未计入", f"待确认 {plan.review_lines} 笔未计入"]
    _sheet(wb.active, "采购单", PURCHASE_HEAD, rows, [], note)
    messages = [[o.supplier, supplier_message(plan, o)] for o in plan.suppliers]
    _sheet(wb.create_sheet(), "发给供货商", ["供货商", "消息"], messages, [], None)
    path = out_dir / f"purchase-{plan.stream}.xlsx"
    wb.save(path)
    log.info("exported the purchase list of %s: %s", plan.stream, path)
    return path
