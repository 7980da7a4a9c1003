"""The 团购台账 table a store owner can use: newest lines first, a page at a time through hundreds of
lines, search by buyer; and the workspaces' view functions (团购台账 buyers and payments, 取货台)."""

from __future__ import annotations

import pytest

from copilot.base.comments import Comment
from copilot.base.errors import InputError
from copilot.orders.browse import page_lines
from copilot.orders.intent import Intent, Item, Kind
from copilot.ui.context import AppContext


def order(ledger, cid, user, sku="apple", qty=1, text=None):
    ledger.apply(Comment(cid, user, text or f"{sku}{qty}"), Intent(Kind.ORDER, (Item(sku, qty),)))


@pytest.fixture
def many(ledger):
    pairs = [(Comment(f"c{i}", f"买家{i % 37}" if i % 10 else "Lucky_50%", f"苹果{i}"),
              Intent(Kind.ORDER, (Item("apple", 1),))) for i in range(1, 321)]
    ledger.ingest(pairs)
    return ledger


def test_pages_newest_first(many):
    first = page_lines(many, page=1, size=50)
    assert (first.page, first.pages, first.total) == (1, 7, 320)
    assert [ln.id for ln in first.lines] == list(range(320, 270, -1))
    last = page_lines(many, page=7, size=50)
    assert [ln.id for ln in last.lines] == list(range(20, 0, -1))
    assert page_lines(many, page=99, size=50).page == 7 and page_lines(many, page=0, size=50).page == 1
    assert first.caption() == "第 1/7 页 · 共 320 行（最新的在前）"


def test_search_by_any_part_of_the_nickname(many):
    assert page_lines(many, buyer="买家3", size=500).total == sum(
        1 for i in range(1, 321) if i % 10 and str(i % 37).startswith("3"))
    lucky = page_lines(many, buyer="lucky_50%", size=500)  # case-insensitive; % and _ are plain characters
    assert lucky.total == 32 and {ln.buyer for ln in lucky.lines} == {"Lucky_50%"}
    assert page_lines(many, buyer="50%", size=500).total == 32
    assert page_lines(many, buyer="%", size=500).total == 32
    assert page_lines(many, buyer="name:买家1", size=500).total == sum(1 for i in range(1, 321) if i % 10 and i % 37 == 1)
    assert page_lines(many, buyer="没有这个人").caption() == "没有符合条件的订单"


def test_filters_combine(many):
    many.mark_paid([ln.id for ln in page_lines(many, buyer="买家2", size=500).lines])
    paid = page_lines(many, status="paid", buyer="买家2", size=500)
    assert paid.total and all(ln.status == "paid" for ln in paid.lines)
    assert page_lines(many, sku="rice").total == 0
    with pytest.raises(InputError, match="未知的订单状态"):
        page_lines(many, status="gone")


# -- the workspaces' views ---------------------------------------------------------------------------

@pytest.fixture
def ctx(settings, ledger_url, monkeypatch):
    monkeypatch.setenv("COPILOT_DATABASE_URL", ledger_url)
    c = AppContext(settings.model_copy(update={"database_url": ledger_url}), stream="2026-11-22")
    order(c.ledger, "c1", "王阿姨", "strawberry", 2, text="草莓2斤 尾号6789")
    order(c.ledger, "c2", "李叔", "rice", 1, text="大米 3栋502")
    return c


def test_ledger_views_page_and_buyers(ctx):
    from copilot.ui.ledger import buyer_views, page_view, preview_rows

    rows, caption, page = page_view(ctx.ledger, "", "", "", 5)
    assert [r[1] for r in rows] == ["李叔", "王阿姨"] and page == 1 and "共 2 行" in caption
    table, summary, owing, text = buyer_views(ctx.ledger)
    assert table[0][:4] == [1, "王阿姨", "6789", ""] and table[1][3] == "3栋502"
    assert summary.startswith("2 位买家 · 金额 98.8 元") and [r[1] for r in owing] == ["王阿姨", "李叔"]
    assert "1号 @王阿姨 39.8元" in text
    from copilot.orders.payments import parse_payments, preview_payments

    pv = preview_payments(ctx.ledger, parse_payments("李叔 59\n谁 1"))
    assert preview_rows(pv) == [[1, "李叔", 59.0, "2号 李叔", 59.0, "将标记已付款"],
                                [2, "谁", 1.0, "", "", "找不到这位买家"]]


def test_pickup_workspace_follows_the_counter(ctx):
    import gradio as gr

    from copilot.ui import WhileShown
    from copilot.ui import pickup as pickup_ui

    with gr.Blocks():
        (refresh,) = [x for x in pickup_ui.build(ctx) if isinstance(x, WhileShown)]
    head, results, pending, reminder, digest = refresh.fn("2026-11-22", "", None, None)
    assert "11月23日（周一）15:00-20:00" in head and "待取 **2** 位" in head
    assert [r[:2] for r in results] == [[1, "王阿姨"], [2, "李叔"]] and len(pending) == 2
    assert "1号 @王阿姨、2号 @李叔" in reminder
    *same, again = refresh.fn("2026-11-22", "", None, digest)
    assert all(isinstance(x, type(gr.skip())) for x in (*same, again))  # the digest too stays as it is
    head, results, *_ = refresh.fn("2026-11-22", "6789", None, digest)
    assert [r[1] for r in results] == ["王阿姨"]
    head, results, pending, *_ = refresh.fn("2026-11-21", "", None, digest)  # another 场次: its own buyers
    assert "场次 2026-11-21" in head and results == [] and pending == []


def test_pickup_detail_says_what_to_collect(ctx):
    from copilot.orders.pickup import PickupDesk
    from copilot.ui.pickup import detail_md

    wang = PickupDesk(ctx.ledger).resolve("6789")
    md = detail_md(wang, ctx.catalog)
    assert md.startswith("## 1号 王阿姨") and "尾号 6789" in md and "**现场收款 39.8 元**" in md
    assert "| 丹东九九草莓 | 2斤 | 39.8 | 待取（未付） |" in md


def test_ledger_purchase_view(ctx):
    from copilot.orders.counter import save_on_hand
    from copilot.ui.ledger import purchase_views

    rows, summary, messages = purchase_views(ctx.ledger, "无")
    assert rows == [["孙家草莓合作社", "丹东九九草莓", "斤", 2.0, 0.0, 0.0, 2.0],
                    ["刘家种植合作社", "五常稻花香大米", "袋", 1.0, 0.0, 0.0, 1.0]]
    assert summary.startswith("不截单 · 2 个供货商要订货") and "【刘家种植合作社】" in messages
    save_on_hand(ctx.ledger.engine, ctx.ledger.stream, {"rice": 1})
    rows, summary, messages = purchase_views(ctx.ledger, "无")
    assert rows[1][5:] == [1.0, 0.0] and "刘家种植合作社" not in messages
    with pytest.raises(Exception, match="截单时间"):
        purchase_views(ctx.ledger, "晚上")
