"""Script drafting: plan and minutes, template engine (coverage, prices, sources, numbers, compliance,
variety), editing round trip, cue cards, warm-up posts, and the LLM path (fake model and a local
OpenAI-compatible server)."""

from __future__ import annotations

import datetime as dt
import json
import re
import string

import pytest
from openai_stub import StubServer, openai_stub

from copilot.base.errors import InputError
from copilot.base.llm import OpenAIChatModel
from copilot.base.settings import Settings
from copilot.plan import compliance
from copilot.plan import templates as tpl
from copilot.plan.cuecards import find_chromium, html_cards, markdown, pdf_cards, write_cards
from copilot.plan.draft import apply_text, draft, plan, warmup
from copilot.plan.model import THEMES, Knowledge, ScriptDraft, numbers_in, parse_notes, prices_in

DAY = dt.date(2026, 11, 22)
SETS = [["strawberry", "mango", "apple"], ["rice", "pork", "greens", "eggs", "bass"],
        ["chicken", "bread", "bass", "tofu"]]


def product_segments(d: ScriptDraft):
    return [s for s in d.segments if s.kind == "product"]


# -- notes and numbers ------------------------------------------------------------------------------

def test_parse_notes_sections_and_sentences():
    text = "# 芒果\n\n## 产地\n产自海南。供货的是陈家果园！\n\n## 储存\n常温放 2-3 天；熟了冷藏。\n"
    got = parse_notes(text)
    assert list(got) == ["产地", "储存"]
    assert got["产地"] == ["产自海南。", "供货的是陈家果园！"]
    assert got["储存"] == ["常温放 2-3 天；", "熟了冷藏。"]


@pytest.mark.parametrize("text,numbers", [
    ("今晚19.9元一斤", {19.9, 1.0}), ("大约三天到店", {3.0}), ("八成熟采摘", {8.0}),
    ("19块9一斤", {19.9, 1.0}), ("单果约 300-400 克", {300.0, 400.0}), ("一起吃", set()),
])
def test_numbers_in(text, numbers):
    assert numbers_in(text) == numbers


def test_prices_in():
    assert prices_in("平时26.8元，今晚19块9，运费0元") == {26.8, 19.9, 0.0}
    assert prices_in("一块豆腐 500 克") == set()


# -- plan -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("minutes", [10, 13.5, 45, 60, 240])
@pytest.mark.parametrize("skus", SETS + [["mango"], [p for p in
                                                       "strawberry rice pork mango apple greens tomato chicken eggs oil milk tofu bread bass".split()]])
def test_plan_minutes_add_up(catalog, skus, minutes):
    segs = plan(catalog, skus, minutes)
    assert sum(s.minutes for s in segs) == pytest.approx(minutes)
    assert all(s.minutes >= 0.5 and (s.minutes * 2) == int(s.minutes * 2) for s in segs)
    starts = [s.start_min for s in segs]
    assert starts == sorted(starts) and starts[0] == 0
    assert segs[0].kind == "opening" and segs[-1].kind == "closing"
    assert sorted(s.sku for s in segs if s.kind == "product") == sorted(skus)
    assert any(s.kind == "interaction" and "问答" in s.title for s in segs)


def test_plan_hook_first_and_low_stock_last(catalog):
    segs = plan(catalog, ["bass", "greens", "strawberry", "apple"], 45)
    order = [s.sku for s in segs if s.kind == "product"]
    assert order[0] == "strawberry"  # an offer and the best discount (19.9 vs 26.8)
    assert order[-1] == "bass"  # stock 12 <= 15: urgency at the end
    assert any("抽奖" in s.title for s in segs)


@pytest.mark.parametrize("kwargs,needle", [
    ({"skus": ["durian"], "minutes": 45}, "strawberry"),
    ({"skus": [], "minutes": 45}, "--skus"),
    ({"skus": ["mango"], "minutes": 5}, "10"),
    ({"skus": ["mango"], "minutes": 500}, "240"),
    ({"skus": ["mango"], "minutes": 45, "theme": "抽象派"}, "源头探访"),
])
def test_bad_input_is_a_clear_error(catalog, kwargs, needle):
    with pytest.raises(InputError) as exc:
        draft(catalog, **kwargs)
    assert needle in str(exc.value)


def test_skus_accept_link_numbers_and_names(catalog):
    d = draft(catalog, ["4号", "草莓"], 20, day=DAY)
    assert {s.sku for s in product_segments(d)} == {"mango", "strawberry"}


# -- the template engine ----------------------------------------------------------------------------

@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("skus", SETS)
def test_template_draft_is_complete_correct_and_clean(catalog, skus, theme):
    d = draft(catalog, skus, 45, theme, day=DAY)
    kn = Knowledge.load(catalog)
    pool = kn.number_pool()
    assert d.mode == "template" and d.host == "老赵"
    assert [s.sku for s in product_segments(d)] and {s.sku for s in product_segments(d)} == set(skus)
    for seg in d.segments:
        assert seg.lines, seg.title
        for ln in seg.lines:
            assert numbers_in(ln.text) <= pool, ln.text
            if seg.kind == "product":
                assert prices_in(ln.text) <= kn.prices_for(catalog.require(seg.sku)), ln.text
            if numbers_in(ln.text):
                assert ln.source, f"factual line without a source: {ln.text}"
    for seg in product_segments(d):
        p = catalog.require(seg.sku)
        text = "".join(ln.text for ln in seg.lines)
        assert f"{p.price:g}元" in text
        assert f"{p.link}号" in text
        assert "扣1" in text or "扣数量" in text
        assert any(ln.source == f"catalog:{p.sku}.price" for ln in seg.lines)
        assert any(ln.source and ln.source.startswith(f"notes/{p.sku}.md#") for ln in seg.lines)
    assert d.compliance == []
    closing = " ".join(ln.text for ln in d.segments[-1].lines)
    assert catalog.store.address in closing and "企业微信" in closing and "15:00-20:00" in closing


def test_note_lines_quote_the_cited_section(catalog):
    d = draft(catalog, ["mango", "pork"], 30, "后场探秘", day=DAY)
    kn = Knowledge.load(catalog)
    for seg in product_segments(d):
        for ln in seg.lines:
            if ln.source and ln.source.startswith("notes/"):
                facts = kn.notes[seg.sku][ln.source.split("#", 1)[1]]
                assert any(ln.text.endswith(f.text) for f in facts), ln.text


def test_theme_chooses_sections(catalog):
    def sections(theme):
        d = draft(catalog, ["strawberry"], 20, theme, day=DAY)
        return [ln.source.split("#")[1] for ln in product_segments(d)[0].lines
                if ln.source and ln.source.startswith("notes/")]
    assert sections("源头探访")[0] == "产地"
    assert sections("后场探秘")[0] == "品控"
    assert sections("新品试吃")[0] == "口感"


def test_low_stock_says_only_n_left(catalog):
    d = draft(catalog, ["chicken", "apple"], 30, day=DAY)
    text = "".join(ln.text for ln in product_segments(d)[-1].lines)
    assert "只有8只" in text


def test_longer_segments_get_more_talking_points(catalog):
    short = draft(catalog, ["mango", "apple"], 15, "门店日常", day=DAY)
    long = draft(catalog, ["mango", "apple"], 90, "门店日常", day=DAY)
    assert sum(len(s.lines) for s in product_segments(long)) > sum(len(s.lines) for s in product_segments(short))


def test_reproducible_and_varied(catalog):
    a = draft(catalog, SETS[0], 45, "门店日常", day=DAY)
    b = draft(catalog, SETS[0], 45, "门店日常", day=DAY)
    assert a.to_text() == b.to_text()
    texts = {draft(catalog, SETS[0], 45, "门店日常", day=DAY + dt.timedelta(days=i)).to_text() for i in range(6)}
    assert len(texts) >= 4
    openings = {draft(catalog, SETS[0], 45, "门店日常", day=DAY + dt.timedelta(days=i)).segments[0].lines[0].text
                for i in range(12)}
    assert len(openings) >= 2


def test_template_banks_are_compliant_and_hold_no_invented_numbers():
    banks = [v for k, v in vars(tpl).items() if k.isupper() and isinstance(v, list)]
    banks += list(tpl.THEME_INTRO.values()) + list(tpl.LEADS.values())
    fmt = string.Formatter()
    for bank in banks:
        for phrase in bank:
            if not isinstance(phrase, str):
                continue
            literal = "".join(text for text, *_ in fmt.parse(phrase))
            assert compliance.check(literal) == [], phrase
            assert not re.search(r"\d", literal.replace("扣1", "")), phrase


def test_contract_shape(catalog):
    obj = draft(catalog, ["mango"], 20, day=DAY).to_contract()
    assert set(obj) >= {"title", "segments", "compliance"}
    seg = obj["segments"][1]
    assert set(seg) >= {"kind", "sku", "start_min", "minutes", "lines", "sources"}
    assert seg["kind"] == "product" and seg["sku"] == "mango"
    assert all(isinstance(x, str) for x in seg["lines"]) and "catalog:mango.price" in seg["sources"]
    json.dumps(obj, ensure_ascii=False)


# -- editing ----------------------------------------------------------------------------------------

def test_edited_text_round_trip_and_recheck(catalog):
    d = draft(catalog, ["mango", "apple"], 20, day=DAY)
    text = d.to_text()
    same = apply_text(d, text)
    assert [ln.source for s in same.segments for ln in s.lines] == [ln.source for s in d.segments for ln in s.lines]
    edited = text.replace("【", "这是最甜的芒果，加我微信。\n【", 2).split("\n", 1)
    edited = edited[0] + "\n" + edited[1]
    d2 = apply_text(d, edited)
    assert {v.category for v in d2.compliance} == {"广告法极限词", "平台导流"}
    hit = d2.compliance[0]
    assert d2.segments[hit.segment].lines[hit.line].text == "这是最甜的芒果，加我微信。"
    assert d2.segments[hit.segment].lines[hit.line].source is None


def test_edited_text_with_missing_heading_is_a_clear_error(catalog):
    d = draft(catalog, ["mango"], 20, day=DAY)
    with pytest.raises(InputError, match="段落"):
        apply_text(d, "随便写写")


# -- outputs ----------------------------------------------------------------------------------------

def test_cue_cards_markdown_and_html(catalog, tmp_path):
    d = draft(catalog, ["mango", "bass"], 30, day=DAY)
    md = markdown(d)
    assert md.count("\n## 第") == len(d.segments)
    page = html_cards(d)
    assert page.count('<section class="card">') == len(d.segments)
    assert "page-break-after" in page and "@media print" in page and "12.8元" in page
    files = write_cards(d, tmp_path / "out")
    assert [f.name for f in files] == ["cuecards.md", "cuecards.html"]


def test_cue_cards_are_a_clean_reader_view(catalog):
    from copilot.plan.cuecards import source_label

    d = draft(catalog, ["strawberry", "mango"], 30, day=DAY)
    assert any(ln.source == "catalog:strawberry.price" for s in d.segments for ln in s.lines)
    for text in (markdown(d), html_cards(d)):
        assert "catalog:" not in text and "notes/" not in text and ".md#" not in text and "来源" not in text
    owner = html_cards(d, sources=True)
    assert "商品目录·价格" in owner and "货源笔记·" in owner and "catalog:" not in owner
    assert "商品目录·价格" in markdown(d, sources=True)
    assert source_label("catalog:mango.original_price") == "商品目录·原价"
    assert source_label("notes/mango.md#储存") == "货源笔记·储存" and source_label("faq.md#取货") == "faq.md·取货"
    assert source_label(None) == ""


def test_draft_checks_claimed_original_prices_against_the_catalog(catalog):
    from copilot.plan.draft import apply_text

    d = draft(catalog, ["strawberry"], 15, day=DAY)
    assert d.compliance == []
    text = d.to_text().replace("\n\n【", "\n原价99今天只要19.9\n\n【", 2)
    checked = apply_text(d, text, catalog)
    hits = {d.segments[v.segment].sku: v for v in checked.compliance if v.rule == "false-original-price"}
    assert hits["strawberry"].suggestion == "原价26.8元"  # in the product's segment: its own original price
    assert hits[None].suggestion == "直播间价"             # in the opening: matches no product's original price
    assert not [v for v in apply_text(d, text).compliance if v.rule == "false-original-price"]


@pytest.mark.slow
def test_cue_cards_pdf(catalog, tmp_path):
    assert find_chromium(), "chromium is installed on this machine and in CI"
    out = pdf_cards(draft(catalog, ["mango"], 15, day=DAY), tmp_path / "cards.pdf")
    assert out.read_bytes()[:5] == b"%PDF-"


def test_warmup_posts(catalog):
    posts = warmup(catalog, ["mango", "chicken"], "源头探访", day=DAY)
    assert set(posts) == {"group_post", "one_to_one", "poster_line"}
    assert "12.8元" in posts["group_post"] and "88元" in posts["one_to_one"]
    assert "20:00" in posts["group_post"] and "15:00-20:00" in posts["group_post"]
    for text in posts.values():
        assert compliance.check(text, [c for c in compliance.CATEGORIES if c != "平台导流"]) == []


# -- the LLM path -----------------------------------------------------------------------------------

def llm_reply(catalog, skus, minutes=30, edit=None) -> str:
    """A plausible model answer: the template draft reworded, as the model would send it."""
    base = draft(catalog, skus, minutes, day=DAY)
    obj = base.model_dump(exclude={"compliance", "mode", "notices"})
    obj["title"] = "今晚老赵带你逛后场"
    for seg in obj["segments"]:
        for ln in seg["lines"]:
            ln["text"] = ln["text"].replace("。", "！", 1)
    if edit:
        edit(obj)
    return json.dumps(obj, ensure_ascii=False)


def test_llm_valid_draft(catalog, fake_llm):
    fake_llm.enqueue(llm_reply(catalog, ["mango", "apple"]))
    d = draft(catalog, ["mango", "apple"], 30, model=fake_llm, day=DAY)
    assert d.mode == "llm" and d.title == "今晚老赵带你逛后场" and d.notices == []
    assert d.compliance == []
    prompt = fake_llm.history[0][1]["content"]
    assert "[catalog:mango.price] 直播间价：12.8元/斤" in prompt and "notes/mango.md#产地" in prompt


def test_llm_invented_number_is_repaired(catalog, fake_llm):
    def invent(obj):
        obj["segments"][1]["lines"][2]["text"] = "这芒果糖度有 23 度，甜得很！"
    fake_llm.enqueue(llm_reply(catalog, ["mango", "apple"], edit=invent))
    d = draft(catalog, ["mango", "apple"], 30, model=fake_llm, day=DAY)
    assert d.mode == "llm"
    assert any("23" in n for n in d.notices)
    assert all("23 度" not in ln.text for s in d.segments for ln in s.lines)


def test_llm_wrong_price_is_rejected(catalog, fake_llm):
    def cheaper(obj):
        obj["segments"][1]["lines"].append({"text": "今晚只要9.9元一斤！", "source": "catalog:mango.price"})
    fake_llm.enqueue(llm_reply(catalog, ["mango", "apple"], edit=cheaper))
    d = draft(catalog, ["mango", "apple"], 30, model=fake_llm, day=DAY)
    assert d.mode == "template"
    assert any("9.9元" in n and "离线模板" in n for n in d.notices)


def test_llm_other_products_price_in_segment_is_rejected(catalog, fake_llm):
    def swap(obj):
        obj["segments"][1]["lines"].append({"text": "直播间价7.8元一斤！", "source": "catalog:mango.price"})
    fake_llm.enqueue(llm_reply(catalog, ["mango", "apple"], edit=swap))
    assert draft(catalog, ["mango", "apple"], 30, model=fake_llm, day=DAY).mode == "template"


def test_llm_missing_segment_filled_and_wording_rewritten(catalog, fake_llm):
    def damage(obj):
        del obj["segments"][2]  # the apple segment
        obj["segments"][1]["lines"].append({"text": "这是最甜的芒果，能降血压。", "source": None})
    fake_llm.enqueue(llm_reply(catalog, ["mango", "apple"], edit=damage))
    d = draft(catalog, ["mango", "apple"], 30, model=fake_llm, day=DAY)
    assert d.mode == "llm" and d.compliance == []
    assert {s.sku for s in product_segments(d)} == {"mango", "apple"}
    assert any("大模型没有写" in n for n in d.notices)
    assert any(ln.text == "这是很甜的芒果。" for ln in product_segments(d)[0].lines)


def test_llm_invalid_json_then_valid(catalog, fake_llm):
    fake_llm.enqueue("好的，脚本如下：（没有 JSON）", llm_reply(catalog, ["mango"], 20))
    d = draft(catalog, ["mango"], 20, model=fake_llm, day=DAY)
    assert d.mode == "llm" and len(fake_llm.history) == 2
    assert "不符合要求" in fake_llm.history[1][-1]["content"]


def test_llm_keeps_failing_falls_back(catalog, fake_llm):
    fake_llm.enqueue("不是JSON", "还不是", "依然不是")
    d = draft(catalog, ["mango"], 20, model=fake_llm, day=DAY)
    assert d.mode == "template" and d.notices and "离线模板" in d.notices[0]


# -- against a local OpenAI-compatible server -------------------------------------------------------

def stub_model(server: StubServer, data_dir) -> OpenAIChatModel:
    settings = Settings(home=data_dir, llm_base_url=server.url, llm_model="stub-model",
                        llm_timeout=10, _env_file=None)
    return OpenAIChatModel(settings)


def test_server_valid_draft(catalog, data_dir):
    with openai_stub() as server:
        server.enqueue(llm_reply(catalog, ["strawberry", "bass"]))
        d = draft(catalog, ["strawberry", "bass"], 30, model=stub_model(server, data_dir), day=DAY)
    assert d.mode == "llm" and d.compliance == []
    req = server.requests[0]
    assert req["model"] == "stub-model" and req["messages"][0]["role"] == "system"
    assert "JSON Schema" in req["messages"][0]["content"]


def test_server_invalid_then_repaired(catalog, data_dir):
    bad = json.dumps({"title": "x", "segments": [{"kind": "解说", "lines": []}]}, ensure_ascii=False)
    with openai_stub() as server:
        server.enqueue(bad, llm_reply(catalog, ["strawberry", "bass"]))
        d = draft(catalog, ["strawberry", "bass"], 30, model=stub_model(server, data_dir), day=DAY)
    assert d.mode == "llm" and len(server.requests) == 2


def test_server_wrong_price_rejected(catalog, data_dir):
    def wrong(obj):
        obj["segments"][1]["lines"][0]["text"] = "草莓今晚15元一斤！"
    with openai_stub() as server:
        server.enqueue(llm_reply(catalog, ["strawberry", "bass"], edit=wrong))
        d = draft(catalog, ["strawberry", "bass"], 30, model=stub_model(server, data_dir), day=DAY)
    assert d.mode == "template" and any("15元" in n for n in d.notices)


def test_server_error_falls_back(catalog, data_dir):
    with openai_stub() as server:
        server.enqueue(500)
        d = draft(catalog, ["strawberry"], 15, model=stub_model(server, data_dir), day=DAY)
    assert d.mode == "template" and "离线模板" in d.notices[0]


def test_lines_typed_above_the_first_heading_join_the_opening(catalog):
    d = draft(catalog, ["mango"], 20, day=DAY)
    d2 = apply_text(d, "这是最甜的芒果。\n" + d.to_text())
    assert d2.segments[0].lines[0].text == "这是最甜的芒果。"
    assert [(v.segment, v.line, v.term) for v in d2.compliance] == [(0, 0, "最甜")]


# -- the 今晚直播 workspace ---------------------------------------------------------------------------

def test_plan_workspace_handlers(settings, tmp_path):
    import gradio as gr

    from copilot.ui import plan as ui_plan
    from copilot.ui.context import AppContext

    ctx = AppContext(settings)
    with gr.Blocks():
        ui_plan.build(ctx)
    d, text, pieces, summary, head, ros, group, one, poster = ui_plan.on_draft(
        ctx, ["mango", "bass"], 30, "源头探访", "老赵")
    assert d.mode == "template" and "离线模板" in head and "合规检查通过" in summary
    assert len(ros) == len(d.segments) and "12.8元" in group and poster
    assert "".join(p for p, _ in pieces) == text
    pieces, summary = ui_plan.marks(text + "\n全网最低价")
    assert "虚假价格" in summary and ("全网最低价", "虚假价格") in pieces
    fixed, _, summary = ui_plan.on_fix("最甜的芒果，加我微信")
    assert fixed == "很甜的芒果，点主页进粉丝群" and "通过" in summary
    files, msg = ui_plan.on_export(d, text, False, out_dir=tmp_path)
    assert [f.rsplit("/", 1)[1] for f in files] == ["cuecards.md", "cuecards.html"] and "已导出" in msg
    with pytest.raises(gr.Error):
        ui_plan.on_draft(ctx, [], 30, "源头探访", "")
    with pytest.raises(gr.Error):
        ui_plan.on_export(d, "乱改一通", False, out_dir=tmp_path)
    assert ui_plan.product_label(ctx.catalog.require("strawberry")) == "1号 丹东九九草莓 19.9元/斤 库存50"


def test_llm_fact_the_notes_lack_is_repaired(catalog, fake_llm):
    def fake_origin(obj):
        seg = obj["segments"][1]
        seg["lines"].insert(1, {"text": "这芒果是云南西双版纳的老树果，果园在山上。", "source": "notes/mango.md#产地"})
    fake_llm.enqueue(llm_reply(catalog, ["mango", "apple"], edit=fake_origin))
    d = draft(catalog, ["mango", "apple"], 30, model=fake_llm, day=DAY)
    assert d.mode == "llm"
    assert any("对不上" in n for n in d.notices)
    assert all("西双版纳" not in ln.text for s in d.segments for ln in s.lines)


def test_a_bare_store_without_notes_or_faq(tmp_path):
    import yaml

    from copilot.base.catalog import Catalog

    (tmp_path / "products.yaml").write_text(yaml.safe_dump({"store": {"name": "小店"}, "products": [
        {"sku": "a", "name": "苹果", "link": 1, "unit": "斤", "price": 5, "stock": 3},
        {"sku": "b", "name": "梨", "link": 2, "unit": "斤", "price": 4, "stock": 30}]}, allow_unicode=True),
        encoding="utf-8")
    cat = Catalog.load(tmp_path)
    d = draft(cat, ["a", "b"], 10, day=DAY)
    assert d.host == "店长" and d.compliance == []
    assert sum(s.minutes for s in d.segments) == 10
    text = d.to_text()
    assert "5元" in text and "4元" in text and "只有3斤" in text
    posts = warmup(cat, ["a", "b"], day=DAY)
    assert "自提" not in posts["group_post"]  # the store states no pickup rule: none is invented
