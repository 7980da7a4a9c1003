"""Parser round 16: names that hold a link-like number (一号肉, 5号电池) and container words (袋子, 盒子), for
any store."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse
from tests.doubles import booked

BUTCHER = Catalog.from_dict({"products": [
    {"sku": "ribs", "name": "猪肋排", "aliases": ["排骨"], "link": 1, "unit": "斤", "price": 32, "stock": 50},
    {"sku": "trotter", "name": "猪蹄", "link": 2, "unit": "只", "price": 15, "stock": 50},
    {"sku": "belly", "name": "五花肉", "link": 4, "unit": "斤", "price": 18, "stock": 50},
    {"sku": "shoulder", "name": "一号肉", "aliases": ["1号肉", "前腿肉"], "link": 5, "unit": "斤", "price": 16,
     "stock": 50},
    {"sku": "ham", "name": "四号肉", "aliases": ["4号肉", "后腿肉"], "link": 6, "unit": "斤", "price": 17,
     "stock": 50},
], "store": {"name": "测试肉铺"}})
KITCHEN = Catalog.from_dict({"products": [
    {"sku": "lunchbox", "name": "保温饭盒", "link": 1, "unit": "个", "price": 39, "stock": 30},
    {"sku": "crisper", "name": "玻璃密封盒", "link": 2, "unit": "盒", "price": 59, "stock": 30},
    {"sku": "tea", "name": "柠檬茶", "link": 3, "unit": "瓶", "price": 5, "stock": 99},
], "store": {"name": "测试厨具店"}})
FRUIT = Catalog.from_dict({"products": [
    {"sku": "navel_box", "name": "赣南脐橙（10斤装）", "aliases": ["脐橙整箱"], "link": 1, "unit": "箱", "price": 59,
     "stock": 30},
    {"sku": "navel", "name": "散称脐橙", "link": 2, "unit": "斤", "price": 6, "stock": 99},
], "store": {"name": "测试水果店"}})



@pytest.mark.parametrize("text, current, items", [
    ("1号肉来2斤", "ribs", {"shoulder": 2}),  # link 1 is on screen, the name still says 一号肉
    ("一号肉 x2", "belly", {"shoulder": 2}),
    ("4号肉要3斤", "belly", {"ham": 3}),  # link 4 is 五花肉: the name wins
    ("1号和4号肉各来一斤", None, {"shoulder": 1, "ham": 1}),
    ("2号来两只", "trotter", {"trotter": 2}),  # no name starts with 2号
    ("1号链接来2斤", "shoulder", {"ribs": 2}),  # 链接 says the link
])
def test_a_name_holding_a_link_number_names_its_product(text, current, items):
    assert booked(parse(text, BUTCHER, current)) == items


@pytest.mark.parametrize("text, current", [
    ("1号的来一斤", "shoulder"),  # link 1 (排骨) or 一号肉 on screen: which one?
    ("4号的来两斤", "ham"),
    ("1号来2斤", "ribs"),  # link 1 on screen, but 一号肉 is sold by the 斤 too: either (LABELS rule 3, round 39)
    ("4号来1斤", "belly"),
])
def test_a_bare_number_that_is_a_link_and_a_shown_name_goes_to_review(text, current):
    intent = parse(text, BUTCHER, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent
    assert not [i for i in intent.items if i.qty is not None]


@pytest.mark.parametrize("text, current", [("盒子来一个", None), ("盒子来一个", "tea"), ("盒子要两个", "lunchbox")])
def test_a_container_word_shared_by_two_kinds_names_no_product(text, current):
    intent = parse(text, KITCHEN, current)
    assert intent.needs_review and not [i for i in intent.items if i.qty is not None], intent


def test_a_kind_word_with_zi_still_picks_the_pack_by_its_unit():
    assert booked(parse("橙子来一箱", FRUIT, None)) == {"navel_box": 1}
    assert booked(parse("饭盒来一个", KITCHEN, None)) == {"lunchbox": 1}


@pytest.mark.parametrize("text, current", [
    ("早上煎了3个蛋 今天还没饿😂", "trotter"), ("昨晚炖了2斤排骨 香得很", "ribs"), ("中午蒸了两个猪蹄", "trotter"),
    ("烤了一斤五花肉 全吃完了", "belly")])
def test_telling_what_one_cooked_orders_nothing(text, current):
    intent = parse(text, BUTCHER, current)
    assert (intent.kind, intent.needs_review, intent.items) == (Kind.OTHER, False, ()), intent


@pytest.mark.parametrize("text, current, items", [
    ("排骨来2斤 炖汤用", "ribs", {"ribs": 2}), ("五花肉要1斤 烤肉吃", "belly", {"belly": 1})])
def test_cooking_plans_beside_an_order_still_book_it(text, current, items):
    assert booked(parse(text, BUTCHER, current)) == items


DRINKS = Catalog.from_dict({"products": [
    {"sku": "rio", "name": "RIO微醺", "aliases": ["微醺"], "link": 1, "unit": "罐", "price": 8, "stock": 99},
    {"sku": "cola", "name": "可口可乐", "aliases": ["可乐"], "link": 2, "unit": "瓶", "price": 3, "stock": 99},
], "store": {"name": "测试饮料店"}})


@pytest.mark.parametrize("text, items", [("RIO微醺来2罐", {"rio": 2}), ("RIO微醺 两罐", {"rio": 2})])
def test_latin_letters_inside_a_product_name_are_read(text, items):
    assert booked(parse(text, DRINKS, "cola")) == items


@pytest.mark.parametrize("text", ["微醺来两罐 plz", "可乐来2瓶 asap", "来3 bottles"])
def test_latin_words_outside_any_name_still_go_to_review(text):
    intent = parse(text, DRINKS, "cola")
    assert intent.needs_review, intent


BAKERY = Catalog.from_dict({"products": [
    {"sku": "tart", "name": "葡式蛋挞", "aliases": ["蛋挞"], "link": 1, "unit": "盒", "price": 18, "stock": 40},
], "store": {"name": "测试面包房"}})


@pytest.mark.parametrize("text, note", [
    ("蛋挞来2盒 送到5栋 晚上7点后在家", "送到5栋 晚上7点后在家"),
    ("蛋挞 两盒 送3栋 明天上午有人", "送3栋 明天上午有人")])
def test_when_someone_is_home_stays_on_the_delivery_note(text, note):
    intent = parse(text, BAKERY, "tart")
    assert booked(intent) == {"tart": 2}
    assert intent.note == note


def test_being_home_for_something_else_is_no_note():
    intent = parse("明天在家吃火锅 蛋挞来2盒", BAKERY, "tart")
    assert booked(intent) == {"tart": 2}
    assert "在家" not in intent.note


TEA = Catalog.from_dict({"products": [
    {"sku": "green", "name": "明前绿茶", "link": 1, "unit": "盒", "price": 68, "stock": 40},
    {"sku": "black", "name": "正山小种红茶", "aliases": ["红茶"], "link": 2, "unit": "盒", "price": 58, "stock": 40},
    {"sku": "cake", "name": "茶点饼", "link": 3, "unit": "袋", "price": 12, "stock": 40},
], "store": {"name": "测试茶叶店"}})


def test_buying_some_while_at_it_is_a_vague_order_of_the_shown_product():
    intent = parse("家里茶叶喝完了 正好买点", TEA, "black")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True)
    assert [(i.sku, i.qty) for i in intent.items] == [("black", None)]


def test_buying_some_of_a_word_two_products_share_books_none_of_them():
    intent = parse("茶叶喝完了 顺便买点茶", TEA, "black")  # 茶: 绿茶 or 红茶, the shown one is no answer
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent
    assert [i for i in intent.items if i.qty is not None] == []


@pytest.mark.parametrize("text", ["下班去超市买点菜", "妈妈让我买点酱油", "明天再买点", "出门买点早餐", "正好买点了"])
def test_buying_some_elsewhere_or_later_is_talk(text):
    intent = parse(text, TEA, "green")
    assert (intent.kind, intent.items) == (Kind.OTHER, ()), intent
