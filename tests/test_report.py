"""复盘 per 场次 on a generated month (20 streams, 300 buyers, 5,000 orders booked through the real
ledger): every number reconciles exactly with the ledger's own rows and summaries; the exports are
self-contained and safe to open in a spreadsheet; the command line writes both files."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

import pytest
from month import evening, make_month
from sqlalchemy import func, select
from typer.testing import CliRunner

from copilot.base.db import reading
from copilot.base.errors import InputError
from copilot.live.events import QUESTION, SWITCH, EventLog
from copilot.orders.ledger import Ledger
from copilot.orders.schema import ALLOCATED, CANCELLED, WAITLIST, comments, order_lines
from copilot.orders.summary import stock_summary
from copilot.report.buyers import buyers_history
from copilot.report.export import report_html, safe_cell, write_report
from copilot.report.review import build_report


@pytest.fixture(scope="module")
def month(tmp_path_factory, catalog):
    url = f"sqlite:///{tmp_path_factory.mktemp('month') / 'ledger.db'}"
    streams = make_month(url, catalog, streams=20, buyers=300, orders=5000)
    return url, streams


def test_the_generated_month_is_the_size_asked(month):
    url, streams = month
    from copilot.base.db import make_engine

    with reading(make_engine(url)) as conn:
        lines = conn.execute(select(func.count()).select_from(order_lines).where(
            order_lines.c.comment_id.like("%-o%"))).scalar()
        buyers = conn.execute(select(func.count(func.distinct(order_lines.c.buyer_key)))).scalar()
    assert len(streams) == 20 and lines == 5000 and 250 <= buyers <= 300


@pytest.mark.parametrize("index", [0, 7, 19])
def test_report_reconciles_with_the_ledger(month, catalog, index):
    url, streams = month
    stream = streams[index]
    rep = build_report(url, catalog, stream, clips=False)
    ledger = Ledger(url, catalog, stream)
    lines = ledger.lines()
    summary = {r["sku"]: r for r in stock_summary(ledger)}
    totals = ledger.stock_rows()
    assert rep.revenue == round(sum(ln.amount for ln in lines if ln.status in ALLOCATED), 2)
    assert rep.revenue == round(sum(r["amount"] for r in summary.values()), 2)
    assert rep.orders == sum(1 for ln in lines if ln.sku and ln.status in ALLOCATED)
    assert rep.buyers == len({ln.buyer_key for ln in lines if ln.status in ALLOCATED})
    sold_any = False
    for p in rep.products:
        s = summary[p.sku]
        mine = [ln for ln in lines if ln.sku == p.sku]
        assert p.revenue == s["amount"]
        assert p.qty == round(s["reserved"] + s["paid"] + s["picked_up"], 3)
        assert p.waitlist_qty == s["waitlist"]
        assert p.orders == sum(ln.status in ALLOCATED for ln in mine)
        assert p.waitlist == sum(ln.status == WAITLIST for ln in mine)
        assert p.cancelled == sum(ln.status == CANCELLED for ln in mine)
        assert p.buyers == s["buyers"] or p.buyers >= s["buyers"]  # the summary counts nicknames, we count people
        total = totals[p.sku][0]
        assert p.stock == total
        assert p.sell_through == round(100 * p.qty / total, 1)
        sold_any |= p.sell_through == 100.0 and p.sold_out_min is not None
    assert sold_any, "the month sells something out each evening"
    assert any(p.waitlist for p in rep.products) and any(p.cancelled for p in rep.products)


def test_comments_questions_and_minutes_reconcile(month, catalog):
    url, streams = month
    stream = streams[3]
    rep = build_report(url, catalog, stream, clips=False)
    engine = Ledger(url, catalog, stream).engine
    with reading(engine) as conn:
        rows = list(conn.execute(select(comments.c.ts, comments.c.current_sku).where(comments.c.stream == stream)))
    assert rep.comments == len(rows)
    assert sum(c for _, c, _ in rep.minutes) == len(rows)
    per_sku = Counter(sku for _, sku in rows)
    assert {p.sku: p.comments for p in rep.products if p.comments} == {k: v for k, v in per_sku.items() if k}
    lines = Ledger(url, catalog, stream).lines()
    assert sum(o for _, _, o in rep.minutes) == sum(1 for ln in lines if ln.sku and ln.status != "needs_review")
    asks = EventLog(engine, stream).events(QUESTION)
    by_sku = Counter(e.sku for e in asks)
    for p in rep.products:
        assert p.questions == by_sku.get(p.sku, 0)
        assert p.answered + p.handed_over == p.questions
        assert 0 <= p.unanswered <= p.handed_over
    assert sum(p.answered for p in rep.products) == sum(bool(e.payload["answered"]) for e in asks)


def test_time_presented_follows_the_product_switches(month, catalog):
    url, streams = month
    rep = build_report(url, catalog, streams[5], clips=False)
    engine = Ledger(url, catalog, streams[5]).engine
    switches = EventLog(engine, streams[5]).events(SWITCH)
    presented = {p.sku: p.presented_min for p in rep.products if p.presented_min}
    assert set(presented) == {e.sku for e in switches}
    assert presented[switches[0].sku] == pytest.approx((switches[1].ts - switches[0].ts) / 60, abs=0.05)
    assert [s for _, s, _ in rep.switches] == [e.sku for e in switches]


def test_gaps_are_the_unanswered_questions_most_asked_first(month, catalog):
    url, streams = month
    rep = build_report(url, catalog, streams[2], clips=False)
    engine = Ledger(url, catalog, streams[2]).engine
    groups = defaultdict(int)
    for e in EventLog(engine, streams[2]).events(QUESTION):
        if not e.payload["answered"]:
            groups[e.payload["group"]] += 1
    assert len(rep.gaps) == min(20, len(groups)) > 0
    assert [g.asks for g in rep.gaps] == sorted((g.asks for g in rep.gaps), reverse=True)
    assert all(g.sku and g.text for g in rep.gaps)


def test_repeat_share_and_buyers_agree_across_the_month(month, catalog):
    url, streams = month
    reports = [build_report(url, catalog, s, clips=False) for s in streams]
    assert reports[0].repeat_buyers == 0 and reports[-1].repeat_share > 50
    people = buyers_history(url)
    assert round(sum(r.revenue for r in reports), 2) == round(sum(b.amount for b in people), 2)
    assert sum(r.orders for r in reports) == sum(b.orders for b in people)


def test_exports_are_self_contained_and_match_the_report(month, catalog, tmp_path):
    from openpyxl import load_workbook

    url, streams = month
    rep = build_report(url, catalog, streams[-1], clips=False)
    page, book = write_report(rep, tmp_path)
    text = page.read_text(encoding="utf-8")
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text)
    assert tags and not [t for t in tags if "src=" in t or "href=" in t]  # nothing is fetched when it opens
    assert text.count("Plotly.newPlot") == 3 and 'id="chart-minutes"' in text
    assert len(text) > 1_000_000  # plotly.js itself is inside
    for label in ("每分钟评论和下单", "各商品销售额和售罄率", "知识缺口"):
        assert label in text
    ws = load_workbook(book)["各商品"]
    head = [c.value for c in ws[1]]
    revenue = sum(r[head.index("销售额(元)")] for r in ws.iter_rows(min_row=2, values_only=True))
    assert round(revenue, 2) == rep.revenue


def test_spreadsheet_cells_cannot_run_formulas(ledger_url, catalog, tmp_path):
    from openpyxl import load_workbook

    from copilot.base.comments import Comment
    from copilot.orders.intent import Intent, Item, Kind

    led = Ledger(ledger_url, catalog, "s1")
    led.apply(Comment("c1", "=HYPERLINK(\"x\")", "扣1", ts=5, current_sku="mango"),
              Intent(Kind.ORDER, (Item("mango", 1),)))
    EventLog(led.engine, "s1").record(QUESTION, "mango", 6.0, group=1, text="@SUM(A1)\x07怎么吃",
                                      answered=False, reason="not_in_kb")
    rep = build_report(ledger_url, catalog, "s1", clips=False)
    _, book = write_report(rep, tmp_path, buyers=buyers_history(ledger_url))
    wb = load_workbook(book)
    assert wb["知识缺口"]["B2"].value == "'@SUM(A1)怎么吃"
    assert wb["买家"]["A2"].value.startswith("'=HYPERLINK")
    assert safe_cell("-1+2") == "'-1+2" and safe_cell(3.5) == 3.5 and safe_cell("草莓") == "草莓"


def test_a_stream_without_switches_estimates_time_from_the_comments(ledger_url, catalog):
    from copilot.base.comments import Comment
    from copilot.orders.intent import Intent, Item, Kind

    led = Ledger(ledger_url, catalog, "s2")
    pairs = [(Comment(f"c{i}", f"王{i}", "扣1", ts=i * 20.0, current_sku="mango" if i < 9 else "rice"),
              Intent(Kind.ORDER, (Item("mango" if i < 9 else "rice", 1),))) for i in range(15)]
    led.ingest(pairs)
    rep = build_report(ledger_url, catalog, "s2", clips=False)
    got = {p.sku: p.presented_min for p in rep.products if p.presented_min}
    assert got == {"mango": 3.0, "rice": 2.0}
    assert rep.notices and "估算" in rep.notices[0]
    assert "Plotly.newPlot" in report_html(rep)


def test_unknown_stream_is_a_clear_message(ledger_url, catalog):
    Ledger(ledger_url, catalog, "s3")
    with pytest.raises(InputError, match="没有评论也没有订单"):
        build_report(ledger_url, catalog, "nope", clips=False)


def test_clip_link_of_the_streams_recording(settings, catalog):
    from copilot.base.comments import Comment
    from copilot.media.clips import Clip
    from copilot.media.review import ClipStore
    from copilot.orders.intent import Intent, Item, Kind

    led = Ledger(settings.ledger_url, catalog, "2026-11-22")
    led.apply(Comment("c1", "王", "扣1", ts=5, current_sku="mango"), Intent(Kind.ORDER, (Item("mango", 1),)))
    store = ClipStore(settings, catalog)
    store.add(Clip(source="/rec/2026-11-22.mp4", sku="mango", start=1, end=30, score=0.5, file="/c/mango_a.mp4"))
    store.add(Clip(source="/rec/2026-11-22.mp4", sku="mango", start=40, end=70, score=0.9, file="/c/mango_b.mp4"))
    store.add(Clip(source="/rec/2026-11-22.mp4", sku="rice", start=1, end=30, score=0.9, file="/c/rice.mp4"))
    rep = build_report(settings.ledger_url, catalog, "2026-11-22")
    clips = {p.sku: p.clip for p in rep.products}
    assert clips["mango"] == "/c/mango_b.mp4" and clips["rice"] == "/c/rice.mp4" and clips["pork"] == ""


def test_cli_report_writes_html_and_xlsx(settings, catalog, tmp_path, monkeypatch):
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_KNOWLEDGE", str(settings.knowledge))
    evening(settings.ledger_url, catalog, "2026-11-22", __import__("datetime").datetime(2026, 11, 22, 11),
            __import__("random").Random(1), [(f"u{i}", f"邻居{i}") for i in range(40)], 120, 30)
    out = CliRunner().invoke(app, ["report", "--stream", "2026-11-22", "--out", str(tmp_path), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {f.rsplit(".", 1)[1] for f in data["files"]} == {"html", "xlsx"}
    assert data["revenue"] == build_report(settings.ledger_url, catalog, "2026-11-22", clips=False).revenue
    first = data["products"][0]
    assert {"sku", "orders", "qty", "revenue", "questions", "unanswered"} <= set(first)
    human = CliRunner().invoke(app, ["report", "--stream", "2026-11-22", "--out", str(tmp_path)])
    assert "复盘：销售额" in human.output and "已写出" in human.output


def test_report_workspace_helpers_and_add_to_notes(settings, catalog, tmp_path):
    import shutil

    import gradio as gr

    from copilot.base.settings import BUNDLED_KNOWLEDGE
    from copilot.ui import report as ui_report
    from copilot.ui.context import AppContext

    root = tmp_path / "knowledge"
    shutil.copytree(BUNDLED_KNOWLEDGE, root)
    ctx = AppContext(settings.model_copy(update={"knowledge": root}), stream="2026-11-22")
    led = Ledger(settings.ledger_url, catalog, "2026-11-22")
    from copilot.base.comments import Comment
    from copilot.orders.intent import Intent, Item, Kind

    led.apply(Comment("c1", "王阿姨", "扣2", ts=30, current_sku="mango"), Intent(Kind.ORDER, (Item("mango", 2),)))
    EventLog(led.engine, "2026-11-22").record(QUESTION, "mango", 40.0, group=1, text="芒果有没有打蜡",
                                              answered=False, reason="not_in_kb")
    assert ui_report.streams(ctx) == ["2026-11-22"]
    rep, md, figs, rows, gaps = ui_report.report_view(ctx, "2026-11-22")
    assert "销售额 **25.60 元**" in md and set(figs) == {"minutes", "products", "questions", "repeat"}
    assert gaps == [["海南贵妃芒", "芒果有没有打蜡", 1, "没有回答", "➕ 补进资料"]]
    rel, text = ui_report.note_draft(root, ctx.catalog, "mango", "芒果有没有打蜡")
    assert rel == "notes/mango.md" and text.startswith("# 海南贵妃芒") and text.rstrip().endswith("答：（在这里写上答案，保存后点“重新导入知识库”）")
    assert "## 常见问题\n问：芒果有没有打蜡" in text
    assert text.startswith((root / "notes/mango.md").read_text(encoding="utf-8").rstrip("\n"))  # appended, not rewritten
    (root / "notes/mango.md").write_text(text, encoding="utf-8")  # saved: asking again adds nothing
    assert ui_report.note_draft(root, ctx.catalog, "mango", "芒果有没有打蜡") == (rel, text)
    assert ui_report.note_draft(root, ctx.catalog, None, "几点关门")[0] == "faq.md"
    md, rows, people = ui_report.buyers_view(ctx, "新客")
    assert "共 1 位买家" in md and rows[0][0] == "王阿姨"
    with gr.Blocks():
        items = ui_report.build(ctx)
    assert any(type(i).__name__ == "AfterBuild" for i in items)
