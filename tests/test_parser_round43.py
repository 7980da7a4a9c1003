"""Parser round 43, probed on invented stores unlike the 粽子 shop and the fishing-tackle shop it was found in.

LABELS rule 5 (its unit sentence): a family word whose members are different goods is not settled by the unit said,
on screen or not (核桃来一盒 with 生核桃 by the 斤 beside 核桃酥饼 by the 盒: the viewer may not know how each is sold);
rule 2 still picks among packs of the same goods (花茶来一盒 with 茉莉花茶 单袋 beside 茉莉花茶 整盒)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

PASTRY = Catalog.from_dict({"products": [
    {"sku": "walnut", "name": "生核桃", "link": 1, "unit": "斤", "price": 18, "stock": 50},
    {"sku": "walnut_cake", "name": "核桃酥饼", "link": 2, "unit": "盒", "price": 25, "stock": 50},
    {"sku": "jasmine_bag", "name": "茉莉花茶 单袋", "link": 3, "unit": "袋", "price": 6, "stock": 50},
    {"sku": "jasmine_box", "name": "茉莉花茶 整盒", "link": 4, "unit": "盒", "pack": "10袋", "price": 55, "stock": 50},
    {"sku": "yolk_cake", "name": "蛋黄酥饼", "link": 5, "unit": "个", "price": 8, "stock": 50},
    {"sku": "yolk", "name": "咸蛋黄", "link": 6, "unit": "盒", "price": 20, "stock": 50},
]})


def _read(text, current, catalog=PASTRY):
    intent = parse(text, catalog, current)
    return intent, {i.sku: i.qty for i in intent.items}


@pytest.mark.parametrize("current, text", [
    (None, "核桃来一盒"),          # 生核桃 by the 斤, 核桃酥饼 by the 盒: two goods
    ("walnut_cake", "核桃的来两盒"),  # the one sold so on screen: still two goods
    (None, "蛋黄来一盒"),          # 蛋黄酥饼 by the 个, 咸蛋黄 by the 盒
    ("yolk", "蛋黄的也来两个"),
])
def test_unit_does_not_settle_a_family_word_of_different_goods(current, text):
    intent, _ = _read(text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review, intent


@pytest.mark.parametrize("current, text, want", [
    ("jasmine_bag", "花茶来一盒", {"jasmine_box": 1}),  # packs of the same goods: rule 2
    ("walnut", "核桃酥饼来一盒", {"walnut_cake": 1}),     # the goods named whole
    ("walnut", "来两斤", {"walnut": 2}),
])
def test_unit_still_picks_among_packs_of_the_same_goods(current, text, want):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason


DELI = Catalog.from_dict({"products": [
    {"sku": "buns", "name": "手工馒头", "link": 1, "unit": "个", "price": 2, "stock": 50},
    {"sku": "dumplings", "name": "三鲜水饺", "link": 2, "unit": "袋", "price": 20, "stock": 50},
    {"sku": "ham", "name": "烤火腿", "link": 3, "unit": "根", "price": 20, "stock": 50},
]})


@pytest.mark.parametrize("current, text, want, note", [
    ("buns", "来6个 要蒸好的", {"buns": 6}, "要蒸好的"),
    ("dumplings", "来两袋 帮我煮熟", {"dumplings": 2}, "帮我煮熟"),
    ("ham", "来一根 帮我煎好", {"ham": 1}, "帮我煎好"),
])
def test_a_cooking_request_is_kept_as_the_order_note(current, text, want, note):
    intent, got = _read(text, current, DELI)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason
    assert note in intent.note


@pytest.mark.parametrize("current, text", [("buns", "蒸好的馒头有吗"), ("buns", "要不要蒸好")])
def test_a_question_about_cooking_stays_a_question(current, text):
    intent, _ = _read(text, current, DELI)
    assert intent.kind == Kind.QUESTION, intent


EGGS = Catalog.from_dict({"products": [
    {"sku": "egg", "name": "土鸡蛋", "link": 1, "unit": "个", "price": 2, "stock": 90},
    {"sku": "egg_box", "name": "鹌鹑蛋 一盒", "link": 2, "unit": "盒", "pack": "20枚", "price": 12, "stock": 30},
    {"sku": "pin", "name": "纪念徽章", "link": 3, "unit": "个", "price": 15, "stock": 30},
]})


@pytest.mark.parametrize("current, text, want", [
    ("egg", "来10枚", {"egg": 10}),      # 枚 counts one egg as 个 does
    ("pin", "来两枚", {"pin": 2}),
    ("egg_box", "来40枚", {"egg_box": 2}),  # the pack's own word: whole boxes, as before
])
def test_mei_counts_the_same_single_thing_as_ge(current, text, want):
    intent, got = _read(text, current, EGGS)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason


def test_mei_of_a_box_that_is_no_whole_pack_still_asks():
    intent, _ = _read("来5枚", "egg_box", EGGS)
    assert intent.needs_review, intent


HARDWARE = Catalog.from_dict({"products": [
    {"sku": "tape", "name": "封箱胶带", "link": 7, "unit": "卷", "price": 5, "stock": 50},
    {"sku": "battery", "name": "南孚电池 7号 4节装", "aliases": ["7号电池"], "link": 2, "unit": "板", "price": 12, "stock": 50},
    {"sku": "gloves", "name": "劳保手套", "link": 3, "unit": "双", "price": 4, "stock": 50},
]})


@pytest.mark.parametrize("current, text, want", [
    ("tape", "7号来两板", {"battery": 2}),      # link 7 by the 卷 shown; 板 is sold only by the 7号 battery
    (None, "7号来两板", {"battery": 2}),
    ("gloves", "7号来一卷", {"tape": 1}),       # 卷 is sold only by link 7
    ("tape", "7号和3号各来一板", None),
])
def test_the_unit_said_picks_the_one_an_n_hao_may_name_sold_in_it(current, text, want):
    intent, got = _read(text, current, HARDWARE)
    if want is None:  # 3号 is the gloves (link 3), not sold by the 板: a person asks
        assert intent.needs_review, intent
        return
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason


ZIPS = Catalog.from_dict({"products": [
    {"sku": "zip_3", "name": "树脂拉链 3号", "aliases": ["3号拉链"], "link": 5, "unit": "条", "price": 2, "stock": 50},
    {"sku": "zip_5", "name": "金属拉链 5号", "aliases": ["5号拉链"], "link": 6, "unit": "条", "price": 3, "stock": 50},
    {"sku": "ribbon", "name": "罗纹织带", "link": 3, "unit": "卷", "price": 9, "stock": 50},
]})


@pytest.mark.parametrize("current, text", [("zip_5", "5号来两条"), ("ribbon", "5号来两条")])
def test_a_unit_sold_by_both_of_them_still_asks(current, text):
    intent, _ = _read(text, current, ZIPS)  # link 5 and the 5号 zip are both sold by the 条
    assert intent.needs_review, intent


def test_the_n_hao_product_itself_shown_still_asks():
    intent, _ = _read("7号来两板", "battery", HARDWARE)  # the 7号 battery shown: this one, or link 7 by another unit?
    assert intent.needs_review, intent


@pytest.mark.parametrize("text, want", [("那就一打吧", 12), ("还是半打吧", 6)])
def test_settling_on_a_dozen_is_an_absolute_modify(text, want):
    intent, got = _read(text, "egg", EGGS)
    assert (intent.kind, intent.needs_review, got) == (Kind.MODIFY, False, {"egg": want}), intent


def test_a_dozen_first_said_is_still_an_order():
    intent, got = _read("来一打", "egg", EGGS)
    assert (intent.kind, got) == (Kind.ORDER, {"egg": 12}), intent
