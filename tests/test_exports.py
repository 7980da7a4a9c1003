"""Exports: one xlsx workbook (全部订单, 分拣单, 取货单) or three CSV files in UTF-8 with BOM."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from copilot.base.comments import Comment
from copilot.base.errors import InputError
from copilot.orders.exports import export_ledger
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.summary import stock_summary

STREAM = "2026-11-22"


def _fill(ledger):
    def order(cid, user, sku, qty, note=""):
        return ledger.apply(Comment(cid, user, f"{sku}{qty}", ts=12.5), Intent(Kind.ORDER, (Item(sku, qty),), note=note))

    a = order("c1", "王阿姨", "strawberry", 2).created[0]          # 39.80
    order("c2", "王阿姨", "rice", 1)                                 # 59.00
    b = order("c3", "李姐", "strawberry", 1.5, "大颗的 送到3栋").created[0]  # 29.85
    order("c4", "张叔", "pork", 1)                                   # 29.80, cancelled below
    ledger.apply(Comment("c5", "张叔", "不要了"), Intent(Kind.CANCEL, (Item("pork"),)))
    ledger.apply(Comment("c6", "小周", "??"), Intent(Kind.ORDER, (), needs_review=True, reason="商品不明"))
    ledger.set_stock("bass", 0)
    order("c7", "赵", "bass", 1)                                     # waitlisted
    ledger.mark_paid([b.id])
    return a, b


def test_xlsx_has_three_sheets_with_numbers_and_totals(ledger, tmp_path):
    _fill(ledger)
    (path,) = export_ledger(ledger, tmp_path / "out", "xlsx")
    assert path.name == f"orders-{STREAM}.xlsx"
    wb = load_workbook(path)
    assert wb.sheetnames == ["全部订单", "分拣单", "取货单"]

    ws = wb["全部订单"]
    head = [c.value for c in ws[1]]
    assert head[:9] == ["编号", "买家", "链接", "商品", "数量", "单位", "单价", "金额", "状态"]
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    assert ws.column_dimensions["D"].width >= 14  # fits 丹东九九草莓
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True) if isinstance(r[0], int)}
    assert len(rows) == 6
    first = rows[1]
    assert first[1:8] == ("王阿姨", 1, "丹东九九草莓", 2, "斤", 19.9, 39.8)
    assert first[8] == "已预留"
    assert ws.cell(row=2, column=8).number_format == "0.00"
    assert [r[8] for r in rows.values()] == ["已预留", "已预留", "已付款", "已取消", "待确认", "候补"]
    assert rows[4][7] is None and rows[5][9] == "商品不明"  # cancelled: no amount; review: its reason
    total_row = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "合计"]
    assert total_row and total_row[0][7] == pytest.approx(39.8 + 59 + 29.85)  # only live orders count
    assert ws.cell(row=ws.max_row, column=1).font.bold

    ws = wb["分拣单"]
    body = list(ws.iter_rows(min_row=2, values_only=True))
    assert [c.value for c in ws[1]] == ["链接", "商品", "买家", "数量", "单位", "备注"]
    assert body[0][:5] == (1, "丹东九九草莓", "王阿姨", 2, "斤") and not body[0][5]
    assert body[1] == (1, "丹东九九草莓", "李姐", 1.5, "斤", "大颗的 送到3栋")  # the picker reads what she asked
    assert body[2][1] == "丹东九九草莓 小计" and body[2][3] == 3.5
    assert [r[1] for r in body].count("五常稻花香大米 小计") == 1
    assert all("鲈鱼" not in str(r[1]) and "五花肉" not in str(r[1]) for r in body)  # waitlisted / cancelled

    ws = wb["取货单"]
    assert [c.value for c in ws[1]] == ["取货号", "买家", "手机尾号", "楼号房号", "商品", "数量", "单位", "单价", "金额",
                                        "取货时间", "状态"]
    body = list(ws.iter_rows(min_row=2, values_only=True))
    wang = [r for r in body if r[1] == "王阿姨"]
    assert [r[4] for r in wang] == ["丹东九九草莓", "五常稻花香大米", "小计"]
    assert {r[0] for r in wang} == {1}  # her pickup number, on every row of her block
    assert wang[-1][8] == pytest.approx(98.8) and wang[-1][10] == "待付款"
    assert wang[0][9] == "11月23日（周一）15:00-20:00"  # the real day after 场次 2026-11-22 and the window
    li = [r for r in body if r[1] == "李姐"]
    assert li[-1][8] == pytest.approx(29.85) and li[-1][10] == "已付款" and li[0][0] == 2
    assert body[-1][0] == "合计" and body[-1][8] == pytest.approx(98.8 + 29.85)
    amount_cell = ws.cell(row=2, column=9)
    assert amount_cell.number_format == "0.00" and isinstance(amount_cell.value, float)


def test_csv_files_open_in_excel(ledger, tmp_path):
    _fill(ledger)
    paths = export_ledger(ledger, tmp_path, "csv")
    assert [p.name for p in paths] == [f"orders-{STREAM}.csv", f"picklist-{STREAM}.csv", f"pickup-{STREAM}.csv"]
    for p in paths:
        assert p.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 Chinese correctly
    with paths[0].open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["编号", "买家", "链接", "商品"]
    first = rows[1]
    assert (first[1], first[3], first[4], first[6], first[7], first[8]) == ("王阿姨", "丹东九九草莓", "2", "19.90", "39.80", "已预留")
    assert rows[-1][0] == "合计" and rows[-1][7] == "128.65"
    with paths[1].open(encoding="utf-8-sig", newline="") as f:
        picks = list(csv.reader(f))
    assert picks[1] == ["1", "丹东九九草莓", "王阿姨", "2", "斤", ""] and picks[2][3] == "1.5"
    assert picks[2][5] == "大颗的 送到3栋"
    with paths[2].open(encoding="utf-8-sig", newline="") as f:
        slips = list(csv.reader(f))
    assert slips[0] == ["取货号", "买家", "手机尾号", "楼号房号", "商品", "数量", "单位", "单价", "金额", "取货时间", "状态"]
    assert slips[1][:2] == ["1", "王阿姨"] and slips[1][9] == "11月23日（周一）15:00-20:00"
    assert slips[-1][0] == "合计" and slips[-1][8] == "128.65"


def test_empty_ledger_exports(ledger, tmp_path):
    (path,) = export_ledger(ledger, tmp_path, "XLSX")
    wb = load_workbook(path)
    assert wb["全部订单"].max_row == 2 and wb["全部订单"]["H2"].value == 0  # header + totals
    assert len(export_ledger(ledger, tmp_path, "csv")) == 3


@pytest.mark.parametrize("fmt", ["pdf", "", "xls"])
def test_unknown_format_is_an_input_error(ledger, tmp_path, fmt):
    with pytest.raises(InputError, match="xlsx 或 csv"):
        export_ledger(ledger, tmp_path, fmt)


def test_unwritable_directory_is_an_input_error(ledger, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="无法创建导出目录"):
        export_ledger(ledger, blocker / "sub", "csv")


def test_stock_summary(ledger):
    _fill(ledger)
    rows = {r["sku"]: r for r in stock_summary(ledger)}
    assert len(rows) == 14 and list(rows)[0] == "strawberry"
    s = rows["strawberry"]
    assert (s["total"], s["reserved"], s["paid"], s["remaining"], s["buyers"]) == (50, 2, 1.5, 46.5, 2)
    assert s["amount"] == pytest.approx(69.65)
    assert rows["pork"]["reserved"] == 0 and rows["pork"]["remaining"] == 20
    assert rows["bass"]["waitlist"] == 1 and rows["bass"]["remaining"] == 0
    assert set(s) >= {"sku", "name", "unit", "total", "reserved", "paid", "picked_up", "waitlist", "remaining",
                      "buyers", "amount"}


HOSTILE = ['=HYPERLINK("http://x.example","点我")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_nicknames_and_comments_are_never_formulas(ledger, tmp_path, fmt):
    """OWASP CSV injection: a hostile nickname or comment is written as text, in every sheet and file."""
    for i, name in enumerate(HOSTILE):
        ledger.apply(Comment(f"h{i}", name, name), Intent(Kind.ORDER, (Item("rice", 1),)))
    paths = export_ledger(ledger, tmp_path / "out", fmt)
    cells = []
    for path in paths:
        if fmt == "xlsx":
            wb = load_workbook(path)
            cells += [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        else:
            with path.open(encoding="utf-8-sig", newline="") as f:
                cells += [v for row in csv.reader(f) for v in row]
    hostile = [v for v in cells if any(h.strip() in v for h in HOSTILE)]
    assert len(hostile) >= 2 * len(HOSTILE)  # the nickname and the comment text, at least
    assert all(v.startswith("'") for v in hostile)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_control_characters_do_not_block_the_export(ledger, tmp_path, fmt):
    ledger.apply(Comment("x1", "王\x01阿姨", "扣\x0b1\x00"), Intent(Kind.ORDER, (Item("rice", 1),)))
    paths = export_ledger(ledger, tmp_path / "out", fmt)
    text = "".join(p.read_bytes().decode("latin-1") for p in paths) if fmt == "csv" else ""
    assert "\x01" not in text and "\x0b" not in text
    if fmt == "xlsx":
        values = [c.value for ws in load_workbook(paths[0]) for row in ws.iter_rows() for c in row]
        assert "王阿姨" in values
