"""Packs of the same goods, read from the catalog for any store (LABELS rules 2, 3 and 5): a listing's name without its
pack words, sizes and counts wherever they stand, and a declared ``pack`` counted in the unit another listing is
sold in, say which listings sell one goods; the unit said then picks among them, on screen or not. Different goods
that share a word stay for a person, and a number with 号 held anywhere in a name meets link N by the unit said."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.packs import one_goods, same_goods
from copilot.orders.rules import parse

WATER = Catalog.from_dict({"products": [
    {"sku": "spring_one", "name": "山泉水 550ml 单瓶", "link": 1, "unit": "瓶", "price": 2, "stock": 500},
    {"sku": "spring_case", "name": "山泉水 整箱24瓶", "link": 2, "unit": "箱", "pack": "24瓶", "price": 40, "stock": 50},
    {"sku": "tea_one", "name": "冰红茶500ml", "link": 3, "unit": "瓶", "price": 3, "stock": 300},
    {"sku": "tea_case", "name": "冰红茶500ml×15瓶", "link": 4, "unit": "箱", "pack": "15瓶", "price": 40, "stock": 30},
    {"sku": "soda_one", "name": "天然苏打水", "link": 5, "unit": "瓶", "price": 4, "stock": 200},
    {"sku": "soda_six", "name": "苏打水 6瓶装", "link": 7, "unit": "提", "pack": "6瓶", "price": 22, "stock": 40},
    {"sku": "green_drink", "name": "绿茶饮料 500ml", "link": 8, "unit": "瓶", "price": 3, "stock": 100},
    {"sku": "green_leaf", "name": "明前绿茶 100g", "link": 9, "unit": "盒", "price": 88, "stock": 20},
    {"sku": "pump", "name": "桶装水压水器 3号", "link": 11, "unit": "个", "price": 15, "stock": 20},
    {"sku": "seal", "name": "硅胶密封圈 6号 一对", "link": 12, "unit": "对", "pack": "2个", "price": 5, "stock": 50},
    {"sku": "cup", "name": "一次性纸杯", "link": 6, "unit": "个", "price": 1, "stock": 500},
    {"sku": "keg_big", "name": "桶装水 18.9L", "link": 13, "unit": "桶", "price": 20, "stock": 50},
    {"sku": "keg_small", "name": "桶装水 11.3L", "link": 14, "unit": "桶", "price": 14, "stock": 50},
], "store": {"name": "测试饮用水站"}})


def _booked(text: str, current: str | None):
    intent = parse(text, WATER, current)
    return intent.kind, intent.needs_review, [(i.sku, i.qty) for i in intent.items]


@pytest.mark.parametrize("one, other", [("spring_one", "spring_case"), ("tea_one", "tea_case"),
                                        ("soda_one", "soda_six")])
def test_the_catalog_says_which_listings_are_one_goods(one, other):
    a, b = WATER.get(one), WATER.get(other)
    assert one_goods([a, b]) and same_goods(a, WATER) == [b] and same_goods(b, WATER) == [a]


def test_two_goods_that_share_a_word_or_two_sizes_sold_alike_are_not_one():
    assert not one_goods([WATER.get("green_drink"), WATER.get("green_leaf")])
    assert not one_goods([WATER.get("keg_big"), WATER.get("keg_small")])  # two sizes, both by the 桶
    assert not same_goods(WATER.get("soda_one"), WATER)[1:]  # only its own 6瓶装


@pytest.mark.parametrize("text, current, sku, qty", [
    ("山泉水来一箱", None, "spring_case", 1), ("山泉水要6瓶", None, "spring_one", 6),
    ("来一箱", "spring_one", "spring_case", 1), ("来5瓶", "spring_case", "spring_one", 5),
    ("来48瓶", "spring_case", "spring_case", 2),  # the shown pack makes it whole packs (rule 2)
    ("整箱的来48瓶", "spring_case", "spring_case", 2), ("整箱的来一箱", "spring_one", "spring_case", 1),
    ("冰红茶来两箱", None, "tea_case", 2), ("冰红茶先给我留3瓶", None, "tea_one", 3),
    ("来一箱", "tea_one", "tea_case", 1), ("来4瓶", "tea_case", "tea_one", 4),
    ("苏打水来一提", None, "soda_six", 1), ("苏打水来3瓶", "pump", "soda_one", 3),
    ("来一提", "soda_one", "soda_six", 1), ("来2瓶", "soda_six", "soda_one", 2),
])
def test_the_unit_said_picks_the_pack_of_the_same_goods(text, current, sku, qty):
    assert _booked(text, current) == (Kind.ORDER, False, [(sku, qty)])


@pytest.mark.parametrize("text, current", [("绿茶来一盒", None), ("绿茶来两瓶", None), ("来一提", "tea_one")])
def test_different_goods_or_no_listing_sold_so_stay_for_a_person(text, current):
    kind, review, items = _booked(text, current)  # rule 5: the viewer may not know how each is sold
    assert (kind, review) == (Kind.ORDER, True) and not [q for _, q in items if q is not None]


@pytest.mark.parametrize("text, current, sku, qty", [
    ("3号来一个", None, "pump", 1), ("3号来两瓶", None, "tea_one", 2), ("3号的来一个", "cup", "pump", 1),
    ("3号来一个", "tea_one", "pump", 1), ("3号来两瓶", "tea_one", "tea_one", 2),
])
def test_a_number_with_hao_anywhere_in_a_name_meets_link_n_by_the_unit_said(text, current, sku, qty):
    assert _booked(text, current) == (Kind.ORDER, False, [(sku, qty)])


@pytest.mark.parametrize("text, current", [("6号来一个", "cup"), ("6号来一个", None),  # a 纸杯 (link 6) or one of
                                           ("3号要一个", "pump")])  # the pair of 6号 seals? the 3号 shown, or link 3?
def test_a_unit_that_counts_the_pieces_of_a_pack_fits_that_listing_too(text, current):
    kind, review, items = _booked(text, current)
    assert (kind, review) == (Kind.ORDER, True) and not [q for _, q in items if q is not None]
