"""Orders round 67 (tuner c8): talk about an amount that orders nothing (``orders.amount_talk``): how much is enough
(一罐都不够, 一张桌配四把椅子刚好), how much someone eats (我闺女能喝三杯), and what one unit costs said beside a word
that weighs the price (一瓶9 比单买省一块, 果冻一袋才6). Invented stores, for any store."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.amount_talk import says_enough, without_unit_prices
from copilot.orders.amounts import retracted
from copilot.orders.intent import Kind
from copilot.orders.rules import parse
from tests.doubles import booked

SHOP = Catalog.from_dict({"products": [
    {"sku": "yogurt", "name": "原味酸奶", "link": 1, "unit": "瓶", "price": 9, "stock": 50},
    {"sku": "jelly", "name": "水果果冻", "link": 2, "unit": "袋", "price": 6, "stock": 50},
    {"sku": "table", "name": "折叠桌", "link": 3, "unit": "张", "price": 99, "stock": 10},
    {"sku": "chair", "name": "折叠椅", "link": 4, "unit": "把", "price": 39, "stock": 40},
    {"sku": "coffee", "name": "速溶咖啡", "link": 5, "unit": "罐", "price": 35, "stock": 30},
], "store": {"name": "测试杂货店"}})


@pytest.mark.parametrize("text, current", [
    ("一罐都不够 天天加班", "coffee"),
    ("一张折叠桌配四把折叠椅刚好", "table"),
    ("我闺女能喝三瓶", "yogurt"),
    ("一瓶9 比单买便宜", "yogurt"),
    ("一袋6 挺划算", "jelly"),
    ("果冻一袋才6", "jelly"),
])
def test_talk_about_an_amount_orders_nothing(text, current):
    assert parse(text, SHOP, current).kind in (Kind.OTHER, Kind.QUESTION)


@pytest.mark.parametrize("text, current, want", [
    ("一张折叠桌配四把折叠椅", "table", {"table": 1, "chair": 4}),
    ("来两罐", "coffee", {"coffee": 2}),
    ("一罐不够 再来一罐", "coffee", {"coffee": 1}),
])
def test_an_order_said_with_an_amount_stays_an_order(text, current, want):
    assert booked(parse(text, SHOP, current)) == want


def test_says_enough_needs_no_order_word_before_the_count():
    assert says_enough("两袋刚好")
    assert not says_enough("来两袋刚好")
    assert says_enough("一罐根本不够喝")


def test_a_pack_then_its_price_is_left_for_the_sums():
    assert without_unit_prices("6瓶一箱 才50 划算") == "6瓶一箱 才50 划算"
    assert without_unit_prices("一瓶9 不贵").strip() == "不贵"
    assert without_unit_prices("一瓶9") == "一瓶9"


@pytest.mark.parametrize("text", ["没有原味的就算了", "没抢到就算了", "没有咖啡的话就不要了"])
def test_never_mind_on_a_condition_cancels_nothing(text):
    assert parse(text, SHOP, "yogurt").kind != Kind.CANCEL


def test_never_mind_said_plainly_still_cancels():
    assert parse("酸奶不要了", SHOP, "yogurt").kind == Kind.CANCEL
    assert parse("算了 不要了", SHOP, "yogurt").kind == Kind.CANCEL


@pytest.mark.parametrize("text", ["速溶的太苦了 还是酸奶好喝", "给孩子多备几袋", "果冻一袋才6 多囤几袋"])
def test_a_question_word_that_asks_nothing_is_talk(text):
    assert parse(text, SHOP, "jelly").kind == Kind.OTHER


@pytest.mark.parametrize("text", ["酸奶还是果冻好吃", "要买几袋"])
def test_a_choice_or_a_count_asked_stays_a_question(text):
    assert parse(text, SHOP, "jelly").kind == Kind.QUESTION


HOME = Catalog.from_dict({"products": [
    {"sku": "face_towel", "name": "竹纤维洗脸巾", "link": 1, "unit": "条", "price": 15, "stock": 50},
    {"sku": "toy_truck", "name": "儿童玩具车 惯性款", "link": 2, "unit": "辆", "price": 29, "stock": 20},
    {"sku": "mahjong", "name": "家用麻将 42号", "link": 3, "unit": "副", "price": 168, "stock": 10},
    {"sku": "tea_cup", "name": "玻璃茶杯", "link": 4, "unit": "个", "price": 12, "stock": 30},
], "store": {"name": "测试百货店"}})


@pytest.mark.parametrize("text, current, want", [
    ("来两块", "face_towel", {"face_towel": 2}),
    ("洗脸巾 来三块", None, {"face_towel": 3}),
    ("玩具车来一台", "toy_truck", {"toy_truck": 1}),
    ("来一套", "mahjong", {"mahjong": 1}),
])
def test_the_everyday_measure_word_of_a_kind_counts_goods_sold_one_by_one(text, current, want):
    assert booked(parse(text, HOME, current)) == want


def test_a_measure_word_of_another_kind_stays_unconverted():
    assert parse("来一套", HOME, "tea_cup").needs_review


@pytest.mark.parametrize("text, want", [
    ("来两瓶 哦不 三瓶", {"yogurt": 3}),
    ("要四瓶 不对 两瓶吧", {"yogurt": 2}),
])
def test_an_amount_taken_back_at_once_counts_the_last_one(text, want):
    assert booked(parse(text, SHOP, "yogurt")) == want


@pytest.mark.parametrize("text, want", [
    ("来一斤 哦不 半斤", "来半斤"),
    ("来半斤 不对 一斤半", "来一斤半"),
    ("要四瓶 不对 两瓶吧", "要两瓶吧"),
    ("来两瓶 哦不 三袋", "来三袋"),
    ("来5瓶 不对 4", "来4瓶"),
])
def test_the_amount_taken_back_is_dropped_and_the_new_one_keeps_its_unit(text, want):
    assert retracted(text) == want


def test_a_correction_that_names_the_new_amount_first_is_left_to_corrections():
    assert retracted("要3瓶 不是 2瓶") == "要3瓶 不是 2瓶"
