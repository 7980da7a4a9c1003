"""Parser round 12: rules a shop assistant applies to any store's comments (a word of how goods are and the kind
of several products, 鲜奶 beside 酸奶, names no one product, live or in a 接龙 line; 也来看直播 is a visit, not an
order; 新疆的 picks the one of its kind; what the host holds is on screen; 能换成…吗 and …对吧 ask; a nickname glued
to a 接龙 header's short word is split there)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.intent import Kind
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser
from copilot.orders.rules import parse
from copilot.orders.schema import REVIEW

DAIRY = Catalog.from_dict({"products": [
    {"sku": "milk", "name": "巴氏鲜奶", "link": 1, "unit": "瓶", "price": 8, "stock": 50},
    {"sku": "yogurt", "name": "原味酸奶", "aliases": ["酸奶"], "link": 2, "unit": "杯", "price": 6, "stock": 50},
    {"sku": "prawn", "name": "精品大虾", "link": 3, "unit": "斤", "price": 60, "stock": 20},
    {"sku": "shrimp", "name": "基围虾", "link": 4, "unit": "斤", "price": 45, "stock": 20},
    {"sku": "sausage", "name": "广式腊肠", "link": 5, "unit": "斤", "price": 40, "stock": 20},
    {"sku": "ham", "name": "蒜香肠", "link": 6, "unit": "斤", "price": 30, "stock": 20},
], "store": {"name": "测试鲜货店"}})
SOLO = Catalog.from_dict({"products": [
    {"sku": "milk", "name": "巴氏鲜奶", "link": 1, "unit": "瓶", "price": 8, "stock": 50},
    {"sku": "bread", "name": "全麦吐司", "link": 2, "unit": "个", "price": 12, "stock": 50},
], "store": {"name": "测试面包房"}})


@pytest.mark.parametrize("current, text", [
    (None, "鲜奶来2瓶"),       # 鲜奶 of 巴氏鲜奶, while 酸奶 is milk too
    ("yogurt", "鲜奶要3瓶"),
    (None, "大虾来2斤"),       # 大虾 of 精品大虾, while 基围虾 is a prawn too
])
def test_a_state_and_the_kind_of_several_products_names_none(current, text):
    intent = parse(text, DAIRY, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert not [i for i in intent.items if i.qty is not None]


@pytest.mark.parametrize("catalog, text, items", [
    (SOLO, "鲜奶来2瓶", {"milk": 2}),       # the only milk of the shop
    (DAIRY, "腊肠来2斤", {"sausage": 2}),    # 腊 says no state: 腊肠 is its own goods
    (DAIRY, "巴氏鲜奶来2瓶", {"milk": 2}),
])
def test_a_word_naming_one_product_still_books(catalog, text, items):
    intent = parse(text, catalog, None)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("text", ["我闺女也来看直播了哈哈", "下班了来看看", "隔壁王姐也来凑热闹", "来捧场啦"])
def test_coming_to_watch_is_no_order(text):
    intent = parse(text, SOLO, "bread")
    assert intent.kind is Kind.OTHER and not intent.items, intent.reason


def test_an_order_beside_the_visit_still_books():
    intent = parse("我妈也来看直播了 吐司也来2个", SOLO, "bread")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"bread": 2}


def test_a_chain_line_with_the_kind_word_goes_to_review(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", DAIRY, "2026-11-29")
    apply_chain(ledger, "#接龙 奶 巴氏鲜奶8/瓶 原味酸奶6/杯\n例：小明 巴氏1 原味1\n1. 小王 巴氏2\n2. 阿梅 鲜奶2瓶",
                IntentParser(DAIRY).parse)
    assert chain_state(ledger) == {"小王": {"milk": 2}}
    assert sorted(ln.buyer for ln in ledger.lines(status=REVIEW)) == ["阿梅"]


TEA = Catalog.from_dict({"products": [
    {"sku": "longjing", "name": "西湖龙井茶", "link": 1, "unit": "罐", "price": 98, "stock": 30},
    {"sku": "biluo", "name": "洞庭碧螺春", "link": 2, "unit": "罐", "price": 88, "stock": 30},
    {"sku": "cup", "name": "玻璃茶杯", "link": 3, "unit": "个", "price": 15, "stock": 30},
]})


def test_a_nickname_glued_to_the_headers_short_words_is_split_there(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", TEA, "2026-11-29")
    apply_chain(ledger, "#接龙 新茶 西湖龙井茶98/罐 洞庭碧螺春88/罐\n例：小明 龙井1 碧螺1\n1. 王姐西湖1洞庭2\n"
                        "2. 阿强 西湖2", IntentParser(TEA).parse)
    assert chain_state(ledger) == {"王姐": {"longjing": 1, "biluo": 2}, "阿强": {"longjing": 2}}
    assert sorted(ln.buyer for ln in ledger.lines(status=REVIEW)) == []


MARKET = Catalog.from_dict({"products": [
    {"sku": "hami", "name": "新疆哈密瓜", "link": 1, "unit": "个", "price": 25, "stock": 30},
    {"sku": "watermelon", "name": "海南西瓜", "link": 2, "unit": "个", "price": 30, "stock": 30},
    {"sku": "cola", "name": "可乐", "link": 3, "unit": "瓶", "price": 3, "stock": 30},
    {"sku": "sprite", "name": "雪碧", "link": 4, "unit": "瓶", "price": 3, "stock": 30},
    {"sku": "combo", "name": "西瓜可乐套餐", "link": 5, "unit": "份", "price": 30, "stock": 30},
], "store": {"name": "测试水果店"}})


@pytest.mark.parametrize("current, text, items", [
    ("cola", "新疆的来一个", {"hami": 1}),      # 新疆 starts 新疆哈密瓜 alone; 西瓜 is a melon too
    ("cola", "海南的也来2个", {"watermelon": 2}),
    ("hami", "主播手里拿的这个来一个", {"hami": 1}),  # what the host holds is what is on screen
    ("hami", "主播手上这个要两个", {"hami": 2}),
])
def test_the_one_of_its_kind_and_the_one_in_hand_book(current, text, items):
    intent = parse(text, MARKET, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("text", ["新疆来一个", "新疆的来3瓶"])  # no 的; a unit it is not sold in
def test_a_start_of_a_name_without_its_kind_or_unit_goes_to_review(text):
    intent = parse(text, MARKET, "cola")
    assert intent.needs_review and not [i for i in intent.items if i.qty is not None], intent.reason


@pytest.mark.parametrize("current, text", [
    ("combo", "套餐里的可乐能换成雪碧吗"),   # asks whether it can be: the host answers
    ("hami", "哈密瓜切开吃对吧"),
    ("watermelon", "夏天吃这个解暑对吧"),
])
def test_asking_whether_is_a_question(current, text):
    intent = parse(text, MARKET, current)
    assert intent.kind is Kind.QUESTION and not intent.items, intent.reason


def test_a_swap_said_plainly_still_goes_to_review():
    intent = parse("可乐换成雪碧", MARKET, "combo")
    assert (intent.kind, intent.needs_review) == (Kind.MODIFY, True)


def test_the_review_of_a_kind_word_lists_every_product_of_the_kind():
    intent = parse("鲜奶来2瓶", DAIRY, None)
    assert "巴氏鲜奶" in intent.reason and "原味酸奶" in intent.reason


def test_a_header_naming_most_of_a_products_name_offers_it(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", TEA, "2026-11-29")
    apply_chain(ledger, "#接龙 新茶 西湖龙井98/罐 洞庭碧螺春88/罐\n例：小明 龙井1 碧螺1\n1. 王姐西湖1洞庭2\n"
                        "2. 阿强 龙井2", IntentParser(TEA).parse)
    assert chain_state(ledger) == {"王姐": {"longjing": 1, "biluo": 2}, "阿强": {"longjing": 2}}
    assert sorted(ln.buyer for ln in ledger.lines(status=REVIEW)) == []


def test_a_single_product_chain_keeps_its_default_beside_a_short_header_word(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", TEA, "2026-11-29")
    apply_chain(ledger, "#接龙 西湖龙井茶 98一罐 明前新茶\n1. 小雨2\n2. 阿强 3。", IntentParser(TEA).parse)
    assert chain_state(ledger) == {"小雨": {"longjing": 2}, "阿强": {"longjing": 3}}
