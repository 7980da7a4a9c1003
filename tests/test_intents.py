"""Table-driven tests of the rule parser: one comment -> one intent."""

from __future__ import annotations

import json

import pytest

from copilot.base.comments import load_comments
from copilot.base.errors import InputError
from copilot.orders.intent import Kind
from copilot.orders.parser import IntentParser
from copilot.orders.rules import parse

# (current_sku, text, kind, items as {sku: qty}, needs_review)
CASES = [
    ("mango", "扣1", "order", {"mango": 1}, False),
    ("mango", "+1", "order", {"mango": 1}, False),
    ("mango", "1", "order", {"mango": 1}, False),
    ("mango", "我也要", "order", {"mango": 1}, False),
    ("mango", "来一份", "order", {"mango": 1}, False),
    ("mango", "给我妈也来一份", "order", {"mango": 1}, False),
    ("mango", "+2", "order", {"mango": 2}, False),
    ("mango", "x3", "order", {"mango": 3}, False),
    ("mango", "×2", "order", {"mango": 2}, False),
    ("mango", "2份", "order", {"mango": 2}, False),
    ("mango", "要3斤", "order", {"mango": 3}, False),
    ("mango", "来俩", "order", {"mango": 2}, False),
    ("apple", "要十二斤", "order", {"apple": 12}, False),
    ("mango", "要一斤半", "order", {"mango": 1.5}, False),
    ("mango", "半斤", "order", {"mango": 0.5}, False),
    ("mango", "两斤半", "order", {"mango": 2.5}, False),
    ("mango", "要１公斤", "order", {"mango": 2}, False),
    ("mango", "１kg", "order", {"mango": 2}, False),
    ("mango", "500g", "order", {"mango": 1}, False),
    ("mango", "２５０克", "order", {"mango": 0.5}, False),
    ("mango", "＋２", "order", {"mango": 2}, False),
    ("eggs", "要两盒", "order", {"eggs": 2}, False),
    ("milk", "来3瓶", "order", {"milk": 3}, False),
    ("tofu", "两块", "order", {"tofu": 2}, False),
    ("chicken", "要一只", "order", {"chicken": 1}, False),
    (None, "3号链接来2份", "order", {"pork": 2}, False),
    (None, "1号链接3斤", "order", {"strawberry": 3}, False),
    (None, "链接5 2斤", "order", {"apple": 2}, False),
    (None, "#4 三斤", "order", {"mango": 3}, False),
    (None, "一号两斤", "order", {"strawberry": 2}, False),
    (None, "要两斤芒果", "order", {"mango": 2}, False),
    (None, "草莓2斤，芒果3斤", "order", {"strawberry": 2, "mango": 3}, False),
    (None, "草莓2斤 芒果3斤", "order", {"strawberry": 2, "mango": 3}, False),
    (None, "草莓2斤、苹果3斤；番茄1斤", "order", {"strawberry": 2, "apple": 3, "tomato": 1}, False),
    (None, "草莓2斤\n西红柿3斤", "order", {"strawberry": 2, "tomato": 3}, False),
    (None, "草莓芒果各来两斤", "order", {"strawberry": 2, "mango": 2}, False),
    (None, "豆腐来一块，再来两瓶牛奶", "order", {"tofu": 1, "milk": 2}, False),
    ("mango", "不要芒果要草莓2斤", "order", {"strawberry": 2}, False),
    ("strawberry", "草莓来2斤🍓", "order", {"strawberry": 2}, False),
    ("mango", "寇1", "order", {"mango": 1}, False),
    ("pork", "五花来2斤 切片", "order", {"pork": 2}, False),
    # needs review: never guess an order
    (None, "扣1", "order", {}, True),
    (None, "要两斤榴莲", "order", {}, True),
    (None, "20号链接来一份", "order", {}, True),
    ("strawberry", "一箱", "order", {}, True),
    ("eggs", "要2斤", "order", {}, True),
    ("mango", "要3个", "order", {}, True),
    ("strawberry", "草莓要10斤", "order", {}, True),
    ("chicken", "土鸡来3只", "order", {}, True),
    ("mango", "要1000斤", "order", {}, True),
    ("chicken", "要半只", "order", {}, True),
    ("mango", "+1 +1", "order", {}, True),
    ("mango", "12", "order", {}, True),
    # cancel and modify
    ("mango", "不要了", "cancel", {}, False),
    ("mango", "取消", "cancel", {}, False),
    (None, "取消芒果", "cancel", {"mango": None}, False),
    (None, "3号不要了", "cancel", {"pork": None}, False),
    ("mango", "改成3斤", "modify", {"mango": 3}, False),
    (None, "芒果改成5斤", "modify", {"mango": 5}, False),
    ("tofu", "数量改成2", "modify", {"tofu": 2}, False),
    (None, "改成3斤", "modify", {}, True),
    # questions are never orders
    (None, "芒果2斤多少钱", "question", {}, False),
    ("mango", "还有货吗", "question", {}, False),
    (None, "1号链接甜吗", "question", {}, False),
    (None, "一号发货吗", "question", {}, False),
    ("mango", "19.9一斤吗", "question", {}, False),
    ("mango", "扣1了吗", "question", {}, False),
    ("chicken", "鸡是冰鲜的还是活的", "question", {}, False),
    (None, "青菜打药没😂", "question", {}, False),        # the northern question particle
    (None, "送货不 我家离得不远", "question", {}, False),
    ("bass", "查没查孔雀石绿", "question", {}, False),
    # chatter is never an order
    ("mango", "主播好漂亮", "other", {}, False),
    ("mango", "666", "other", {}, False),
    ("mango", "1111", "other", {}, False),
    (None, "昨天买的芒果很甜", "other", {}, False),
    ("mango", "她要了两斤", "other", {}, False),
    ("mango", "要是便宜点我就买两斤", "other", {}, False),
    ("mango", "我家3个孩子", "other", {}, False),
    ("mango", "芒果季节又到了", "other", {}, False),
    (None, "今天18号了", "other", {}, False),
    ("mango", "🌹🌹", "other", {}, False),
    ("mango", "", "other", {}, False),
]


@pytest.mark.parametrize("current, text, kind, items, review", CASES, ids=[c[1] or "empty" for c in CASES])
def test_parse(catalog, current, text, kind, items, review):
    intent = parse(text, catalog, current)
    assert intent.kind == Kind(kind), intent.reason
    assert intent.needs_review is review, intent.reason
    if not review:
        assert {i.sku: i.qty for i in intent.items} == items
        assert all(i.unit == catalog.get(i.sku).unit for i in intent.items)
    else:
        assert intent.reason, "a flagged comment says why"


def test_review_reason_names_the_limit(catalog):
    intent = parse("草莓要10斤", catalog, "strawberry")
    assert "限购5斤" in intent.reason


def test_very_long_comment_is_not_parsed_into_an_order(catalog):
    intent = parse("草莓" * 5000 + "扣1", catalog, "strawberry")
    assert intent.needs_review or intent.kind is not Kind.ORDER


def test_llm_only_sees_undecided_comments_and_is_validated(catalog, fake_llm):
    parser = IntentParser(catalog, fake_llm)
    assert parser.parse("扣1", "mango").items[0].sku == "mango"
    assert fake_llm.history == []  # decided by the rules
    fake_llm.enqueue('{"kind": "order", "items": [{"sku": "mango", "qty": 3, "unit": "斤"}], "confident": true}')
    got = parser.parse("贵妃芒果果来3斤哈", "mango")
    assert got.source == "llm" and got.items[0].qty == 3 and not got.needs_review
    assert "贵妃芒果果来3斤哈" in fake_llm.history[-1][-1]["content"]


def test_llm_answer_with_unknown_sku_keeps_the_review(catalog, fake_llm):
    parser = IntentParser(catalog, fake_llm)
    fake_llm.enqueue('{"kind": "order", "items": [{"sku": "durian", "qty": 2}], "confident": true}')
    got = parser.parse("要两斤榴莲", None)
    assert got.needs_review and got.source == "rules"


def test_llm_over_limit_is_still_flagged(catalog, fake_llm):
    parser = IntentParser(catalog, fake_llm)
    fake_llm.enqueue('{"kind": "order", "items": [{"sku": "strawberry", "qty": 9}], "confident": true}')
    got = parser.parse("草莓莓来九斤哈", "strawberry")
    assert got.needs_review and "限购" in got.reason


def test_llm_failure_falls_back_to_review(catalog, fake_llm):
    from copilot.base.errors import LLMError

    parser = IntentParser(catalog, fake_llm.enqueue(LLMError("down")))
    assert parser.parse("要两斤榴莲", None).needs_review


def test_load_comments_validates_every_line(catalog):
    good = [json.dumps({"id": "c1", "user": "王阿姨", "text": "扣1", "ts": 3.5, "current_sku": "mango"})]
    comments = load_comments(good, catalog)
    assert comments[0].current_sku == "mango" and comments[0].ts == 3.5
    with pytest.raises(InputError, match="第 2 行"):
        load_comments(good + ["{not json"], catalog)
    with pytest.raises(InputError, match="缺少内容"):
        load_comments(['{"id": "c1"}'], catalog)
    with pytest.raises(InputError, match="durian"):
        load_comments(['{"id": "c1", "text": "扣1", "current_sku": "durian"}'], catalog)


# the fixes of issue 14: notes, relative changes, corrections, vague orders, typos, names apart from quantities
FIXES = [
    ("strawberry", "老板我要3斤草莓送到3栋", "order", {"strawberry": 3}, False, "送到3栋"),
    ("eggs", "2盒，5栋302 尾号1234", "order", {"eggs": 2}, False, "5栋302 尾号1234"),
    ("mango", "给我也来点", "order", {"mango": None}, True, ""),
    ("mango", "拍了", "order", {"mango": None}, True, ""),
    ("mango", "我妈也要", "order", {"mango": None}, True, ""),
    ("mango", "两个都要", "order", {"mango": None}, True, ""),
    (None, "都来一份", "order", {}, True, ""),
    (None, "草莓芒果都要", "order", {"strawberry": 1, "mango": 1}, False, ""),
    (None, "苹果 两斤", "order", {"apple": 2}, False, ""),
    (None, "鸡蛋 x3", "order", {"eggs": 3}, False, ""),
    ("mango", "再加一斤", "modify", {"mango": 1}, False, ""),
    ("rice", "少要一袋", "modify", {"rice": -1}, False, ""),
    ("rice", "加一斤草莓", "modify", {"strawberry": 1}, False, ""),
    ("eggs", "要3盒 不是2盒", "modify", {"eggs": 3}, False, ""),
    (None, "草霉2斤", "order", {"strawberry": 2}, False, ""),
    (None, "西红市2斤", "order", {"tomato": 2}, False, ""),
    ("mango", "加2", "order", {"mango": 2}, False, ""),
    ("strawberry", "买两斤草莓能送吗", "question", {}, False, ""),
    ("mango", "我住3栋", "other", {}, False, ""),
]


@pytest.mark.parametrize("current, text, kind, items, review, note", FIXES, ids=[c[1] for c in FIXES])
def test_issue_14_fixes(catalog, current, text, kind, items, review, note):
    intent = parse(text, catalog, current)
    assert intent.kind == Kind(kind), intent.reason
    assert intent.needs_review is review, intent.reason
    assert {i.sku: i.qty for i in intent.items} == items
    assert intent.note == note
    if kind == "modify" and "不是" not in text:
        assert all(i.relative for i in intent.items)


def test_two_close_names_go_to_review(catalog):
    """A typo that sounds like two products is not guessed."""
    from copilot.base.catalog import Catalog

    cat = Catalog.from_dict({"products": [
        {"sku": "a", "name": "青菜", "link": 1, "unit": "把", "price": 1, "stock": 9},
        {"sku": "b", "name": "清菜", "aliases": ["轻菜"], "link": 2, "unit": "把", "price": 1, "stock": 9}]})
    assert parse("请菜2把", cat, None).needs_review


def test_flavour_initials_with_quantities():
    from copilot.base.catalog import Catalog

    cat = Catalog.from_dict({"products": [
        {"sku": "orig", "name": "原味鸭脖", "link": 1, "unit": "盒", "price": 1, "stock": 9},
        {"sku": "hot", "name": "香辣鸭脖", "aliases": ["辣味"], "link": 2, "unit": "盒", "price": 1, "stock": 9}]})
    got = parse("1原2辣", cat, None)
    assert {i.sku: i.qty for i in got.items} == {"orig": 1, "hot": 2} and not got.needs_review
    assert parse("1鸭2鸭", cat, None).needs_review or parse("1鸭2鸭", cat, None).kind is not Kind.ORDER


def test_the_note_and_relative_change_reach_the_ledger(ledger, catalog):
    from copilot.base.comments import Comment

    ledger.apply(Comment("n1", "王阿姨", "老板我要3斤草莓送到3栋"), parse("老板我要3斤草莓送到3栋", catalog, None))
    ledger.apply(Comment("n2", "王阿姨", "少要一斤"), parse("少要一斤", catalog, "strawberry"))
    lines = ledger.lines(status="reserved")
    assert [(ln.sku, ln.qty, ln.note) for ln in lines] == [("strawberry", 2, "送到3栋")]
