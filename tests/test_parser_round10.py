"""Parser round 10, probed on stores unlike the cold-drink and dairy shop it was found in (a butcher's and deli
counter, a tea and snack shop): the unit tells apart packs of the same goods, never two kinds of goods that share
a word (牛奶来2瓶 of 鲜牛奶 by the 瓶 and 纯牛奶 by the 箱)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

DELI = Catalog.from_dict({"products": [
    {"sku": "sausage_gd", "name": "广式腊香肠", "aliases": ["广式香肠"], "link": 1, "unit": "斤", "price": 38,
     "stock": 40},
    {"sku": "sausage_sc", "name": "川味麻辣香肠", "aliases": ["麻辣香肠"], "link": 2, "unit": "袋",
     "spec": "每袋 500 克", "price": 30, "stock": 40},
    {"sku": "ham_whole", "name": "金华火腿（整只）", "link": 3, "unit": "只", "price": 300, "stock": 5},
    {"sku": "ham_slice", "name": "金华火腿（切片）", "link": 4, "unit": "盒", "price": 45, "stock": 30},
    {"sku": "tea_bottle", "name": "冰红茶", "link": 5, "unit": "瓶", "price": 4, "stock": 60},
    {"sku": "tea_case", "name": "柠檬红茶", "link": 6, "unit": "箱", "spec": "每箱 24 瓶", "price": 70,
     "stock": 10},
]})


@pytest.mark.parametrize("current, text", [
    (None, "香肠来2斤"),        # 广式 by the 斤, 麻辣 by the 袋: two kinds of 香肠, the 斤 may be said loosely
    (None, "香肠要两袋"),
    ("tea_bottle", "红茶来一箱"),  # 冰红茶 on screen, 柠檬红茶 by the 箱: which?
    (None, "红茶来3瓶"),
])
def test_a_word_two_kinds_of_goods_share_is_not_settled_by_the_unit(current, text):
    intent = parse(text, DELI, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.items


@pytest.mark.parametrize("text, items", [
    ("火腿来一只", {"ham_whole": 1}),    # packs of the same 金华火腿: the unit says which listing
    ("火腿要2盒", {"ham_slice": 2}),
    ("广式香肠来2斤", {"sausage_gd": 2}),  # the kind named: booked
])
def test_packs_of_the_same_goods_are_told_apart_by_the_unit(text, items):
    intent = parse(text, DELI, None)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("current, text, items", [
    ("sausage_gd", "来贰斤", {"sausage_gd": 2}),          # formal numerals, as on a receipt
    (None, "麻辣香肠要叁袋", {"sausage_sc": 3}),
    ("tea_bottle", "冰红茶 拾瓶", {"tea_bottle": 10}),
    ("tea_bottle", "扣伍", {"tea_bottle": 5}),
])
def test_formal_numerals_are_quantities(current, text, items):
    intent = parse(text, DELI, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("text", ["收拾一下就来拿", "陆姐好", "队伍排好长"])
def test_a_formal_numeral_inside_a_word_is_no_quantity(text):
    assert parse(text, DELI, "tea_bottle").kind is Kind.OTHER


@pytest.mark.parametrize("current, text", [
    ("sausage_gd", "以前才8块钱一斤😂"),      # talk about prices: no order
    ("tea_bottle", "小时候5毛一瓶😂"),          # 毛 and 角 are money as much as 元 and 块
    ("tea_bottle", "才5毛钱一根"),
    ("sausage_gd", "那会儿3角一两"),
    ("tea_bottle", "超市卖3.5元/瓶"),
])
def test_a_price_with_its_unit_is_no_quantity(current, text):
    assert parse(text, DELI, current).kind is Kind.OTHER


def test_an_order_beside_a_price_with_its_unit_keeps_its_own_quantity():
    intent = parse("38元一斤 来2斤", DELI, "sausage_gd")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"sausage_gd": 2}


FOOD = Catalog.from_dict({"products": [
    {"sku": "feet_lemon", "name": "柠檬凤爪", "link": 1, "unit": "盒", "price": 22, "stock": 30},
    {"sku": "feet_tiger", "name": "虎皮凤爪", "link": 2, "unit": "盒", "price": 25, "stock": 30},
    {"sku": "tofu_old", "name": "老豆腐", "link": 3, "unit": "块", "price": 3, "stock": 50},
    {"sku": "tofu_soft", "name": "嫩豆腐", "link": 4, "unit": "块", "price": 3, "stock": 50},
    {"sku": "rice", "name": "东北大米", "link": 5, "unit": "袋", "price": 60, "stock": 20},
]})


@pytest.mark.parametrize("text, items", [
    ("凤爪再来一盒柠檬的", {"feet_lemon": 1}),   # the kind, then which one of it
    ("凤爪要2盒 虎皮的", None),                   # the member in another clause: still asked
    ("豆腐来两块嫩的", {"tofu_soft": 2}),
])
def test_a_family_word_and_one_of_its_members_in_a_clause_name_that_member(text, items):
    intent = parse(text, FOOD, "rice")
    assert intent.kind is Kind.ORDER and intent.needs_review is (items is None), intent.reason
    if items:
        assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("text", ["凤爪不要柠檬的来一盒", "凤爪来两盒柠檬虎皮", "凤爪柠檬虎皮都来一盒"])
def test_a_denied_member_or_several_members_are_not_settled_by_the_family_word(text):
    intent = parse(text, FOOD, "rice")
    assert intent.kind is Kind.ORDER
    assert intent.needs_review or {i.sku for i in intent.items} == {"feet_lemon", "feet_tiger"}, intent.items
