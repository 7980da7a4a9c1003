"""Parser round 14: rules a shop assistant applies to any store's comments (an animal's 肉 names no one product
where another is a cut of that animal, 牛肉 beside 牛腩 and 牛排; a sum worked out after a price per unit, 8一瓶 三瓶
二十四, is talk about prices; in a 接龙 the offer does not settle a word that ends the offered product's name
when another product of the shop holds it too, 蛋糕 of 奶油蛋糕 beside 蛋糕卷)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.intent import Kind
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser
from copilot.orders.rules import parse
from copilot.orders.schema import REVIEW

BUTCHER = Catalog.from_dict({"products": [
    {"sku": "beef", "name": "酱牛肉", "link": 1, "unit": "斤", "price": 68, "stock": 50},
    {"sku": "steak", "name": "黑椒牛排", "link": 2, "unit": "盒", "price": 45, "stock": 50},
    {"sku": "pork", "name": "红烧猪肉", "link": 3, "unit": "盒", "price": 30, "stock": 50},
    {"sku": "ribs", "name": "糖醋猪肋排", "link": 4, "unit": "盒", "price": 42, "stock": 50},
    {"sku": "egg", "name": "土鸡蛋", "link": 5, "unit": "盒", "price": 20, "stock": 50},
], "store": {"name": "测试熟食店"}})
DAIRY = Catalog.from_dict({"products": [
    {"sku": "beef", "name": "卤牛肉", "link": 1, "unit": "斤", "price": 70, "stock": 50},
    {"sku": "milk", "name": "纯牛奶", "link": 2, "unit": "箱", "price": 55, "stock": 50},
], "store": {"name": "测试社区店"}})


@pytest.mark.parametrize("text, current", [("牛肉来一斤", "beef"), ("牛肉来一斤", "steak"), ("牛肉要两盒", None),
                                           ("猪肉来一盒", "ribs"), ("猪肉来一盒", "pork")])
def test_an_animals_meat_beside_a_cut_of_it_names_no_one_product(text, current):
    intent = parse(text, BUTCHER, current)  # 牛排 is beef too, 猪肋排 pork: which one, a person asks
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert not [i for i in intent.items if i.qty is not None]


KITCHEN = Catalog.from_dict({"products": [
    {"sku": "patty", "name": "照烧鸡肉", "link": 1, "unit": "盒", "price": 25, "stock": 50},
    {"sku": "diced", "name": "宫保鸡丁", "link": 2, "unit": "盒", "price": 22, "stock": 50},
], "store": {"name": "测试净菜店"}})


def test_diced_meat_is_a_cut_too():
    intent = parse("鸡肉来一盒", KITCHEN, None)  # 鸡丁 is chicken too
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason


def test_the_review_names_every_product_of_the_meat():
    reason = parse("牛肉来一斤", BUTCHER, "egg").reason
    assert "酱牛肉" in reason and "黑椒牛排" in reason


@pytest.mark.parametrize("text, items", [("牛排来2盒", {"steak": 2}), ("酱牛肉来一斤", {"beef": 1}),
                                         ("鸡蛋来两盒", {"egg": 2})])
def test_a_cut_or_a_whole_name_still_books(text, items):
    intent = parse(text, BUTCHER, "pork")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


def test_meat_beside_goods_that_are_no_cut_still_books():
    intent = parse("牛肉来一斤", DAIRY, "milk")  # 牛奶 is milk, no beef
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"beef": 1}


DRINKS = Catalog.from_dict({"products": [
    {"sku": "tea", "name": "冰红茶", "link": 1, "unit": "瓶", "price": 8, "stock": 50},
    {"sku": "rose", "name": "红玫瑰", "link": 2, "unit": "支", "price": 12, "stock": 50},
], "store": {"name": "测试饮品花店"}})


@pytest.mark.parametrize("text, current", [("8一瓶 三瓶二十四 划算", "tea"), ("8块一瓶 3瓶24 还行", "tea"),
                                           ("12元/支 两支24", "rose"), ("12一支 两支才二十四 不贵", "rose"),
                                           ("一瓶8 三瓶24 划算", "tea"), ("一支12块 两支24块", "rose")])
def test_a_sum_worked_out_after_a_price_per_unit_is_talk(text, current):
    intent = parse(text, DRINKS, current)
    assert intent.kind is Kind.OTHER and not intent.items, intent.reason


def test_a_quantity_ordered_beside_its_sum_is_still_an_order():
    intent = parse("8一瓶 要三瓶 24对吧", DRINKS, "tea")  # the buyer orders, then checks the sum
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"tea": 3}


@pytest.mark.parametrize("text", ["8一瓶 三瓶20", "三瓶二十四", "一瓶8 三瓶20", "来一瓶8 三瓶24"])
def test_a_number_after_a_quantity_that_is_no_such_sum_is_not_talk(text):
    intent = parse(text, DRINKS, "tea")  # 20 is no 3 × 8 (a deal asked for?); no price said: not a sum
    assert intent.kind is not Kind.OTHER, intent.reason


BAKERY = Catalog.from_dict({"products": [
    {"sku": "cake", "name": "奶油蛋糕", "link": 1, "unit": "个", "price": 88, "stock": 20},
    {"sku": "roll", "name": "抹茶蛋糕卷", "link": 2, "unit": "个", "price": 35, "stock": 20},
    {"sku": "tart", "name": "葡式蛋挞", "link": 3, "unit": "盒", "price": 25, "stock": 20},
    {"sku": "bun", "name": "红豆面包", "link": 4, "unit": "袋", "price": 12, "stock": 20},
    {"sku": "soup", "name": "蜜红豆汤", "link": 5, "unit": "杯", "price": 9, "stock": 20},
], "store": {"name": "测试面包店"}})


def _chain(tmp_path, text):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", BAKERY, "2026-11-30")
    apply_chain(ledger, text, IntentParser(BAKERY).parse)
    return chain_state(ledger), sorted(ln.buyer for ln in ledger.lines(status=REVIEW))


def test_a_chain_offer_does_not_settle_a_kind_another_product_holds(tmp_path):
    state, review = _chain(tmp_path, "#接龙 周末 奶油蛋糕88/个 葡式蛋挞25/盒\n例：小明 蛋挞1盒\n"
                                     "1. 阿梅 蛋糕1个，蛋挞1盒\n2. 小胖 奶油蛋糕1个")
    assert state == {"小胖": {"cake": 1}}  # 蛋糕 may be the 蛋糕卷 the shop sells too: the whole line to review
    assert review == ["阿梅"]


def test_a_chain_still_reads_a_word_that_starts_one_offered_name(tmp_path):
    state, review = _chain(tmp_path, "#接龙 早餐 红豆面包12/袋 葡式蛋挞25/盒\n例：小明 红豆面包1袋\n"
                                     "1. 阿梅 红豆2 蛋挞1")
    assert state == {"阿梅": {"bun": 2, "tart": 1}}  # 红豆 says which bread, though 蜜红豆汤 holds it
    assert review == []
