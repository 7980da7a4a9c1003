"""Parser round 41, probed on invented stores unlike the fried-chicken stall and the festive-decorations shop it was
found in: 个 said of pair goods (sold by the 对, 双 or 副) whose ``pack`` counts the pair in 只 is a person's
question (two single ones, or two pairs?), while 只 itself still converts through the pack."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

JEWELLERY = Catalog.from_dict({"products": [
    {"sku": "earrings", "name": "珍珠耳钉", "link": 1, "unit": "对", "pack": "2只", "price": 39, "stock": 30},
    {"sku": "slippers", "name": "棉拖鞋", "link": 2, "unit": "双", "pack": "2只", "price": 25, "stock": 30},
    {"sku": "ring", "name": "银戒指", "link": 3, "unit": "个", "price": 59, "stock": 30},
    {"sku": "cups", "name": "情侣杯", "link": 4, "unit": "对", "pack": "2个", "price": 45, "stock": 30},
]})


def _read(text, current, catalog=JEWELLERY):
    intent = parse(text, catalog, current)
    return intent, {i.sku: i.qty for i in intent.items}


@pytest.mark.parametrize("current, text", [
    ("earrings", "来两个"),
    ("slippers", "来4个"),
    ("ring", "耳钉来两个"),
])
def test_ge_of_pair_goods_packed_in_zhi_asks(current, text):
    intent, _ = _read(text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review, intent


@pytest.mark.parametrize("current, text, want", [
    ("earrings", "来4只", {"earrings": 2}),   # 只 is the pack's own word: whole pairs
    ("slippers", "来一双", {"slippers": 1}),
    ("cups", "来4个", {"cups": 2}),            # a pair packed in 个: 个 is the pack's own word
    ("ring", "来两个", {"ring": 2}),
])
def test_pack_words_and_sale_units_still_convert(current, text, want):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason


CRAFTS = Catalog.from_dict({"products": [
    {"sku": "beads", "name": "檀木手串", "link": 1, "unit": "串", "spec": "一串 18 颗檀木珠", "price": 68, "stock": 20},
    {"sku": "tea_set", "name": "旅行茶具", "link": 2, "unit": "套", "spec": "1 只茶壶 + 4 只小杯", "price": 88,
     "stock": 20},
    {"sku": "bowls", "name": "青花碗套装", "link": 3, "unit": "套", "spec": "一套 6 个碗", "price": 99, "stock": 20},
    {"sku": "tea_cake", "name": "茶饼礼盒", "link": 4, "unit": "盒", "spec": "每盒 4 块", "price": 120, "stock": 20},
]})


@pytest.mark.parametrize("current, text, want", [
    ("beads", "来两个", {"beads": 2}),    # the spec counts the beads in 颗, not in 个: 两个 are two strings
    ("tea_set", "来一个", {"tea_set": 1}),  # the parts are counted in 只: one set
])
def test_ge_of_a_set_or_string_whose_spec_counts_parts_in_another_word(current, text, want):
    intent, got = _read(text, current, CRAFTS)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason


@pytest.mark.parametrize("current, text", [
    ("bowls", "来一个"),     # 一套 6 个碗: one bowl or one set?
    ("tea_cake", "来两个"),  # a box (a packed unit) of 4 块: a person asks, as before
])
def test_ge_still_asks_when_the_spec_counts_in_ge_or_the_unit_is_a_pack(current, text):
    intent, _ = _read(text, current, CRAFTS)
    assert intent.kind == Kind.ORDER and intent.needs_review, intent


NOODLES = Catalog.from_dict({"products": [
    {"sku": "rice_noodle", "name": "螺蛳粉", "link": 1, "unit": "份", "price": 15, "stock": 50,
     "spec": "一份 15 元，加蛋、加肉、加腐竹各加 3 元"},
    {"sku": "tea", "name": "柠檬茶", "link": 2, "unit": "杯", "price": 8, "stock": 50,
     "spec": "可加珍珠或加椰果，每样 2 元，做好可加热"},
    {"sku": "egg", "name": "卤蛋", "link": 3, "unit": "个", "price": 3, "stock": 50},
]})


@pytest.mark.parametrize("current, text, want, note", [
    ("rice_noodle", "螺蛳粉加蛋来两份", {"rice_noodle": 2}, "加蛋"),
    ("rice_noodle", "1号来一份 加肉", {"rice_noodle": 1}, "加肉"),
    ("rice_noodle", "螺丝粉 x2 加腐竹", {"rice_noodle": 2}, "加腐竹"),
    ("tea", "螺蛳粉来一份 加肉加蛋", {"rice_noodle": 1}, "加肉"),   # the next topping ends the first
    ("tea", "柠檬茶来一杯 加椰果", {"tea": 1}, "加椰果"),
])
def test_add_ins_listed_with_their_jia_in_the_spec_are_wishes_on_the_order(current, text, want, note):
    intent, got = _read(text, current, NOODLES)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason
    assert note in intent.note


def test_ye_jia_on_a_relative_change_is_a_wish_too():
    intent = parse("再加一份 也加蛋", NOODLES, "rice_noodle")
    assert intent.kind == Kind.MODIFY and "也加蛋" in intent.note, intent


def test_jia_said_once_in_prose_is_no_topping():
    from copilot.orders.toppings import toppings_of
    found = toppings_of(NOODLES)  # the lists are read (加蛋、加肉 …; 加珍珠或加椰果), 可加热 is one 加 of the prose
    assert found is not None and found.search("加椰果") and not found.search("加热")


STATIONERY = Catalog.from_dict({"products": [
    {"sku": "postcards", "name": "风景明信片 6张装", "aliases": ["明信片"], "link": 1, "unit": "套", "pack": "6张",
     "price": 12, "stock": 40},
    {"sku": "stickers", "name": "卡通贴纸 12张", "aliases": ["贴纸"], "link": 2, "unit": "套", "pack": "12张", "price": 10,
     "stock": 40},
    {"sku": "pens", "name": "中性笔", "link": 3, "unit": "支", "price": 2, "stock": 100},
]})


@pytest.mark.parametrize("current, text, want", [
    ("postcards", "来12张", {"postcards": 2}),     # whole packs of the shown 6张 套, not the 12张 stickers
    ("postcards", "12张的来一套", {"stickers": 1}),  # 的: the name
    ("stickers", "来12张", {"stickers": 1}),
])
def test_a_count_in_another_name_is_whole_packs_of_the_shown(current, text, want):
    intent, got = _read(text, current, STATIONERY)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason


def test_a_count_in_another_name_that_is_a_part_pack_of_the_shown_is_not_booked_as_it():
    intent, got = _read("来9张", "postcards", STATIONERY)
    assert intent.needs_review or got != {"postcards": 1.5}, intent


HARDWARE = Catalog.from_dict({"products": [
    {"sku": "hammer", "name": "羊角锤", "link": 5, "unit": "把", "price": 25, "stock": 20},
    {"sku": "tape", "name": "5号卷尺", "aliases": ["卷尺"], "link": 7, "unit": "个", "price": 12, "stock": 20},
    {"sku": "gloves", "name": "劳保手套", "link": 8, "unit": "副", "price": 5, "stock": 50},
]})


@pytest.mark.parametrize("current, text, want", [
    ("hammer", "我说的是5号链接 羊角锤来一把", {"hammer": 1}),
    ("gloves", "是8号链接 手套来3副", {"gloves": 3}),
])
def test_a_link_said_then_its_name_with_the_quantity_is_one_order(current, text, want):
    intent, got = _read(text, current, HARDWARE)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason


def test_two_quantities_of_one_product_still_ask():
    intent, _ = _read("羊角锤来一把 羊角锤来两把", "hammer", HARDWARE)
    assert intent.needs_review, intent


@pytest.mark.parametrize("text", ["螺蛳粉来一份 要辣的", "1号来两份 辣的"])
def test_la_de_said_apart_is_how_the_goods_are_made(text):
    intent = parse(text, NOODLES, "rice_noodle")
    assert intent.kind == Kind.ORDER and not intent.needs_review and "辣的" in intent.note, intent
