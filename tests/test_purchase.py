"""采购单 (以销定采): demand per product and supplier (reserved + paid + waitlisted - stock on hand), the
cut-off, the message for each supplier and the xlsx, on SQLite and (in CI) PostgreSQL."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timezone

import pytest
from counter_data import generated_pairs
from openpyxl import load_workbook
from sqlalchemy import update
from typer.testing import CliRunner

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment
from copilot.base.db import writing
from copilot.base.errors import InputError
from copilot.base.products import Store
from copilot.cli import app
from copilot.orders.counter import save_on_hand
from copilot.orders.exports import export_purchase
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.ledger import Ledger
from copilot.orders.purchase import NO_SUPPLIER, parse_on_hand, purchase_plan, resolve_cutoff, supplier_message
from copilot.orders.schema import PAID, RESERVED, WAITLIST, order_lines

runner = CliRunner()
STREAM = "2026-11-22"


def order(ledger, cid, user, sku, qty=1):
    return ledger.apply(Comment(cid, user, f"{sku}{qty}"), Intent(Kind.ORDER, (Item(sku, qty),)))


def created_at(ledger, line_ids, when: datetime) -> None:
    """Pretend the lines were ordered at ``when`` (local time)."""
    with writing(ledger.engine) as conn:
        conn.execute(update(order_lines).where(order_lines.c.id.in_(line_ids))
                     .values(created_at=when.astimezone(timezone.utc)))


def local(h, m=0, day=22):
    return datetime(2026, 11, day, h, m).astimezone()


@pytest.fixture
def sold(ledger):
    order(ledger, "c1", "王阿姨", "strawberry", 2)
    order(ledger, "c2", "李叔", "strawberry", 3)
    order(ledger, "c3", "李叔", "chicken", 1)
    order(ledger, "c4", "张三", "eggs", 2)
    order(ledger, "c5", "赵", "eggs", 1)
    ledger.set_stock("bass", 1)
    order(ledger, "c6", "孙", "bass", 1)
    order(ledger, "c7", "钱", "bass", 2)  # waitlisted: bought too
    order(ledger, "c8", "周", "rice", 2)
    ledger.mark_paid([ln.id for ln in ledger.lines(buyer="张三")])
    ledger.mark_picked_up([ln.id for ln in ledger.lines(buyer="周")])  # handed over: not bought again
    ledger.apply(Comment("c9", "吴", "??"), Intent(Kind.ORDER, (), needs_review=True, reason="商品不明"))
    created_at(ledger, [ln.id for ln in ledger.lines()], local(20, 30))
    return ledger


def test_demand_per_product_and_supplier(sold):
    plan = purchase_plan(sold)
    assert plan.cutoff == local(22) and plan.late_lines == 0 and plan.review_lines == 1
    items = {i.sku: (i.ordered, i.waitlist, i.on_hand, i.qty, i.buyers) for i in plan.items}
    assert items == {"strawberry": (5, 0, 0, 5, 2), "chicken": (1, 0, 0, 1, 1), "eggs": (3, 0, 0, 3, 2),
                     "bass": (1, 2, 0, 3, 2)}  # rice was picked up already
    by_supplier = {s.supplier: [(i.sku, i.qty) for i in s.items] for s in plan.suppliers}
    assert by_supplier == {"孙家草莓合作社": [("strawberry", 5)], "梁家鱼塘": [("bass", 3)],
                           "汤家湾老汤": [("chicken", 1), ("eggs", 3)]}
    assert plan.to_dict()["suppliers"][0] == {"supplier": "孙家草莓合作社", "items": [
        {"sku": "strawberry", "name": "丹东九九草莓", "qty": 5, "unit": "斤", "ordered": 5, "waitlist": 0,
         "on_hand": 0, "buyers": 2}]}


def test_stock_on_hand_is_taken_off_and_never_below_zero(sold):
    save_on_hand(sold.engine, STREAM, {"strawberry": 2, "eggs": 10}, actor="店主")
    plan = purchase_plan(sold, on_hand={"bass": 1})
    items = {i.sku: i for i in plan.items}
    assert (items["strawberry"].qty, items["eggs"].qty, items["bass"].qty) == (3, 0, 2)
    assert [i.sku for s in plan.suppliers for i in s.items] == ["strawberry", "bass", "chicken"]  # by supplier
    assert purchase_plan(sold).items[0].on_hand == 2  # saved for the 场次; the override was for one list


def test_the_cut_off(sold, catalog):
    late = order(sold, "c10", "郑", "strawberry", 4).created
    created_at(sold, [ln.id for ln in late], local(22, 30))
    plan = purchase_plan(sold)
    assert plan.late_lines == 1 and {i.sku: i.qty for i in plan.items}["strawberry"] == 5
    assert {i.sku: i.qty for i in purchase_plan(sold, cutoff="23:00").items}["strawberry"] == 9
    assert purchase_plan(sold, cutoff="无").cutoff is None
    day = datetime(2026, 11, 22).date()
    assert resolve_cutoff(catalog.store, day, "01:30") == local(1, 30, day=23)  # after midnight: next morning
    assert resolve_cutoff(catalog.store, day, "2026-11-21 18:00") == local(18, day=21)
    assert resolve_cutoff(Store(), day, None) is None  # no order_cutoff in the store: no cut-off
    for bad in ("晚上", "25:00", "2026-13-01 10:00"):
        with pytest.raises(InputError, match="截单时间"):
            resolve_cutoff(catalog.store, day, bad)


def test_pre_orders_before_the_stream_and_live_orders_after(ledger):
    """Built in the afternoon from the 接龙 pre-orders, then again after the stream with its orders."""
    for i, name in enumerate(["王阿姨", "李叔", "张三"]):
        order(ledger, f"jl{i}", name, "rice", 1)
    created_at(ledger, [ln.id for ln in ledger.lines()], local(14))
    afternoon = purchase_plan(ledger)
    assert [(i.sku, i.qty) for i in afternoon.items] == [("rice", 3)]
    order(ledger, "live1", "赵", "rice", 2)
    order(ledger, "live2", "孙", "mango", 3)
    created_at(ledger, [ln.id for ln in ledger.lines() if ln.comment_id.startswith("live")], local(21))
    evening = purchase_plan(ledger)
    assert [(i.sku, i.qty) for i in evening.items] == [("rice", 5), ("mango", 3)]


def test_messages_for_the_suppliers(sold):
    plan = purchase_plan(sold)
    text = {o.supplier: supplier_message(plan, o) for o in plan.suppliers}["汤家湾老汤"]
    assert text.splitlines() == [
        "汤家湾老汤您好，我是巷口优选，这次要货（截至 11月22日 22:00 的订单）：",
        "1. 大别山散养土鸡 1只", "2. 散养土鸡蛋 3盒",
        "请在 11月23日（周一）15:00 前送到和平路 18 号巷口，谢谢！"]


def _odd_store_plan(ledger_url):
    """A product without a supplier, and a name and a supplier a spreadsheet would run as formulas."""
    catalog = Catalog.from_dict({"store": {"name": "测试店"}, "products": [
        {"sku": "a", "name": "苹果", "link": 1, "unit": "斤", "price": 5, "stock": 100},
        {"sku": "b", "name": "=CMD()", "link": 2, "unit": "斤", "price": 5, "stock": 100, "supplier": "@老王"}]})
    ledger = Ledger(ledger_url, catalog, "t1")
    order(ledger, "1", "甲", "a", 2)
    order(ledger, "2", "乙", "b", 1)
    return purchase_plan(ledger, cutoff="无")


def test_products_without_a_supplier_come_last(ledger_url):
    plan = _odd_store_plan(ledger_url)
    assert [s.supplier for s in plan.suppliers] == ["@老王", NO_SUPPLIER]
    assert supplier_message(plan, plan.suppliers[1]).startswith("我是测试店，这次要货：")


def test_xlsx_has_the_list_and_the_messages_with_safe_cells(ledger_url, tmp_path):
    plan = _odd_store_plan(ledger_url)
    path = export_purchase(plan, tmp_path / "out")
    wb = load_workbook(path)
    assert path.name == "purchase-t1.xlsx" and wb.sheetnames == ["采购单", "发给供货商"]
    rows = list(wb["采购单"].iter_rows(values_only=True))
    assert rows[0] == ("供货商", "链接", "商品", "单位", "已订", "候补", "店里现有", "需采购", "买家数")
    assert rows[1] == ("'@老王", 2, "'=CMD()", "斤", 1, 0, 0, 1, 1)  # text, never a formula
    assert rows[2][0] == NO_SUPPLIER and rows[2][7] == 2
    assert rows[-1][1] == "未设截单时间"
    messages = list(wb["发给供货商"].iter_rows(min_row=2, values_only=True))
    assert messages[0][0] == "'@老王" and "=CMD() 1斤" in messages[0][1]


def test_on_hand_from_the_command_line(catalog):
    assert parse_on_hand(["strawberry=10", "大米＝3"], catalog) == {"strawberry": 10, "rice": 3}
    for bad in (["草莓"], ["榴莲=1"], ["草莓=-1"], ["草莓=很多"]):
        with pytest.raises(InputError):
            parse_on_hand(bad, catalog)


def test_a_generated_stream_reconciles_with_the_ledger(ledger):
    pairs, _ = generated_pairs(ledger.catalog, buyers=150, orders=2000, seed=3)
    ledger.ingest(pairs)
    ledger.mark_paid([ln.id for ln in ledger.lines(status=RESERVED)[::3]])
    plan = purchase_plan(ledger, cutoff="无")
    want: dict[str, float] = defaultdict(float)
    for ln in ledger.lines(status=(RESERVED, PAID, WAITLIST)):
        want[ln.sku] += ln.qty
    assert {i.sku: i.qty for i in plan.items} == {k: round(v, 3) for k, v in want.items()}
    listed = {i.sku: i.qty for s in plan.suppliers for i in s.items}
    assert listed == {k: round(v, 3) for k, v in want.items() if v > 0}


# -- the command line ------------------------------------------------------------------------------

def test_cli_purchase(sold, ledger_url, data_dir, tmp_path):
    env = {"COPILOT_DATABASE_URL": ledger_url, "COPILOT_HOME": str(data_dir)}
    result = runner.invoke(app, ["purchase", "--stream", STREAM, "--json"], env=env)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["suppliers"][0]["supplier"] == "孙家草莓合作社"
    assert {"sku", "qty", "unit"} <= set(out["suppliers"][0]["items"][0]) and out["files"] == []
    assert "汤家湾老汤您好" in out["messages"][2]["text"]
    result = runner.invoke(app, ["purchase", "--stream", STREAM, "--format", "xlsx", "--out", str(tmp_path),
                                 "--on-hand", "草莓=5", "--json"], env=env)
    out = json.loads(result.output)
    xlsx = tmp_path / f"purchase-{STREAM}.xlsx"
    assert out["files"] == [str(xlsx)] and xlsx.exists()
    assert "孙家草莓合作社" not in [s["supplier"] for s in out["suppliers"]]  # 5 on hand cover the 5 sold
    human = runner.invoke(app, ["purchase", "--stream", STREAM], env=env).output
    assert "== 梁家鱼塘 ==" in human and "1. 鲜活鲈鱼 3条" in human
