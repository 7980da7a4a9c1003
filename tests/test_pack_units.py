"""A declared pack may count in any classifier a comment counts in: a case of 24 cans (24听), a case of 12 cup
noodles (12桶), a 提 of 6 boxes (6盒). What converts to whole sale units is booked; a part of one goes to review."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.base.errors import CopilotError
from copilot.orders.rules import parse

SHOP = Catalog.from_dict({"products": [
    {"sku": "beer", "name": "纯生啤酒", "link": 1, "unit": "箱", "pack": "24听", "price": 96, "stock": 30},
    {"sku": "noodle", "name": "红烧牛肉面", "link": 2, "unit": "箱", "pack": "12桶", "price": 48, "stock": 30},
    {"sku": "milk", "name": "纯牛奶", "link": 3, "unit": "提", "pack": "6盒", "price": 30, "stock": 30},
    {"sku": "tissue", "name": "抽纸", "link": 4, "unit": "提", "pack": "10包", "price": 25, "stock": 30},
], "store": {"name": "测试酒水铺"}})


@pytest.mark.parametrize("pack, size", [("24听", (24.0, "听")), ("12桶", (12.0, "桶")), ("6 罐", (6.0, "罐")),
                                        ("10包", (10.0, "包")), ("500克", (500.0, "克"))])
def test_a_pack_counts_in_any_classifier(pack, size):
    item = {"sku": "a", "name": "甲", "link": 1, "unit": "箱", "price": 1, "stock": 1, "pack": pack}
    assert Catalog.from_dict({"products": [item]}).get("a").pack_size == size


@pytest.mark.parametrize("pack", ["一箱", "24", "听24", "24升听"])
def test_a_pack_without_a_number_and_a_classifier_is_refused_with_the_fix(pack):
    item = {"sku": "a", "name": "甲", "link": 1, "unit": "箱", "price": 1, "stock": 1, "pack": pack}
    with pytest.raises(CopilotError) as err:
        Catalog.from_dict({"products": [item]})
    assert "pack" in str(err.value) and "500克" in str(err.value)


@pytest.mark.parametrize("current, text, sku, qty", [
    ("beer", "要48听", "beer", 2.0),
    ("beer", "来24罐", "beer", 1.0),      # 罐 and 听 are counted the same
    (None, "牛肉面来12桶", "noodle", 1.0),
    ("milk", "要12盒", "milk", 2.0),
])
def test_a_count_of_the_declared_classifier_books_whole_units(current, text, sku, qty):
    intent = parse(text, SHOP, current)
    assert not intent.needs_review, intent.reason
    assert {i.sku: i.qty for i in intent.items} == {sku: qty}


@pytest.mark.parametrize("current, text", [("beer", "来6听"), ("noodle", "要3桶"), ("milk", "来2盒")])
def test_part_of_a_case_goes_to_review(current, text):
    intent = parse(text, SHOP, current)
    assert intent.needs_review, intent


HOME_GOODS = Catalog.from_dict({"products": [
    {"sku": "paper", "name": "卷纸", "link": 1, "unit": "提", "pack": "10卷", "price": 30, "stock": 30},
    {"sku": "aa", "name": "碱性电池", "link": 2, "unit": "板", "pack": "4节", "price": 12, "stock": 30},
    {"sku": "cheese", "name": "芝士片", "link": 3, "unit": "盒", "price": 25, "stock": 30},
    {"sku": "soap", "name": "香皂", "link": 4, "unit": "块", "price": 5, "stock": 30},
], "store": {"name": "测试日用品店"}})


@pytest.mark.parametrize("current, text, qty", [("paper", "要20卷", 2.0), ("aa", "电池来8节", 2.0)])
def test_rolls_and_cells_of_a_declared_pack_book_whole_units(current, text, qty):
    intent = parse(text, HOME_GOODS, current)
    assert not intent.needs_review, intent.reason
    assert [i.qty for i in intent.items] == [qty]


@pytest.mark.parametrize("current, text", [
    ("paper", "来5卷"),      # half a 提
    ("aa", "要2节"),
    ("cheese", "要3片"),     # three slices of a box: not three boxes
    ("soap", "来2双"),
])
def test_a_count_in_a_classifier_that_is_not_the_sale_unit_goes_to_review(current, text):
    intent = parse(text, HOME_GOODS, current)
    assert intent.needs_review, intent


FLOWERS = Catalog.from_dict({"products": [
    {"sku": "rose", "name": "红玫瑰", "link": 1, "unit": "束", "pack": "11支", "price": 59, "stock": 20},
    {"sku": "pothos", "name": "绿萝", "link": 2, "unit": "盆", "price": 25, "stock": 20},
], "store": {"name": "测试花店"}})


@pytest.mark.parametrize("current, text, sku, qty", [("rose", "要2束", "rose", 2.0), ("pothos", "来一盆", "pothos", 1.0),
                                                     ("rose", "要22支", "rose", 2.0)])
def test_flowers_by_the_bunch_and_plants_by_the_pot(current, text, sku, qty):
    intent = parse(text, FLOWERS, current)
    assert not intent.needs_review, intent.reason
    assert {i.sku: i.qty for i in intent.items} == {sku: qty}


def test_a_unit_no_shop_sells_in_is_refused_with_the_list():
    item = {"sku": "a", "name": "甲", "link": 1, "unit": "吨", "price": 1, "stock": 1}
    with pytest.raises(CopilotError) as err:
        Catalog.from_dict({"products": [item]})
    assert "吨" in str(err.value) and "束" in str(err.value)


SACHETS = Catalog.from_dict({"products": [
    {"sku": "food", "name": "鲜花保鲜剂", "link": 1, "unit": "包", "pack": "10袋", "price": 6, "stock": 30},
    {"sku": "seed", "name": "花籽", "link": 2, "unit": "袋", "pack": "5包", "price": 8, "stock": 30},
    {"sku": "soil", "name": "营养土", "link": 3, "unit": "袋", "price": 10, "stock": 30},
], "store": {"name": "测试花店"}})


@pytest.mark.parametrize("current, text, qty", [
    ("food", "保鲜剂20袋", 2.0),    # the declared pack counts 袋, though 袋 and 包 are otherwise told the same
    ("food", "要2包", 2.0),         # the sale unit's own word
    ("seed", "花籽来10包", 2.0),
    ("soil", "营养土来2包", 2.0),   # no pack declared: 包 and 袋 are the same
])
def test_a_pack_declared_in_a_word_counted_like_the_sale_unit_converts(current, text, qty):
    intent = parse(text, SACHETS, current)
    assert not intent.needs_review, intent.reason
    assert [i.qty for i in intent.items] == [qty]


def test_one_sachet_of_a_pack_of_ten_goes_to_review():
    assert parse("保鲜剂来3袋", SACHETS, "food").needs_review


def test_a_stationery_shop_sells_notebooks_by_the_book_and_a_pack_of_them():
    shop = Catalog.from_dict({"products": [
        {"sku": "note", "name": "软抄本", "link": 1, "unit": "本", "price": 3, "stock": 50},
        {"sku": "set", "name": "作业本套装", "link": 2, "unit": "套", "pack": "10本", "price": 25, "stock": 20},
    ], "store": {"name": "测试文具店"}})
    assert [(i.sku, i.qty) for i in parse("软抄本来5本", shop, "note").items] == [("note", 5.0)]
    assert [(i.sku, i.qty) for i in parse("要20本", shop, "set").items] == [("set", 2.0)]
    assert parse("来5本", shop, "set").needs_review   # half a set
