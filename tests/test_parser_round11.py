"""Parser round 11: rules a shop assistant applies to any store's comments (份 is one sale unit only of a box,
bag or portion; a one-character word that ends the names of several products names their kind, not the one on
screen)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

STORE = Catalog.from_dict({"products": [
    {"sku": "duck", "name": "脆皮烤鸭", "link": 1, "unit": "只", "spec": "每只约 2 斤，可代切", "price": 58, "stock": 20},
    {"sku": "fish", "name": "清蒸鲈鱼", "link": 2, "unit": "条", "price": 30, "stock": 20},
    {"sku": "bread", "name": "全麦吐司", "link": 3, "unit": "个", "price": 12, "stock": 20},
    {"sku": "salad", "name": "凉拌海带丝", "link": 4, "unit": "份", "price": 8, "stock": 20},
    {"sku": "cake", "name": "芒果千层", "link": 5, "unit": "盒", "price": 30, "stock": 20},
    {"sku": "noodle", "name": "手工面条", "link": 6, "unit": "把", "price": 5, "stock": 20},
    {"sku": "yogurt", "name": "老酸奶", "link": 7, "unit": "杯", "price": 6, "stock": 20},
    {"sku": "tea", "name": "柠檬茶", "link": 8, "unit": "瓶", "price": 6, "stock": 20},
], "store": {"name": "测试熟食店"}})


def _read(text, current):
    intent = parse(text, STORE, current)
    return intent, {i.sku: i.qty for i in intent.items}


@pytest.mark.parametrize("current, text", [
    ("duck", "来一份"),            # a 只 cut up: a whole duck, or a half?
    ("fish", "2号来2份"),          # a 条 of fish
    ("bread", "要两份"),           # a 个: one loaf, or a serving of slices?
    ("noodle", "来一份"),          # a 把 of noodles
    ("tea", "柠檬茶来2份"),        # a bottle, or a poured serving?
])
def test_fen_of_a_whole_thing_or_bundle_is_asked(current, text):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert all(q is None for q in got.values())


@pytest.mark.parametrize("current, text, items", [
    ("salad", "来两份", {"salad": 2}),
    ("cake", "5号来一份", {"cake": 1}),      # a 盒
    ("yogurt", "老酸奶要3份", {"yogurt": 3}),  # a 杯 is a portion
    ("duck", "来2只", {"duck": 2}),          # the sale unit itself still books
])
def test_fen_of_a_box_bag_or_portion_is_the_sale_unit(current, text, items):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert got == items


SEAFOOD = Catalog.from_dict({"products": [
    {"sku": "squid", "name": "鲜鱿鱼", "aliases": ["鱿鱼"], "link": 1, "unit": "斤", "price": 30, "stock": 20},
    {"sku": "bass", "name": "鲈鱼", "link": 2, "unit": "条", "price": 30, "stock": 20},
    {"sku": "croaker", "name": "黄花鱼", "link": 3, "unit": "条", "price": 25, "stock": 20},
    {"sku": "bun", "name": "奶黄包", "link": 5, "unit": "袋", "price": 12, "stock": 20},
], "store": {"name": "测试鲜货店"}})


@pytest.mark.parametrize("current, text, review, items", [
    ("croaker", "皇华鱼2条", False, {"croaker": 2}),  # 皇华 for 黄花: two sounds typed alike
    ("squid", "由鱼1斤", False, {"squid": 1}),        # 由鱼 reads like 鱿鱼 and no other name (round 19): read
])
def test_sound_alike_typo_of_two_sounds_is_booked(current, text, review, items):
    intent, got = _read_in(SEAFOOD, text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, review), intent.reason
    assert got == items


def test_two_sounds_typed_alike_are_no_chance():
    from copilot.orders.typos import doubtful_typo

    squid, bass = SEAFOOD.get("squid"), SEAFOOD.get("bass")
    assert not doubtful_typo("由鱼", squid, SEAFOOD)      # reads like 鱿鱼 and like no other name (round 19)
    assert doubtful_typo("鲸鱼", bass, SEAFOOD)           # 鲸 neither sounds nor looks like 鲈: another word
    assert not doubtful_typo("皇华鱼", SEAFOOD.get("croaker"), SEAFOOD)  # 皇华 for 黄花: two sounds alike
    assert not doubtful_typo("卢鱼", bass, SEAFOOD)       # 卢 is a part of 鲈


def _read_in(catalog, text, current):
    intent = parse(text, catalog, current)
    return intent, {i.sku: i.qty for i in intent.items}


BAKERY = Catalog.from_dict({"products": [
    {"sku": "scallion", "name": "现烙葱油饼", "aliases": ["葱油饼"], "link": 1, "unit": "个", "price": 5, "stock": 30},
    {"sku": "frozen", "name": "冷冻手抓饼", "aliases": ["手抓饼"], "link": 2, "unit": "袋", "spec": "每袋 10 片",
     "price": 15, "stock": 30},
    {"sku": "shrimp", "name": "基围虾", "link": 3, "unit": "斤", "price": 50, "stock": 30},
    {"sku": "crayfish", "name": "麻辣小龙虾", "link": 4, "unit": "份", "price": 60, "stock": 30},
], "store": {"name": "测试早点店"}})


@pytest.mark.parametrize("current, text", [
    ("scallion", "饼来4个"),     # 饼 ends both names; 个 counts the pieces of the bagged 手抓饼 too
    ("scallion", "饼来2袋"),     # the 袋 is the other one's unit, and 葱油饼 is on screen: a person asks
    ("shrimp", "虾来两份"),      # 份 is the crayfish's unit, with 基围虾 on screen
])
def test_kind_word_of_several_products_is_not_settled_by_the_screen(current, text):
    intent, got = _read_in(BAKERY, text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert got == {}


@pytest.mark.parametrize("current, text, items", [
    ("frozen", "饼来2袋", {"frozen": 2}),     # the unit said fits the one on screen alone
    ("shrimp", "虾来2斤", {"shrimp": 2}),     # only 基围虾 is sold by weight
    ("scallion", "葱油饼来4个", {"scallion": 4}),
])
def test_kind_word_with_a_unit_only_the_screen_sells_is_read(current, text, items):
    intent, got = _read_in(BAKERY, text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert got == items


FRUIT = Catalog.from_dict({"products": [
    {"sku": "cherry", "name": "车厘子", "link": 1, "unit": "斤", "price": 60, "stock": 30},
    {"sku": "bun", "name": "豆沙包", "link": 2, "unit": "个", "price": 2, "stock": 30},
], "store": {"name": "测试水果店"}})


@pytest.mark.parametrize("current, text, items", [
    ("cherry", "来个半斤尝尝", {"cherry": 0.5}),   # 来个 then 半斤: the 半 is the half of 半斤, not of 个半
    ("cherry", "先要个半斤的", {"cherry": 0.5}),
    ("cherry", "车厘子来个一斤半", {"cherry": 1.5}),
    ("bun", "来一个半", None),                      # 一个半 is still one and a half (of a 个: a person asks)
])
def test_half_after_a_bare_unit_word_belongs_to_the_next_unit(current, text, items):
    intent, got = _read_in(FRUIT, text, current)
    assert intent.kind == Kind.ORDER
    if items is None:
        assert intent.needs_review
    else:
        assert not intent.needs_review, intent.reason
        assert got == items


SNACKS = Catalog.from_dict({"products": [
    {"sku": "roast", "name": "烤鸡翅", "link": 1, "unit": "份", "price": 10, "stock": 30},
    {"sku": "fried", "name": "炸鸡翅", "link": 2, "unit": "份", "price": 12, "stock": 30},
    {"sku": "sausage", "name": "烤肠", "link": 3, "unit": "根", "price": 3, "stock": 30},
], "store": {"name": "测试小吃店"}})


@pytest.mark.parametrize("current, text, items", [
    ("fried", "烤的炸的各来一份", {"roast": 1, "fried": 1}),  # 烤 starts 烤肠 too, but 炸的 says which family
    ("roast", "炸的烤的各一份", {"roast": 1, "fried": 1}),
    ("fried", "烤的鸡翅来1份", {"roast": 1}),                 # the family word beside it
    ("fried", "不要烤的 要炸的一份", {"fried": 1}),
])
def test_one_character_variant_another_name_starts_with_is_read_beside_its_family(current, text, items):
    intent, got = _read_in(SNACKS, text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert got == items


def test_one_character_variant_alone_is_not_read_as_that_product():
    _, got = _read_in(SNACKS, "烤的来一根", "sausage")  # 烤 alone: 烤鸡翅 or 烤肠?
    assert "roast" not in got


@pytest.mark.parametrize("current, text, items, review", [
    ("fried", "烤的来2份", {"roast": 2}, False),   # 炸鸡翅 on screen: 烤的 is its sibling 烤鸡翅
    ("roast", "烤的来1份", {"roast": 1}, False),
    ("sausage", "烤的来2份", {}, True),           # 烤肠 on screen, no 鸡翅 said: which 烤 is unclear
])
def test_one_character_variant_is_read_beside_its_family_on_screen(current, text, items, review):
    intent, got = _read_in(SNACKS, text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, review), intent.reason
    assert got == items
