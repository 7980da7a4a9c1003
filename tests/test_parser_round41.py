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
