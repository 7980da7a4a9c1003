"""Parser round 7: rules a shop assistant applies to any store's comments (份 is one sale unit of a packed
product; 袋 and 包 are the same pack; a question about a size; a count glued to a typo of a
product's name)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

STORE = Catalog.from_dict({"products": [
    {"sku": "skewer", "name": "羊肉串", "link": 1, "unit": "把", "spec": "每把 10 串", "price": 30, "stock": 30},
    {"sku": "greens", "name": "小青菜", "link": 2, "unit": "把", "price": 3, "stock": 30},
    {"sku": "sausage", "name": "台湾烤肠", "link": 3, "unit": "包", "spec": "每包 10 根", "price": 20, "stock": 30},
    {"sku": "eggs", "name": "土鸡蛋", "link": 4, "unit": "板", "spec": "每板 30 个", "price": 40, "stock": 30},
    {"sku": "dumpling", "name": "三鲜水饺", "link": 5, "unit": "袋", "spec": "每袋 30 个", "price": 25, "stock": 30},
    {"sku": "tofu", "name": "卤水豆腐", "link": 6, "unit": "块", "price": 3, "stock": 30},
    {"sku": "enoki", "name": "金针菇", "link": 7, "unit": "包", "price": 4, "stock": 30},
    {"sku": "cake", "name": "生日蛋糕", "link": 8, "unit": "个", "price": 128, "stock": 10},
    {"sku": "ribs", "name": "排骨", "link": 9, "unit": "斤", "price": 38, "stock": 30},
    {"sku": "tongs", "name": "不锈钢烤夹", "link": 10, "unit": "个", "price": 8, "stock": 30},
    {"sku": "cola", "name": "可乐", "link": 12, "unit": "箱", "spec": "每箱 24 罐", "price": 50, "stock": 10},
    {"sku": "roll", "name": "花卷", "link": 11, "unit": "个", "price": 2, "stock": 50},
]})


def _read(text, current):
    intent = parse(text, STORE, current)
    return intent, {i.sku: i.qty for i in intent.items}


@pytest.mark.parametrize("current, text, items", [
    ("sausage", "3号来2份", {"sausage": 2}),    # a pack (包) of 10 根: a packed product, 一份 is one pack
    ("dumpling", "水饺来一份", {"dumpling": 1}),  # a bag of 30 个
])
def test_fen_is_one_sale_unit_of_a_packed_product(current, text, items):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert got == items


@pytest.mark.parametrize("current, text", [
    ("skewer", "1号来2份"),        # a 把 of 10 串: a 份 may be the 把 or a serving of skewers
    ("skewer", "羊肉串来一份"),
    ("eggs", "鸡蛋来两份"),        # a 板 of 30: how many eggs is a 份?
    ("cola", "可乐来一份"),        # a case of 24 cans: a case, or a can?
    ("greens", "来两份"),          # a 把 of greens, a 块 of tofu: only a box, bag or portion is one 份 (round 11)
    ("tofu", "再来一份"),
])
def test_fen_of_a_unit_that_bundles_pieces_is_asked(current, text):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True)
    assert all(q is None for q in got.values())


@pytest.mark.parametrize("current, text, items", [
    ("enoki", "金针菇来3袋", {"enoki": 3}),     # a 包 product asked by the 袋
    ("dumpling", "水饺要2包", {"dumpling": 2}),  # a 袋 product asked by the 包
    ("sausage", "烤肠来一袋", {"sausage": 1}),
])
def test_dai_and_bao_are_the_same_pack(current, text, items):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert got == items


@pytest.mark.parametrize("current, text", [
    ("ribs", "排骨一根多长"),
    ("cake", "蛋糕多高"),
    ("tongs", "烤夹多长啊"),
    ("tofu", "豆腐一块多厚"),
    ("greens", "一把多粗"),
    ("cake", "8寸的多宽"),
])
def test_a_question_about_a_size_is_a_question(current, text):
    assert parse(text, STORE, current).kind is Kind.QUESTION


@pytest.mark.parametrize("current, text, items, review", [
    ("ribs", "排古2", {"ribs": 2}, False),          # a count glued to a slip of the name, as to the name itself
    ("enoki", "金针姑3", {"enoki": 3}, False),
    ("tofu", "卤水豆付2", {"tofu": 2}, False),
    ("roll", "花圈2", {"roll": 2}, True),           # 花圈 (a wreath) is another thing: kept, and a person looks
])
def test_a_count_glued_to_a_typo_of_a_name(current, text, items, review):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, review), intent.reason
    assert got == items


@pytest.mark.parametrize("current, text", [
    ("ribs", "小胖20"),     # a nickname with digits, no product
    ("ribs", "阳光5"),
    ("ribs", "阿伟1990"),
])
def test_a_word_and_a_count_that_name_no_product_are_no_order(current, text):
    intent = parse(text, STORE, current)
    assert not (intent.kind is Kind.ORDER and not intent.needs_review and intent.items)


@pytest.mark.parametrize("text, kind", [
    ("主播酒量怎么样😂", Kind.OTHER),      # the host as a person: banter
    ("主播多大了", Kind.OTHER),
    ("主播结婚了吗", Kind.OTHER),
    ("主播是哪里人啊", Kind.QUESTION),    # not the host's own trait right after 主播: still a question
    ("主播你哪里人啊", Kind.OTHER),
    ("刚进来 错过了啥", Kind.OTHER),      # what did I miss: no question for the shop
    ("主播明天还播吗", Kind.QUESTION),    # the stream's schedule is the shop's business
    ("主播排骨还有吗", Kind.QUESTION),    # goods named: a question
    ("主播能喝排骨汤吗", Kind.QUESTION),
])
def test_a_question_about_the_host_as_a_person_is_banter(text, kind):
    assert parse(text, STORE, "ribs").kind is kind


@pytest.mark.parametrize("current, text", [
    ("tongs", "烤夹退2"),      # 退2: two of them back, a part of the order even with no unit said
    ("ribs", "排骨退一"),
    ("tofu", "退2"),
])
def test_returning_a_count_is_a_partial_cancel_for_review(current, text):
    intent = parse(text, STORE, current)
    assert (intent.kind, intent.needs_review) == (Kind.CANCEL, True), intent.reason


def test_a_plain_cancel_stays_a_cancel():
    intent = parse("烤夹退了", STORE, "tongs")
    assert (intent.kind, intent.needs_review) == (Kind.CANCEL, False)
    assert [i.sku for i in intent.items] == ["tongs"]
