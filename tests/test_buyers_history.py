"""Buyers over time: per-buyer history across 场次 (orders, amount, pickup rate), tiers 新客 / 回头客 /
沉睡 (more than 30 days), the repeat share per stream, the export and the ``copilot buyers`` commands."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from month import ledger_clock
from typer.testing import CliRunner

from copilot.base.comments import Comment
from copilot.base.errors import InputError
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.ledger import Ledger
from copilot.report.buyers import DORMANT, NEW, REPEAT, buyers_history, find_buyer, repeat_by_stream, tier_counts

DAY1 = datetime(2026, 10, 1, 11, tzinfo=timezone.utc)
DAY2 = DAY1 + timedelta(days=20)
DAY3 = DAY1 + timedelta(days=40)


def _order(led, cid, user, uid, sku, qty, ts=10.0):
    return led.apply(Comment(cid, user, "扣", ts=ts, current_sku=sku, user_id=uid), Intent(Kind.ORDER, (Item(sku, qty),)))


@pytest.fixture
def three_evenings(ledger_url, catalog):
    """王阿姨 buys on all three evenings, 李姐 on the first only, 小张 on the last only, and a second
    王阿姨 (another viewer id) once; 赵叔 orders and cancels."""
    now = [DAY1]
    with ledger_clock(now):
        a = Ledger(ledger_url, catalog, "d1")
        r1 = _order(a, "1", "王阿姨", "w", "mango", 2)   # 2 x mango
        _order(a, "2", "李姐", "l", "rice", 1)
        x = _order(a, "3", "赵叔", "z", "pork", 1)
        a.cancel_line(x.created[0].id)
        a.mark_paid([r1.created[0].id])
        a.mark_picked_up([r1.created[0].id])
        now[0] = DAY2
        b = Ledger(ledger_url, catalog, "d2")
        _order(b, "1", "王阿姨", "w", "strawberry", 3)   # 3 x strawberry
        _order(b, "2", "王阿姨", "w2", "rice", 1)         # the other 王阿姨
        now[0] = DAY3
        c = Ledger(ledger_url, catalog, "d3")
        r3 = _order(c, "1", "王阿姨", "w", "rice", 2)     # 2 x rice
        _order(c, "2", "小张", "s", "mango", 1)
        c.mark_picked_up([r3.created[0].id])
    return ledger_url


def test_history_tiers_and_pickup_rate(three_evenings, catalog):
    people = {b.key: b for b in buyers_history(three_evenings, as_of=DAY3 + timedelta(days=1))}
    assert set(people) == {"id:w", "id:l", "id:w2", "id:s"}  # 赵叔 cancelled everything: not a buyer
    wang = people["id:w"]
    assert (wang.streams, wang.orders, wang.picked_up) == (3, 3, 2)
    price = {p.sku: p.price for p in catalog.products}
    assert wang.amount == round(2 * price["mango"] + 3 * price["strawberry"] + 2 * price["rice"], 2)
    assert wang.pickup_rate == round(100 * 2 / 3, 1)
    assert [h.stream for h in wang.history] == ["d1", "d2", "d3"]
    assert wang.tier == REPEAT
    assert people["id:l"].tier == DORMANT       # last bought 41 days ago
    assert people["id:w2"].tier == NEW          # once, 21 days ago
    assert people["id:s"].tier == NEW
    assert tier_counts(list(people.values())) == {NEW: 2, REPEAT: 1, DORMANT: 1}


def test_dormant_is_more_than_thirty_days(three_evenings):
    day30 = {b.key: b.tier for b in buyers_history(three_evenings, as_of=DAY2 + timedelta(days=30))}
    day31 = {b.key: b.tier for b in buyers_history(three_evenings, as_of=DAY3 + timedelta(days=31))}
    assert day30["id:w2"] == NEW and day31["id:w2"] == DORMANT and day31["id:w"] == DORMANT


def test_repeat_share_per_stream(three_evenings):
    got = [(h.stream, h.buyers, h.repeat, h.share) for h in repeat_by_stream(three_evenings)]
    assert got == [("d1", 2, 0, 0.0), ("d2", 2, 1, 50.0), ("d3", 2, 1, 50.0)]


def test_find_buyer_by_key_name_or_part(three_evenings):
    people = buyers_history(three_evenings)
    assert find_buyer(people, "id:w2").key == "id:w2"
    assert find_buyer(people, "小张").key == "id:s"
    with pytest.raises(InputError, match="有 2 位买家"):
        find_buyer(people, "王阿姨")
    with pytest.raises(InputError, match="没有找到买家"):
        find_buyer(people, "钱多多")


def test_cli_buyers_list_show_and_export(three_evenings, settings, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATABASE_URL", three_evenings)
    runner = CliRunner()
    out = runner.invoke(app, ["buyers", "list", "--json", "--out", str(tmp_path / "买家.xlsx")])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert len(data["buyers"]) == 4 and data["buyers"][0]["key"] == "id:w"
    assert sum(data["tiers"].values()) == 4
    ws = load_workbook(data["files"][0])["买家"]
    assert ws["A2"].value == "王阿姨" and ws.max_row == 5
    shown = json.loads(runner.invoke(app, ["buyers", "show", "id:w", "--json"]).output)
    assert [h["stream"] for h in shown["history"]] == ["d1", "d2", "d3"] and shown["orders"] == 3
    human = runner.invoke(app, ["buyers", "show", "小张"])
    assert "小张" in human.output and "d3" in human.output
    only = json.loads(runner.invoke(app, ["buyers", "list", "--tier", "回头客", "--json"]).output)
    assert [b["key"] for b in only["buyers"]] == ["id:w"]
    with pytest.raises(InputError):
        runner.invoke(app, ["buyers", "list", "--tier", "VIP"], catch_exceptions=False)
