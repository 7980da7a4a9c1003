"""Parser round 24: a numeral and a unit said in Chinese (一斤, 两斤, 三盒) is a quantity wherever it stands, as 2斤
already was: an alias that starts with one (一斤装龙井, 两斤装龙井) makes 一斤装 a size word of that listing, but a
bare 来一斤 is one 斤 of the product on screen, never the listing whose alias starts with it. A weight said of goods
sold both loose by weight and in packs of a small weight (散装 by the 斤, 罐装 of 500克) may be either, so a person
asks. Every store here is invented (no honey shop)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

TEA = Catalog.from_dict({"products": [
    {"sku": "lj_small", "name": "明前龙井 250克", "aliases": ["一斤装龙井", "龙井小罐"], "link": 1, "unit": "罐",
     "pack": "250克", "price": 98, "stock": 50},
    {"sku": "lj_big", "name": "明前龙井 1000克", "aliases": ["两斤装龙井", "龙井大罐"], "link": 2, "unit": "罐",
     "pack": "1000克", "price": 298, "stock": 50},
    {"sku": "jasmine", "name": "茉莉花茶", "aliases": ["花茶"], "link": 3, "unit": "斤", "price": 80, "stock": 50},
    {"sku": "puer", "name": "熟普洱饼", "aliases": ["普洱"], "link": 4, "unit": "饼", "pack": "357克", "price": 120,
     "stock": 50},
], "store": {"name": "测试茶叶店"}})

NUTS = Catalog.from_dict({"products": [
    {"sku": "walnut_loose", "name": "薄皮核桃 散装", "aliases": ["散装核桃"], "link": 1, "unit": "斤", "price": 18,
     "stock": 80},
    {"sku": "walnut_jar", "name": "薄皮核桃 罐装", "aliases": ["罐装核桃"], "link": 2, "unit": "罐", "pack": "500克",
     "price": 22, "stock": 80},
], "store": {"name": "测试干果店"}})


@pytest.mark.parametrize("text,current,sku,qty", [
    ("来一斤", "jasmine", "jasmine", 1),      # one 斤 of the tea on screen, not 一斤装龙井
    ("来两斤", "jasmine", "jasmine", 2),      # not 两斤装龙井
    ("两斤 送到3栋", "jasmine", "jasmine", 2),
    ("一斤装龙井来一罐", None, "lj_small", 1),  # the size word of the listing still names it
    ("两斤装的来一罐", None, "lj_big", 1),
])
def test_a_numeral_and_unit_is_a_quantity_not_a_size_word(text, current, sku, qty):
    it = parse(text, TEA, current_sku=current)
    assert it.kind is Kind.ORDER and not it.needs_review, it
    assert [(i.sku, i.qty) for i in it.items] == [(sku, qty)]


def test_a_bare_weight_with_no_product_on_screen_names_none():
    it = parse("来一斤", TEA)
    assert not any(i.sku in ("lj_small", "lj_big") for i in it.items) or it.needs_review


@pytest.mark.parametrize("text,qty", [("核桃来一斤", 1), ("核桃来两斤", 2), ("薄皮核桃要3斤", 3)])
def test_weight_of_goods_sold_loose_and_in_small_jars_is_the_loose_goods(text, qty):
    # LABELS rule 2: the unit said (斤) picks the listing sold in it, even when the weight fills jars whole (round 66)
    it = parse(text, NUTS)
    assert not it.needs_review and [(i.sku, i.qty) for i in it.items] == [("walnut_loose", qty)], it


@pytest.mark.parametrize("text,sku,qty", [
    ("散装核桃来一斤", "walnut_loose", 1),
    ("罐装核桃来2罐", "walnut_jar", 2),
    ("核桃来两罐", "walnut_jar", 2),
])
def test_the_pack_or_the_unit_still_tells_them_apart(text, sku, qty):
    it = parse(text, NUTS)
    assert it.kind is Kind.ORDER and not it.needs_review, it
    assert [(i.sku, i.qty) for i in it.items] == [(sku, qty)]


WINE = Catalog.from_dict({"products": [
    {"sku": "baijiu", "name": "散装高粱酒", "aliases": ["高粱酒", "散酒"], "link": 1, "unit": "斤", "price": 30,
     "stock": 80},
    {"sku": "eggs", "name": "土鸡蛋", "aliases": ["鸡蛋"], "link": 2, "unit": "个", "price": 1.5, "stock": 300},
], "store": {"name": "测试酒铺"}})


@pytest.mark.parametrize("text,current,qty", [
    ("打二两", "baijiu", 0.2),
    ("打一斤尝尝", "baijiu", 1),
    ("高粱酒打3斤", None, 3),
    ("散酒打半斤", None, 0.5),
])
def test_da_before_a_weight_scoops_loose_goods(text, current, qty):
    it = parse(text, WINE, current_sku=current)
    assert it.kind is Kind.ORDER and not it.needs_review, it
    assert [(i.sku, i.qty) for i in it.items] == [("baijiu", qty)]


def test_a_dozen_and_a_discount_keep_their_reading():
    assert [(i.sku, i.qty) for i in parse("鸡蛋来一打", WINE).items] == [("eggs", 12)]
    assert parse("打8折吗", WINE, current_sku="baijiu").kind is Kind.QUESTION


@pytest.mark.parametrize("text", ["一斤这么贵啊", "250克那么贵", "这么贵啊"])
def test_a_price_complaint_with_an_amount_is_chatter(text):
    it = parse(text, WINE, current_sku="baijiu")
    assert it.kind is Kind.OTHER and not it.items, it


@pytest.mark.parametrize("text,current,qty,note", [
    ("来一斤半 我自己带瓶子", "baijiu", 1.5, "我自己带瓶子"),
    ("高粱酒两斤 自带瓶子", None, 2, "自带瓶子"),
    ("自己带个空桶 打三斤", "baijiu", 3, "自己带个空桶"),
])
def test_the_container_the_buyer_brings_is_a_note(text, current, qty, note):
    it = parse(text, WINE, current_sku=current)
    assert it.kind is Kind.ORDER and not it.needs_review, it
    assert [(i.sku, i.qty) for i in it.items] == [("baijiu", qty)] and it.note == note


TEAS = Catalog.from_dict({"products": [
    {"sku": "lj_500", "name": "龙井 500克", "aliases": ["一斤装龙井"], "link": 1, "unit": "罐", "pack": "500克",
     "price": 168, "stock": 50},
    {"sku": "lj_250", "name": "龙井 250克", "aliases": ["半斤装龙井"], "link": 2, "unit": "罐", "pack": "250克",
     "price": 88, "stock": 50},
    {"sku": "black_500", "name": "滇红 500克", "aliases": ["滇红"], "link": 3, "unit": "罐", "pack": "500克",
     "price": 128, "stock": 50},
], "store": {"name": "测试茶庄"}})


@pytest.mark.parametrize("text,current,sku", [
    ("这个一斤装的来一罐", "black_500", "black_500"),  # the shown 500克 jar, not 一斤装龙井
    ("这个500克的来一罐", "black_500", "black_500"),
    ("一斤装的来一罐", None, "lj_500"),               # nothing shown: the listing the size word names
    ("这个半斤装的来一罐", "black_500", "lj_250"),    # the shown jar is no 半斤: the size names another listing
    ("500克的来一罐", "lj_500", "lj_500"),           # a size two listings hold, one of them shown
])
def test_a_pack_size_said_of_the_product_shown(text, current, sku):
    it = parse(text, TEAS, current_sku=current)
    assert it.kind is Kind.ORDER and not it.needs_review, it
    assert [(i.sku, i.qty) for i in it.items] == [(sku, 1)]


def test_a_size_two_listings_hold_neither_shown_is_asked():
    it = parse("500克的来一罐", TEAS, current_sku="lj_250")
    assert it.needs_review and not it.items, it


@pytest.mark.parametrize("text,current,sku", [
    ("龙井来半斤", "lj_250", "lj_250"),   # one pack of the jar shown, half of the other
])
def test_a_weight_that_is_one_pack_of_the_jar_shown(text, current, sku):
    it = parse(text, TEAS, current_sku=current)
    assert it.kind is Kind.ORDER and not it.needs_review, it
    assert [(i.sku, i.qty) for i in it.items] == [(sku, 1)]


@pytest.mark.parametrize("text,current", [
    ("龙井来一斤", None),       # nothing shown: a 斤's worth in either jar
    ("龙井来一斤", "lj_250"),   # two of the shown 半斤 jars, or the 一斤 jar?
    ("龙井来两斤", "lj_500"),   # fills both jars whole
    ("龙井来一斤", "lj_500"),   # one jar shown, or two 半斤 jars?
])
def test_a_weight_of_several_jars_stays_for_a_person(text, current):
    it = parse(text, TEAS, current_sku=current)
    assert it.needs_review and not it.items, it


FLOWERS = Catalog.from_dict({"products": [
    {"sku": "roses", "name": "红玫瑰花束", "aliases": ["玫瑰花束", "玫瑰"], "link": 1, "unit": "束", "price": 99,
     "stock": 20, "spec": "11 枝红玫瑰，配包装纸和卡片"},
    {"sku": "vase", "name": "玻璃花瓶", "aliases": ["花瓶"], "link": 2, "unit": "个", "price": 39, "stock": 20},
], "store": {"name": "测试花店"}})


@pytest.mark.parametrize("text,note", [
    ("玫瑰来两束 帮我配两张卡片", "帮我配两张卡片"),
    ("1号来一束 送人的 配包装纸", "送人的 配包装纸"),
])
def test_what_the_listing_says_comes_with_it_asked_for_is_a_note(text, note):
    it = parse(text, FLOWERS)
    assert it.kind is Kind.ORDER and not it.needs_review, it
    assert [i.sku for i in it.items] == ["roses"] and it.note == note


def test_goods_of_the_catalog_asked_with_pei_are_still_ordered():
    it = parse("玫瑰来一束 帮我配一个花瓶", FLOWERS)
    assert sorted((i.sku, i.qty) for i in it.items) == [("roses", 1), ("vase", 1)], it
