"""What the store prints after the stream: stock summary, pick lists (分拣单) per product and pickup
slips (取货单) per buyer, exported as one xlsx workbook or three CSV files (UTF-8 with BOM)."""

from __future__ import annotations

import logging
from datetime import timezone
from pathlib import Path

from copilot.base.errors import InputError
from copilot.base.spreadsheet import fill_sheet, write_csv
from copilot.orders.schema import ALLOCATED
from copilot.orders.summary import LedgerReader, pick_list, pickup_slips

log = logging.getLogger(__name__)
FORMATS = ("xlsx", "csv")
ORDER_HEAD = ["编号", "买家", "链接", "商品", "数量", "单位", "单价", "金额", "状态", "备注", "评论", "评论时间(秒)", "下单时间"]
PICK_HEAD = ["链接", "商品", "买家", "数量", "单位"]
SLIP_HEAD = ["买家", "商品", "数量", "单位", "单价", "金额", "取货时间", "状态"]
MONEY_COLS = {"单价", "金额"}


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
        for buyer, qty in prod["lines"]:
            rows.append([prod["link"], prod["name"], buyer, qty, prod["unit"]])
        subtotals.append(len(rows))
        rows.append([prod["link"], f"{prod['name']} 小计", f"{len(prod['lines'])} 人", prod["total"], prod["unit"]])
    return rows, subtotals


def slip_rows(ledger: LedgerReader) -> tuple[list[list], list[int], list]:
    rows, subtotals, grand = [], [], 0.0
    for slip in pickup_slips(ledger):
        for it in slip["items"]:
            rows.append([slip["buyer"], it.name, it.qty, it.unit, it.unit_price, it.amount, slip["pickup"], slip["status"]])
        subtotals.append(len(rows))
        rows.append([slip["buyer"], "小计", "", "", None, slip["total"], slip["pickup"], slip["status"]])
        grand += slip["total"]
    return rows, subtotals, ["合计", f"{len(subtotals)} 位买家", "", "", None, round(grand, 2), "", ""]


def export_ledger(ledger: LedgerReader, out_dir: Path, fmt: str = "xlsx") -> list[Path]:
    """Write the stream's orders, pick list and pickup slips; returns the files written."""
    fmt = (fmt or "").lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(f"不支持的导出格式「{fmt}」", hint="可选 xlsx 或 csv")
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"无法创建导出目录 {out_dir}：{exc.strerror}", hint="换一个可写的目录") from None
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
               formats={**{c: "0.00" for c in MONEY_COLS}, "数量": "0.###"})
