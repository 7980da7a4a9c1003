"""Parser round 15: rules a shop assistant applies to any store's comments (件 is the trade's word for a case; a
quantity taken back in the same breath, 来5斤 不对 4斤, leaves the new one)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse
from tests.doubles import booked

HOUSEHOLD = Catalog.from_dict({"products": [
    {"sku": "tissue", "name": "清风抽纸", "aliases": ["抽纸"], "link": 1, "unit": "箱", "price": 59, "stock": 40,
     "pack": "24包"},
    {"sku": "roll", "name": "维达卷纸", "aliases": ["卷纸"], "link": 2, "unit": "提", "price": 25, "stock": 40,
     "pack": "10卷"},
    {"sku": "soap", "name": "洗衣皂", "link": 3, "unit": "块", "price": 4, "stock": 80},
], "store": {"name": "测试日用品店"}})
BUTCHER = Catalog.from_dict({"products": [
    {"sku": "ribs", "name": "猪肋排", "aliases": ["排骨"], "link": 1, "unit": "斤", "price": 32, "stock": 50},
    {"sku": "beef_case", "name": "牛腱子整箱", "aliases": ["牛腱子"], "link": 2, "unit": "箱", "price": 420,
     "stock": 10, "spec": "每箱 10 斤"},
], "store": {"name": "测试肉铺"}})
BAKERY = Catalog.from_dict({"products": [
    {"sku": "toast", "name": "全麦吐司", "aliases": ["吐司"], "link": 1, "unit": "袋", "price": 12, "stock": 40},
    {"sku": "tart", "name": "葡式蛋挞", "aliases": ["蛋挞"], "link": 2, "unit": "盒", "price": 18, "stock": 40},
], "store": {"name": "测试面包房"}})
FLOWERS = Catalog.from_dict({"products": [
    {"sku": "rose", "name": "红玫瑰", "aliases": ["玫瑰"], "link": 1, "unit": "支", "price": 5, "stock": 300},
], "store": {"name": "测试花店"}})



@pytest.mark.parametrize("text, current, items", [
    ("来一件", "tissue", {"tissue": 1}), ("抽纸两件", None, {"tissue": 2}), ("牛腱子来1件", "ribs", {"beef_case": 1}),
    ("要2件 送到5栋", "tissue", {"tissue": 2})])
def test_a_jian_is_one_case_of_goods_sold_by_the_case(text, current, items):
    catalog = BUTCHER if "牛腱子" in text else HOUSEHOLD
    assert booked(parse(text, catalog, current)) == items


@pytest.mark.parametrize("catalog, text, current", [
    (HOUSEHOLD, "卷纸来一件", "roll"),  # a case of rolls is no 提: how many 提?
    (HOUSEHOLD, "洗衣皂来两件", "soap"),
    (BUTCHER, "排骨来一件", "ribs"),  # a case of ribs by weight: how many 斤?
    (FLOWERS, "来一件", "rose"),
])
def test_a_jian_of_goods_not_sold_by_the_case_goes_to_review(catalog, text, current):
    intent = parse(text, catalog, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert not [i for i in intent.items if i.qty is not None]


@pytest.mark.parametrize("text, kind", [("跟大家说一件事", Kind.OTHER), ("有件事问一下", Kind.QUESTION),
                                        ("一件多少钱", Kind.QUESTION), ("几件起送", Kind.QUESTION)])
def test_jian_of_a_matter_or_in_a_question_orders_nothing(text, kind):
    intent = parse(text, HOUSEHOLD, "tissue")
    assert intent.kind is kind and not intent.items, intent.reason


@pytest.mark.parametrize("catalog, text, current, items", [
    (BAKERY, "吐司来3袋 不对 2袋", "toast", {"toast": 2}),
    (BAKERY, "蛋挞两盒 哦不 三盒", "toast", {"tart": 3}),
    (BAKERY, "来2盒 不不 1盒", "tart", {"tart": 1}),
    (BUTCHER, "排骨来5斤 不对 4", "ribs", {"ribs": 4}),  # the new number keeps the unit said first
    (BUTCHER, "排骨来五斤，不对，是四斤", None, {"ribs": 4}),
    (FLOWERS, "玫瑰来20支 呃不 要11支", "rose", {"rose": 11}),
])
def test_a_quantity_taken_back_in_the_same_comment_leaves_the_new_one(catalog, text, current, items):
    assert booked(parse(text, catalog, current)) == items


def test_a_retraction_keeps_the_delivery_note():
    intent = parse("来3斤 不对 2斤 送到3栋", BUTCHER, "ribs")
    assert booked(intent) == {"ribs": 2} and intent.note == "送到3栋"


@pytest.mark.parametrize("text", ["排骨来5斤 打错了 要4斤",  # 打错了 speaks of a comment sent before: which stands?
                                  "称的5斤 不对 4斤都不到"])  # a complaint about the weight, no new order of 4
def test_no_retraction_without_a_taking_back_word_right_between_two_quantities(text):
    intent = parse(text, BUTCHER, "ribs")
    assert intent.needs_review or intent.kind is not Kind.ORDER, intent


def test_two_products_each_with_its_quantity_are_no_retraction():
    assert booked(parse("吐司3袋 蛋挞2盒", BAKERY, "toast")) == {"toast": 3, "tart": 2}


@pytest.mark.parametrize("text", ["老样子", "老板 老样子", "老规矩来一份", "跟上次一样", "和上次的一样吧", "还是老样子哈"])
def test_the_usual_order_said_alone_goes_to_review_without_the_goods_on_screen(text):
    intent = parse(text, BAKERY, "tart")  # what the buyer usually takes, not the tarts shown
    assert (intent.kind, intent.needs_review, intent.items) == (Kind.ORDER, True, ()), intent


@pytest.mark.parametrize("text, skus", [("排骨 老样子", ["ribs"]), ("排骨跟上次一样", ["ribs"]),
                                        ("排骨和牛腱子老规矩", ["ribs", "beef_case"])])
def test_the_usual_of_named_goods_goes_to_review_with_them(text, skus):
    intent = parse(text, BUTCHER, None)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert [i.sku for i in intent.items] == skus and all(i.qty is None for i in intent.items)


@pytest.mark.parametrize("text", ["还是老样子好吃", "跟上次一样甜吗", "老样子的味道", "跟上次一样好吃", "一样"])
def test_talk_about_how_the_goods_were_is_no_usual_order(text):
    intent = parse(text, BAKERY, "toast")
    assert intent.kind in (Kind.QUESTION, Kind.OTHER) and not intent.items, intent


SNACKS = Catalog.from_dict({"products": [
    {"sku": "toffee", "name": "怡口莲太妃糖", "aliases": ["怡口莲"], "link": 1, "unit": "包", "price": 15, "stock": 40},
    {"sku": "orange", "name": "砂糖桔", "link": 2, "unit": "斤", "price": 6, "stock": 80},
    {"sku": "brisket", "name": "牛腩", "link": 3, "unit": "斤", "price": 45, "stock": 30},
    {"sku": "kumquat", "name": "金桔", "link": 4, "unit": "斤", "price": 9, "stock": 30},
], "store": {"name": "测试零食水果店"}})


@pytest.mark.parametrize("text, current, items", [("恰口莲来2包", "toffee", {"toffee": 2}),
                                                  ("砂糖枯来三斤", "orange", {"orange": 3}),
                                                  ("金枯来两斤", "kumquat", {"kumquat": 2})])
def test_a_look_alike_typo_of_the_product_on_screen_is_that_product(text, current, items):
    assert booked(parse(text, SNACKS, current)) == items


def test_a_look_alike_typo_keeps_the_delivery_upstairs_note():
    intent = parse("恰口莲两包 送上楼", SNACKS, "toffee")
    assert booked(intent) == {"toffee": 2} and intent.note == "送上楼"


@pytest.mark.parametrize("text, current", [
    ("金枯来两斤", "orange"),  # a two-character name's typo off screen: a person looks
    ("牛肝来一斤", "brisket"),  # liver shares the radical 肉 and the rhyme with 腩, but is another thing
    ("牛肝来一斤", None),
    ("牛肚来一斤", "brisket"),  # tripe: a real word
    ("金情来两斤", "kumquat"),  # 情 and 桔 share nothing
])
def test_a_look_alike_off_screen_or_of_another_thing_is_notbooked(text, current):
    intent = parse(text, SNACKS, current)
    assert intent.needs_review or not intent.items, intent


@pytest.mark.parametrize("text", ["钱转过去了 两袋吐司的", "蛋挞的钱已付", "三盒蛋挞的钱转过去了", "付过了 吐司的"])
def test_a_payment_and_what_it_was_for_is_no_order(text):
    intent = parse(text, BAKERY, "tart")
    assert intent.kind is Kind.OTHER and not intent.items, intent


@pytest.mark.parametrize("text", ["已付 两斤排骨", "钱付了 排骨2斤", "排骨2斤 已付"])
def test_goods_said_beside_a_payment_without_an_order_word_go_to_review(text):
    intent = parse(text, BUTCHER, "ribs")  # paid for the order placed before, or a new one? booked twice if guessed
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"ribs": 2}


@pytest.mark.parametrize("text", ["已付 再来两斤排骨", "钱转了 要两斤排骨的", "排骨2斤 转发了"])
def test_an_order_word_beside_a_payment_still_orders(text):
    assert booked(parse(text, BUTCHER, "ribs")) == {"ribs": 2}


POULTRY = Catalog.from_dict({"products": [
    {"sku": "hen", "name": "散养土鸡", "aliases": ["土鸡"], "link": 1, "unit": "只", "price": 88, "stock": 20},
], "store": {"name": "测试禽肉店"}})


@pytest.mark.parametrize("catalog, text, current, items", [
    (POULTRY, "土鸡来一整只", "hen", {"hen": 1}), (POULTRY, "要两整只 送到5栋", "hen", {"hen": 2}),
    (HOUSEHOLD, "来个整箱", "tissue", {"tissue": 1}), (HOUSEHOLD, "抽纸一整件", None, {"tissue": 1})])
def test_a_whole_one_is_one_of_the_unit(catalog, text, current, items):
    assert booked(parse(text, catalog, current)) == items


def test_a_whole_case_of_goods_not_sold_by_the_case_still_goes_to_review():
    intent = parse("卷纸来一整箱", HOUSEHOLD, "roll")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason


@pytest.mark.parametrize("text", ["转你36了 两盒蛋挞的", "老板给了我两盒 很好吃", "上次老板给我两盒"])
def test_a_payment_to_the_host_or_what_the_host_gave_before_is_no_order(text):
    intent = parse(text, BAKERY, "tart")
    assert intent.kind is Kind.OTHER and not intent.items, intent


def test_give_me_still_orders():
    assert booked(parse("给我来两盒", BAKERY, "tart")) == {"tart": 2}


@pytest.mark.parametrize("text", ["来两盒 如果有赠品的话", "蛋挞两盒 有货的话", "来两盒 再考虑一下"])
def test_an_order_followed_by_a_condition_alone_goes_to_review(text):
    intent = parse(text, BAKERY, "tart")  # the buyer has not made up their mind: a person asks
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"tart": 2}


@pytest.mark.parametrize("text", ["来两盒，要是有软一点的也没关系", "来两盒 送货的话明天下午"])
def test_a_wish_or_a_delivery_time_beside_an_order_is_no_condition(text):
    assert booked(parse(text, BAKERY, "tart")) == {"tart": 2}


@pytest.mark.parametrize("text, kind", [("老样子 再加一盒蛋挞", Kind.MODIFY), ("老样子，蛋挞来两盒", Kind.ORDER)])
def test_the_usual_beside_a_readable_order_still_goes_to_review(text, kind):
    intent = parse(text, BAKERY, "toast")  # the usual is more than what is read: a person completes it
    assert (intent.kind, intent.needs_review) == (kind, True), intent.reason
    assert [i.sku for i in intent.items] == ["tart"]


def test_talk_about_the_goods_being_as_good_as_before_does_not_stop_an_order():
    assert booked(parse("跟上次一样好吃 再来两盒蛋挞", BAKERY, "toast")) == {"tart": 2}


@pytest.mark.parametrize("text", ["来2盒 3", "蛋挞2盒 嗯 3", "蛋挞2 不 3"])
def test_a_second_bare_number_beside_an_order_goes_to_review(text):
    intent = parse(text, BAKERY, "tart")  # 2 or 3? a person asks
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason


@pytest.mark.parametrize("text", ["来2盒 2", "来2盒 2026", "来2盒 666", "来2盒 88"])
def test_the_same_number_again_a_year_or_cheering_beside_an_order_is_no_second_quantity(text):
    assert booked(parse(text, BAKERY, "tart")) == {"tart": 2}


@pytest.mark.parametrize("text", ["来2盒 不对", "蛋挞2盒 不对吧", "来2盒 哦不"])
def test_an_order_taken_back_without_a_new_number_goes_to_review(text):
    intent = parse(text, BAKERY, "tart")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason


@pytest.mark.parametrize("text", ["蛋挞2 不对 3", "扣2 不对 3", "蛋挞2 不对 是3"])
def test_a_count_taken_back_without_a_unit_leaves_the_new_count(text):
    assert booked(parse(text, BAKERY, "tart")) == {"tart": 3}


def test_a_stem_counted_with_either_character_is_one_stem():
    assert booked(parse("玫瑰来三枝", FLOWERS, "rose")) == {"rose": 3}  # 枝 and 支 count the same stem
