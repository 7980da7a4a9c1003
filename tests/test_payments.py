"""Payments of a 场次: per-buyer totals that reconcile with the ledger, the unpaid list and its reminder,
and bulk paid from a pasted list or a CSV, previewed before anything changes, applied as one undoable
action, refused whole when the ledger moved since the preview."""

from __future__ import annotations

import json

import pytest
from counter_data import generated_pairs
from typer.testing import CliRunner

from copilot.base.comments import Comment
from copilot.base.errors import InputError, LedgerError
from copilot.cli import app
from copilot.orders.buyers import stream_buyers
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.payments import (
    AMBIGUOUS,
    NOT_FOUND,
    NOTHING_DUE,
    OK,
    OVER,
    REPEATED,
    SHORT,
    apply_payments,
    buyer_totals,
    parse_payments,
    preview_payments,
    read_payment_file,
    unpaid,
    unpaid_reminder,
)
from copilot.orders.schema import ALLOCATED, PAID, RESERVED

runner = CliRunner()


def order(ledger, cid, user, sku, qty=1, *, uid=None):
    return ledger.apply(Comment(cid, user, f"{sku}{qty}", user_id=uid), Intent(Kind.ORDER, (Item(sku, qty),)))


@pytest.fixture
def shop(ledger):
    order(ledger, "c1", "王阿姨", "strawberry", 2)   # 39.8
    order(ledger, "c2", "王阿姨", "rice", 1)         # 59 -> 98.8
    order(ledger, "c3", "李叔", "pork", 1)           # 29.8
    order(ledger, "c4", "小雨", "eggs", 1, uid="a")  # 32.8 ... two viewers called 小雨
    order(ledger, "c5", "小雨", "tofu", 2, uid="b")
    order(ledger, "c6", "张三", "milk", 1)
    ledger.mark_paid([ln.id for ln in ledger.lines(buyer="张三")])
    return ledger


def statuses(ledger, name):
    return {ln.status for ln in ledger.lines(buyer=name)}


# -- reading the list ----------------------------------------------------------------------------------

def test_pasted_lists_as_people_write_them():
    text = "王阿姨 98.8\n李叔：29.8元\n\n3. 小雨，¥12\n张 三 16.8\n2号 59\nLucky小雨2 30"
    rows = [(e.row, e.name, e.amount) for e in parse_payments(text)]
    assert rows == [(1, "王阿姨", 98.8), (2, "李叔", 29.8), (4, "小雨", 12.0), (5, "张 三", 16.8), (6, "2号", 59.0),
                    (7, "Lucky小雨2", 30.0)]


def test_a_csv_with_a_header(tmp_path):
    rows = parse_payments("\ufeff序号,昵称,金额,备注\n1,王阿姨,98.80,微信\n2,\"李,叔\",¥29.8,\n")
    assert [(e.row, e.name, e.amount) for e in rows] == [(2, "王阿姨", 98.8), (3, "李,叔", 29.8)]
    path = tmp_path / "付款.csv"
    path.write_bytes("昵称,金额\n王阿姨,98.8\n".encode("gb18030"))  # as Excel on Chinese Windows saves it
    assert [(e.name, e.amount) for e in read_payment_file(path)] == [("王阿姨", 98.8)]


@pytest.mark.parametrize("text, needle", [
    ("", "没有付款记录"), ("王阿姨\n", "第 1 行"), ("王阿姨 98.8\n李叔 abc", "第 2 行"), ("王阿姨 0", "金额"),
    ("王阿姨 1.234", "第 1 行"), ("昵称,金额\n王阿姨,-5", "第 2 行的金额"), ("昵称,金额\n,5", "没有昵称"),
])
def test_bad_lists_are_refused_whole_with_the_row(text, needle):
    with pytest.raises(InputError, match=needle):
        parse_payments(text)


# -- preview and apply -------------------------------------------------------------------------------

def test_preview_matches_and_changes_nothing(shop):
    pv = preview_payments(shop, parse_payments("王阿姨 98.8\n李叔 20\n小雨 32.8\n不认识 5\n张三 16.8\n"
                                               "3号 99\n王阿姨 98.8"))
    got = [(r.entry.name, r.status, r.buyer.pickup_no if r.buyer else None) for r in pv.rows]
    assert got == [("王阿姨", OK, 1), ("李叔", SHORT, 2), ("小雨", AMBIGUOUS, None), ("不认识", NOT_FOUND, None),
                   ("张三", NOTHING_DUE, 5), ("3号", OVER, 3), ("王阿姨", REPEATED, 1)]
    assert pv.rows[1].message == "金额少于应付（应付 29.8 元）"
    assert [r.line_ids for r in pv.rows if r.line_ids] == [[1, 2]]
    assert pv.total == 98.8 and len(pv.to_apply) == 1
    assert {ln.status for ln in shop.lines()} == {RESERVED, PAID} and len(shop.lines(status=PAID)) == 1


def test_apply_marks_exactly_the_preview_as_one_undoable_action(shop):
    pv = preview_payments(shop, parse_payments("王阿姨 98.8\n2号 29.8\n小雨 5"))
    message, action = apply_payments(shop, pv, actor="小王")
    assert message == "已标记付款：2 位买家，共 128.6 元" and action
    assert statuses(shop, "王阿姨") == {PAID} and statuses(shop, "李叔") == {PAID}
    assert statuses(shop, "小雨") == {RESERVED}
    assert "批量收款 2 位买家" in shop.undo(actor="小王")
    assert statuses(shop, "王阿姨") == {RESERVED} and statuses(shop, "李叔") == {RESERVED}


def test_apply_refuses_whole_when_the_ledger_moved(shop):
    pv = preview_payments(shop, parse_payments("王阿姨 98.8\n李叔 29.8"))
    order(shop, "c9", "李叔", "apple", 1)  # a new line for 李叔 after the preview
    with pytest.raises(LedgerError, match="预览之后.*李叔"):
        apply_payments(shop, pv, actor="小王")
    assert statuses(shop, "王阿姨") == {RESERVED}  # nothing marked, not even the rows before
    pv = preview_payments(shop, parse_payments("王阿姨 98.8"))
    shop.mark_paid([shop.lines(buyer="王阿姨")[0].id])
    with pytest.raises(LedgerError, match="重新预览"):
        apply_payments(shop, pv)


def test_nothing_certain_means_nothing_to_apply(shop):
    pv = preview_payments(shop, parse_payments("王阿姨 10"))
    assert apply_payments(shop, pv) == ("没有可以标记的付款（金额对得上的买家才会标记）", None)


def test_unpaid_list_and_reminder(shop):
    buyers = stream_buyers(shop)
    assert [(b.pickup_no, b.buyer, b.due) for b in unpaid(buyers)] == [
        (1, "王阿姨", 98.8), (2, "李叔", 29.8), (3, "小雨", 32.8), (4, "小雨", 9.0)]
    text = unpaid_reminder(shop, buyers)
    assert text.startswith("【巷口优选】付款提醒：11月22日（周日）直播的订单")
    assert "1号 @王阿姨 98.8元" in text and "张三" not in text and "微信、支付宝都可以" in text
    assert "11月23日（周一）15:00-20:00" in text
    assert buyer_totals(buyers) == {"buyers": 5, "amount": 184.3, "paid": 13.9, "due": 170.4, "unpaid_buyers": 4}


def test_totals_reconcile_with_the_ledger_on_a_generated_stream(ledger):
    pairs, _ = generated_pairs(ledger.catalog, buyers=120, orders=1500, seed=5)
    ledger.ingest(pairs)
    lines = ledger.lines(status=RESERVED)
    ledger.mark_paid([ln.id for ln in lines[::2]])
    buyers = stream_buyers(ledger)
    held = [ln for ln in ledger.lines() if ln.status in ALLOCATED]
    t = buyer_totals(buyers)
    assert t["amount"] == round(sum(ln.amount for ln in held), 2)
    assert t["due"] == round(sum(ln.amount for ln in held if ln.status == RESERVED), 2)
    # pay everyone who owes, exactly, from a pasted list by pickup number: everyone is then paid
    text = "\n".join(f"{b.pickup_no}号 {b.due}" for b in unpaid(buyers))
    pv = preview_payments(ledger, parse_payments(text), buyers)
    assert len(pv.to_apply) == len(unpaid(buyers)) and pv.total == t["due"]
    apply_payments(ledger, pv, actor="对账")
    assert ledger.lines(status=RESERVED) == [] and buyer_totals(stream_buyers(ledger))["paid"] == t["amount"]


# -- the command line ---------------------------------------------------------------------------------

@pytest.fixture
def env(ledger_url, data_dir):
    return {"COPILOT_DATABASE_URL": ledger_url, "COPILOT_HOME": str(data_dir), "COPILOT_STREAM": "2026-11-22"}


def _run(args, env, stdin=None):
    result = runner.invoke(app, args, env=env, input=stdin)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def test_cli_import_previews_then_applies(shop, env, tmp_path):
    path = tmp_path / "pay.csv"
    path.write_text("昵称,金额\n王阿姨,98.8\n李叔,1\n", encoding="utf-8")
    preview = json.loads(_run(["payments", "import", str(path), "--json"], env))
    assert preview["apply"] == 1 and not preview["applied"] and statuses(shop, "王阿姨") == {RESERVED}
    assert [r["status"] for r in preview["rows"]] == [OK, SHORT]
    done = json.loads(_run(["payments", "import", str(path), "--apply", "--json"], env))
    assert done["applied"] and done["action_id"] and statuses(shop, "王阿姨") == {PAID}
    owing = json.loads(_run(["payments", "unpaid", "--json"], env))
    assert [b["buyer"] for b in owing["buyers"]] == ["李叔", "小雨", "小雨"] and "2号 @李叔" in owing["reminder"]
    totals = json.loads(_run(["payments", "totals", "--json"], env))
    assert totals["amount"] == 184.3 and len(totals["per_buyer"]) == 5
    assert "将标记已付款" in _run(["payments", "import"], env, stdin="3号 32.8\n")
