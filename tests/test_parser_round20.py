"""Parser round 20: a size from the names said with its unit (5kg的, 花生油1.8L, 20-30斤的) names the products
that hold it and is no quantity; kg written against Chinese is no foreign word; a times mark apart from the name
(大米 x 2) is one; a link number that is also the size of the product on screen is asked; the household's members,
counted or weighed (我家两个娃, 我家老大40斤), are talk; a size judged beside a question (5kg太多了) is the question."""

from __future__ import annotations

import pytest
from doubles import parsed

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind

GROCERY = Catalog.from_dict({"products": [
    {"sku": "rice_s", "name": "五常大米5kg", "aliases": ["大米5kg"], "link": 1, "unit": "袋", "price": 69, "stock": 30},
    {"sku": "rice_l", "name": "五常大米10kg", "aliases": ["大米10kg"], "link": 2, "unit": "袋", "price": 129,
     "stock": 30},
    {"sku": "flour_s", "name": "高筋面粉5kg", "link": 3, "unit": "袋", "price": 49, "stock": 30},
    {"sku": "oil_l", "name": "压榨花生油5L", "aliases": ["花生油5L"], "link": 4, "unit": "桶", "price": 139,
     "stock": 20},
    {"sku": "oil_s", "name": "压榨花生油1.8L", "aliases": ["花生油1.8L"], "link": 5, "unit": "桶", "price": 59,
     "stock": 20},
    {"sku": "salt", "name": "井矿盐", "link": 10, "unit": "包", "price": 3, "stock": 99},
], "store": {"name": "测试粮油店"}})

KIDS = Catalog.from_dict({"products": [
    {"sku": "suit_s", "name": "儿童秋衣套装20-30斤", "link": 1, "unit": "套", "price": 59, "stock": 20},
    {"sku": "suit_l", "name": "儿童秋衣套装30-45斤", "link": 2, "unit": "套", "price": 69, "stock": 20},
    {"sku": "socks", "name": "儿童棉袜", "link": 3, "unit": "双", "price": 9, "stock": 50},
], "store": {"name": "测试童装店"}})


@pytest.mark.parametrize("text, current, items", [
    ("10kg的来一袋", "rice_s", {"rice_l": 1}),             # kg against Chinese, one product's size
    ("大米10公斤的来一袋", "rice_s", {"rice_l": 1}),       # 公斤 is kg
    ("大米5kg x2", "rice_l", {"rice_s": 2}),               # the family word and the size: the one in both
    ("花生油1.8L的来两桶", "oil_l", {"oil_s": 2}),
    ("5L装的来一桶", None, {"oil_l": 1}),
    ("20-30斤的来一套", "suit_l", {"suit_s": 1}),          # a range in the name
    ("30-45斤的来两套", None, {"suit_l": 2}),
])
def test_a_size_of_the_names_said_with_its_unit_names_the_product(text, current, items):
    intent, got = parsed(KIDS if "-" in text else GROCERY, text, current)
    assert (intent.kind, got, intent.needs_review) == (Kind.ORDER, items, False), intent


@pytest.mark.parametrize("text, current", [
    ("5kg的来一袋", "oil_l"),          # 5kg of the rice and of the flour: which?
    ("5kg的也来一袋", "rice_l"),
])
def test_a_size_several_products_hold_is_asked(text, current):
    intent, got = parsed(GROCERY, text, current)
    assert intent.kind is Kind.ORDER and intent.needs_review and not got, intent


def test_a_quantity_in_a_unit_of_a_size_in_another_name_is_still_a_quantity():
    catalog = Catalog.from_dict({"products": [
        {"sku": "gift", "name": "苹果礼盒5斤装", "link": 1, "unit": "盒", "price": 59, "stock": 20},
        {"sku": "pear", "name": "砀山梨", "aliases": ["梨"], "link": 2, "unit": "斤", "price": 5, "stock": 90},
    ], "store": {"name": "测试水果店"}})
    intent, got = parsed(catalog, "砀山梨5斤", "gift")
    assert got == {"pear": 5} and not intent.needs_review, intent


@pytest.mark.parametrize("text, current, items", [
    ("大米10kg x 1", "rice_l", {"rice_l": 1}),
    ("井矿盐 x 3", "salt", {"salt": 3}),
    ("花生油5L x2 井矿盐 X 2", None, {"oil_l": 2, "salt": 2}),
])
def test_a_times_mark_apart_from_the_name_is_a_times_mark(text, current, items):
    intent, got = parsed(GROCERY, text, current)
    assert (got, intent.needs_review) == (items, False), intent


def test_a_link_number_that_is_the_size_of_the_product_on_screen_is_asked():
    intent, got = parsed(GROCERY, "10号来一袋", "rice_l")  # link 10 is the salt; 10kg is the rice shown
    assert intent.needs_review and not got, intent
    intent, got = parsed(GROCERY, "10号来一包", "salt")
    assert got == {"salt": 1} and not intent.needs_review, intent
    intent, got = parsed(GROCERY, "3号来一袋", "rice_l")  # 3 is in no name of the rice: the link
    assert got == {"flour_s": 1} and not intent.needs_review, intent


@pytest.mark.parametrize("text, current, items", [
    ("我家老大40斤 这个来一套", "suit_l", {"suit_l": 1}),
    ("来两双 我家两个娃", "socks", {"socks": 2}),
    ("我家闺女刚好30斤 2号来一套", "suit_s", {"suit_l": 1}),
])
def test_the_household_counted_or_weighed_is_talk(text, current, items):
    intent, got = parsed(KIDS, text, current)
    assert (intent.kind, got, intent.needs_review) == (Kind.ORDER, items, False), intent


def test_the_household_weighed_beside_a_question_is_a_question():
    intent, _ = parsed(KIDS, "我家老二刚好30斤 买哪个", "suit_s")
    assert intent.kind is Kind.QUESTION, intent


def test_an_order_for_the_household_is_still_an_order():
    intent, got = parsed(KIDS, "我家要2套", "suit_s")
    assert got == {"suit_s": 2}, intent


def test_a_size_judged_beside_a_question_is_the_question():
    intent, _ = parsed(GROCERY, "10kg太多了 吃不完会不会生虫", "rice_l")
    assert intent.kind is Kind.QUESTION, intent


BAKERY = Catalog.from_dict({"products": [
    {"sku": "egg_tart", "name": "葡式蛋挞", "aliases": ["蛋挞"], "link": 1, "unit": "盒", "price": 25, "stock": 30},
    {"sku": "egg_tart_box", "name": "葡式蛋挞整箱", "aliases": ["蛋挞整箱"], "link": 2, "unit": "箱", "price": 120,
     "stock": 10},
    {"sku": "pineapple", "name": "凤梨酥", "link": 3, "unit": "盒", "price": 30, "stock": 30},
    {"sku": "yolk", "name": "蛋黄酥", "link": 4, "unit": "盒", "price": 32, "stock": 30},
    {"sku": "gift", "name": "中秋礼盒", "link": 5, "unit": "盒", "price": 128, "stock": 20},
], "store": {"name": "测试烘焙店"}})


def test_another_name_and_the_word_that_makes_the_case_of_it_is_the_case():
    catalog = Catalog.from_dict({"products": [
        {"sku": "tart", "name": "葡式蛋挞", "aliases": ["蛋挞", "葡挞"], "link": 1, "unit": "盒", "price": 25,
         "stock": 30},
        {"sku": "tart_box", "name": "葡式蛋挞整箱", "link": 2, "unit": "箱", "price": 120, "stock": 10},
    ], "store": {"name": "测试烘焙店二"}})
    intent, got = parsed(catalog, "葡挞整箱 一箱", "tart_box")
    assert (got, intent.needs_review) == ({"tart_box": 1}, False), intent
    intent, got = parsed(catalog, "葡挞来两盒", "tart_box")
    assert got == {"tart": 2}, intent


def test_a_share_of_a_mix_beside_a_question_is_the_question():
    intent, _ = parsed(BAKERY, "礼盒能自己搭配吗 要一半凤梨酥", "gift")
    assert intent.kind is Kind.QUESTION, intent


@pytest.mark.parametrize("text", ["凤梨酥还是不要了", "凤梨酥还是算了吧 家里还有"])
def test_haishi_that_settles_is_no_either_or_question(text):
    intent, got = parsed(BAKERY, text, "yolk")
    assert (intent.kind, list(got)) == (Kind.CANCEL, ["pineapple"]), intent


def test_an_either_or_question_stays_a_question():
    intent, _ = parsed(BAKERY, "要凤梨酥还是蛋黄酥", "yolk")
    assert intent.kind is Kind.QUESTION, intent


def test_with_the_earlier_order_beside_a_delivery_note_is_part_of_the_note():
    intent, got = parsed(BAKERY, "来一盒 送到6栋 跟上次的一起", "yolk")
    assert got == {"yolk": 1} and intent.note == "送到6栋 跟上次的一起", intent


@pytest.mark.parametrize("text, items", [
    ("两个娃 一个3岁一个5岁 1号4号各来一盒", {"egg_tart": 1, "yolk": 1}),
    ("我家两只猫 来两盒", {"yolk": 2}),
])
def test_the_household_counted_without_wo_jia_is_talk(text, items):
    intent, got = parsed(BAKERY, text, "yolk")
    assert (got, intent.needs_review) == (items, False), intent


def test_each_member_weighed_is_talk():
    intent, got = parsed(KIDS, "两个娃 一个25斤一个40斤 1号2号各来一套", "suit_s")
    assert (got, intent.needs_review) == ({"suit_s": 1, "suit_l": 1}, False), intent


def test_a_sound_alike_typo_whose_wrong_character_is_an_order_word_isparsed():
    catalog = Catalog.from_dict({"products": [
        {"sku": "tuna", "name": "金枪鱼罐头", "aliases": ["金枪鱼"], "link": 1, "unit": "罐", "price": 12, "stock": 30},
        {"sku": "sardine", "name": "沙丁鱼罐头", "link": 2, "unit": "罐", "price": 10, "stock": 30},
    ], "store": {"name": "测试罐头店"}})
    intent, got = parsed(catalog, "金抢鱼来两罐", "sardine")  # 抢 (snatch, an order word) for 枪
    assert got == {"tuna": 2}, intent


@pytest.mark.parametrize("text", ["草莓 2盒", "核桃 x2", "苹果 来两盒"])
def test_goods_the_shop_does_not_sell_set_apart_from_the_count_are_asked(text):
    intent, got = parsed(BAKERY, text, "yolk")
    assert intent.needs_review and not got, intent


def test_talk_set_apart_from_the_count_still_orders_the_product_on_screen():
    intent, got = parsed(BAKERY, "好吃 来两盒", "yolk")
    assert (got, intent.needs_review) == ({"yolk": 2}, False), intent
