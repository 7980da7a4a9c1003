"""The loop back to tonight's plan: proposals from the last stream's data (unmet demand, unanswered
questions with the answers added since, fast sellers), the answers written into the script, and the
draft with its edits autosaved per 场次, with 生成脚本 asking before it replaces edited text."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr
import pytest

from copilot.base.comments import Comment
from copilot.live.events import ANSWERED, QUESTION, SWITCH, EventLog
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.ledger import Ledger
from copilot.plan.autosave import PlanStore
from copilot.plan.draft import draft
from copilot.report.nextplan import suggest


@dataclass
class _Src:
    file: str
    section: str


@dataclass
class _Ans:
    answered: bool
    text: str
    sources: list


class NotesKB:
    """The knowledge base after the owner added one answer to the mango notes."""

    def answer(self, question, current_sku=None, **_):
        if current_sku == "mango" and "放几天" in question:
            return _Ans(True, "常温放2-3天，熟了冷藏，2天内吃完。", [_Src("notes/mango.md", "储存")])
        return _Ans(False, "", [])


def _order(led, cid, user, sku, qty, ts):
    return led.apply(Comment(cid, user, "扣", ts=ts, current_sku=sku, user_id=user), Intent(Kind.ORDER, (Item(sku, qty),)))


@pytest.fixture
def last_night(settings, catalog):
    """chicken (stock 8) sells out in minute 4 with 3 more waiting; mango gets a question the knowledge
    base could not answer (twice) and one it could; rice sells quietly."""
    led = Ledger(settings.ledger_url, catalog, "2026-11-21")
    ev = EventLog(led.engine, "2026-11-21")
    ev.record(SWITCH, "chicken", 0.0)
    for i in range(4):
        _order(led, f"c{i}", f"买家{i}", "chicken", 2, 60.0 + 60 * i)
    _order(led, "c8", "买家8", "chicken", 1, 280.0)
    _order(led, "c9", "买家9", "chicken", 2, 290.0)
    ev.record(SWITCH, "mango", 600.0)
    _order(led, "m1", "买家1", "mango", 2, 650.0)
    for n in range(2):
        ev.record(QUESTION, "mango", 700.0 + n, group=7, text="芒果能放几天", answered=False, reason="not_in_kb")
    ev.record(QUESTION, "mango", 710.0, group=8, text="芒果甜不甜", answered=True, reason="")
    ev.record(QUESTION, "mango", 720.0, group=9, text="芒果有没有打蜡", answered=False, reason="not_in_kb")
    ev.record(ANSWERED, "mango", 730.0, group=9, text="芒果有没有打蜡")
    _order(led, "r1", "买家2", "rice", 1, 900.0)
    return settings


def test_proposals_from_the_last_stream(last_night, catalog):
    plan = suggest(last_night.ledger_url, catalog, kb=NotesKB(), exclude="2026-11-22")
    assert plan.stream == "2026-11-21"
    by = {p.sku: p for p in plan.products}
    assert set(by) == {"chicken", "mango"} and plan.skus[0] == "chicken"  # rice: nothing to act on
    chicken = "；".join(by["chicken"].reasons)
    assert "候补 3只" in chicken and "就卖完了" in chicken
    assert "没答上" in by["mango"].reasons[0]
    faq = {f.question: f for f in plan.faq}
    assert set(faq) == {"芒果能放几天", "芒果有没有打蜡"} and faq["芒果能放几天"].asks == 2
    assert faq["芒果能放几天"].answer.startswith("常温") and faq["芒果能放几天"].source == "notes/mango.md#储存"
    assert faq["芒果有没有打蜡"].answer is None
    md = plan.markdown()
    assert "建议今晚安排" in md and "还没有答案" in md and "已补充答案" in md


def test_no_last_stream_says_so(settings, catalog):
    plan = suggest(settings.ledger_url, catalog, exclude="2026-11-22")
    assert plan.stream is None and not plan.products and "还没有上一场的数据" in plan.markdown()


def test_the_added_answer_goes_into_the_script(last_night, catalog):
    plan = suggest(last_night.ledger_url, catalog, kb=NotesKB())
    d = draft(catalog, ["mango", "rice"], 30, faq=plan.faq_answered())
    mango = next(s for s in d.segments if s.sku == "mango")
    line = next(ln for ln in mango.lines if "能放几天" in ln.text)
    assert "常温放2-3天" in line.text and line.source == "notes/mango.md#储存"
    assert not any("能放几天" in ln.text for s in d.segments if s.sku != "mango" for ln in s.lines)
    assert "打蜡" not in d.to_text()  # still unanswered: not made up


def test_autosave_round_trip_and_edited_flag(tmp_path, catalog):
    store = PlanStore(tmp_path / "plans")
    d = draft(catalog, ["mango"], 15)
    assert store.load("2026-11-22") is None
    path = store.save("2026-11-22", d, d.to_text(), generated=d.to_text(), choices={"skus": ["mango"]})
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    saved = store.load("2026-11-22")
    assert saved.draft == d and not saved.edited and saved.choices == {"skus": ["mango"]}
    store.save("2026-11-22", d, d.to_text() + "\n我加的一句")
    again = store.load("2026-11-22")
    assert again.edited and again.generated == d.to_text() and again.choices == {"skus": ["mango"]}
    assert store.load("2026-11-23") is None  # per 场次
    path.write_text("{broken", encoding="utf-8")
    assert store.load("2026-11-22") is None


def test_plan_tab_restores_after_reload_and_asks_before_replacing(settings, catalog):
    from copilot.ui import plan as ui_plan
    from copilot.ui.context import AppContext

    ctx = AppContext(settings, stream="2026-11-22")
    out = ui_plan.on_draft(ctx, ["mango"], 15, "门店日常", "老赵")
    d, text = out[0], out[1]
    ui_plan.plan_store(ctx).save(ctx.stream, d, text + "\n主播自己加的话", generated=text,
                                 choices={"skus": ["mango"], "minutes": 15, "theme": "门店日常", "host": "老赵"})
    fresh = AppContext(settings, stream="2026-11-22")  # the page was reloaded, the app restarted
    restored = ui_plan.restore(fresh)
    assert restored[0] == d and restored[1].endswith("主播自己加的话") and "已恢复" in restored[-1]
    assert restored[6]["value"] == ["mango"]
    other = ui_plan.restore(AppContext(settings, stream="2026-11-23"))
    assert other[0] is None and other[1] == ""


def test_generate_asks_when_the_text_was_edited(settings, monkeypatch):
    from copilot.ui import plan as ui_plan
    from copilot.ui.context import AppContext

    ctx = AppContext(settings, stream="2026-11-22")
    captured = {}
    real = gr.Button.click

    def spy(self, fn, *a, **kw):  # keep the handlers the tab wires, to call them as a click would
        captured[self.elem_id] = fn
        return real(self, fn, *a, **kw)

    monkeypatch.setattr(gr.Button, "click", spy)
    with gr.Blocks():
        ui_plan.build(ctx)
    go, replace = captured["plan-draft"], captured["plan-confirm-replace"]
    first = go("", ["mango"], 15, "门店日常", "老赵", None, True)
    text = first[1]
    assert first[-2]["visible"] is False and "已自动保存" in first[-1]
    assert ui_plan.plan_store(ctx).load(ctx.stream).text == text
    edited = text + "\n我改过的台词"
    ui_plan.plan_store(ctx).save(ctx.stream, first[0], edited)
    asked = go(edited, ["mango", "rice"], 15, "门店日常", "老赵", None, True)
    assert asked[-2]["visible"] is True                      # the confirm row shows
    assert ui_plan.plan_store(ctx).load(ctx.stream).text == edited  # nothing replaced yet
    replaced = replace(["mango", "rice"], 15, "门店日常", "老赵", None, True)
    assert "我改过的台词" not in replaced[1] and "五常" in replaced[1]
    assert not ui_plan.plan_store(ctx).load(ctx.stream).edited
