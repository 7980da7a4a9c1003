"""Parser round 19: rules a shop assistant applies to any store's comments. Sizes written in Latin letters (S/M/L/XL,
PPSU) are whole words of the names; a family the order names and a clause that names goods beside it settle on the
one product in both; a person's weight, a day's use and a pack's content beside a question are talk; 配个 orders;
a typo that sounds exactly like one product's name only is read (one principle for every set)."""

from __future__ import annotations

import pytest
from doubles import parsed

from copilot.base.catalog import Catalog
from copilot.base.zhnum import normalize
from copilot.orders.intent import Kind

CLOTHES = Catalog.from_dict({"products": [
    {"sku": "tee_m", "name": "纯棉T恤M码", "aliases": ["T恤M码"], "link": 1, "unit": "件", "price": 49, "stock": 30},
    {"sku": "tee_l", "name": "纯棉T恤L码", "aliases": ["T恤L码"], "link": 2, "unit": "件", "price": 49, "stock": 30},
    {"sku": "tee_xl", "name": "纯棉T恤XL码", "aliases": ["T恤XL码"], "link": 3, "unit": "件", "price": 49, "stock": 30},
    {"sku": "hoodie_xl", "name": "加绒卫衣XL码", "aliases": ["卫衣XL码"], "link": 4, "unit": "件", "price": 99,
     "stock": 30},
    {"sku": "hoodie_l", "name": "加绒卫衣L码", "link": 7, "unit": "件", "price": 99, "stock": 30},
    {"sku": "socks_m", "name": "中筒棉袜M号", "aliases": ["棉袜"], "link": 5, "unit": "双", "price": 9.9, "stock": 50},
    {"sku": "kettle", "name": "不锈钢电水壶", "aliases": ["电水壶"], "link": 6, "unit": "台", "price": 89, "stock": 20},
], "store": {"name": "测试服装店"}})

SEAFOOD = Catalog.from_dict({"products": [
    {"sku": "squid", "name": "鲜鱿鱼", "aliases": ["鱿鱼"], "link": 1, "unit": "斤", "price": 30, "stock": 20},
    {"sku": "perch", "name": "清江鲈鱼", "aliases": ["鲈鱼"], "link": 2, "unit": "条", "price": 35, "stock": 20},
    {"sku": "hairtail", "name": "舟山带鱼", "aliases": ["带鱼"], "link": 3, "unit": "斤", "price": 40, "stock": 20},
], "store": {"name": "测试海鲜档"}})

# two products whose names read alike: a typo of either is close to both
TWINS = Catalog.from_dict({"products": [
    {"sku": "a", "name": "鲜鱿鱼", "aliases": ["鱿鱼"], "link": 1, "unit": "斤", "price": 30, "stock": 20},
    {"sku": "b", "name": "鲜柚鱼", "aliases": ["柚鱼"], "link": 2, "unit": "斤", "price": 30, "stock": 20},
    {"sku": "c", "name": "舟山带鱼", "aliases": ["带鱼"], "link": 3, "unit": "斤", "price": 40, "stock": 20},
], "store": {"name": "测试海鲜档二"}})


def test_an_x_glued_to_letters_is_a_letter_and_an_x_before_a_number_a_times_mark():
    assert normalize("XL码 X2") == "XL码 x2"
    assert normalize("来×3") == "来x3"


@pytest.mark.parametrize("text, current, items", [
    ("XL码T恤来一件", "tee_xl", {"tee_xl": 1}),      # never the L of XL
    ("T恤XL码 X2", "tee_xl", {"tee_xl": 2}),
    ("L码T恤来两件", "tee_l", {"tee_l": 2}),           # never the L of XL
    ("M的来一件", "tee_m", {"tee_m": 1}),             # M of the tee and the socks: the screen and 件 agree
    ("M的来两双", "socks_m", {"socks_m": 2}),
    ("M号来一双", "socks_m", {"socks_m": 1}),
    ("XL的来一件 加绒卫衣", "tee_xl", {"hoodie_xl": 1}),  # the kind said beside: the one XL of it
    ("XL的T恤来一件", "hoodie_xl", {"tee_xl": 1}),
])
def test_latin_sizes_are_whole_words_of_the_names(text, current, items):
    intent, got = parsed(CLOTHES, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


@pytest.mark.parametrize("text, current", [
    ("XL来一件", None),          # the tee or the hoodie, neither on screen: a person asks
    ("M的来一双", "tee_m"),      # 双 says the socks, the screen the tee
    ("L的来两件", "socks_m"),    # L of the tee and of the hoodie, both by the 件, neither shown
])
def test_a_latin_size_of_several_products_is_confirmed(text, current):
    intent, _ = parsed(CLOTHES, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review and not intent.items, intent


@pytest.mark.parametrize("text, kind", [
    ("孩子1米2 穿什么码", Kind.QUESTION),
    ("我体重120斤 L码合适吗", Kind.QUESTION),
    ("儿子现在60斤 穿XL是不是大了", Kind.QUESTION),
    ("一天要换两双袜子😂", Kind.OTHER),
    ("一盒三双 比单买便宜多少", Kind.QUESTION),   # what a pack holds, beside a question
    ("有没有薄一点的 200克那种", Kind.QUESTION),  # the size asked about
])
def test_a_persons_size_a_days_use_and_a_described_pack_are_no_order(text, kind):
    intent, _ = parsed(CLOTHES, text, "tee_m")
    assert intent.kind == kind and not intent.items, intent


def test_a_quantity_beside_a_question_is_still_an_order():
    intent, got = parsed(CLOTHES, "L码还有吗 我要两件", "tee_l")
    assert intent.kind == Kind.ORDER and got == {"tee_l": 2}, intent


@pytest.mark.parametrize("text, items", [
    ("T恤M码来一件 配两双棉袜", {"tee_m": 1, "socks_m": 2}),
    ("配个电水壶", {"kettle": 1}),
])
def test_pei_asks_for_goods_to_go_with_the_order(text, items):
    intent, got = parsed(CLOTHES, text, "socks_m")
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


@pytest.mark.parametrize("text, items", [
    ("由鱼1斤", {"squid": 1}),   # you-yu: 鱿鱼 only
    ("带于2斤", {"hairtail": 2}),
])
def test_a_typo_that_sounds_like_one_name_only_isparsed(text, items):
    intent, got = parsed(SEAFOOD, text, None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


def test_a_typo_that_sounds_like_two_names_is_confirmed():
    intent, _ = parsed(TWINS, "由鱼1斤", None)
    assert intent.kind == Kind.ORDER and intent.needs_review, intent


@pytest.mark.parametrize("text", ["鲸鱼2条", "老鸦一只"])
def test_a_typo_that_is_another_word_is_still_confirmed(text):
    intent, _ = parsed(SEAFOOD, text, "perch")
    assert intent.needs_review or intent.kind != Kind.ORDER, intent


APPLIANCES = Catalog.from_dict({"products": [
    {"sku": "kettle", "name": "不锈钢电水壶", "aliases": ["电水壶"], "link": 1, "unit": "台", "price": 89, "stock": 20},
    {"sku": "phone", "name": "老人手机", "link": 2, "unit": "部", "price": 199, "stock": 10},
    {"sku": "gloves", "name": "劳保手套", "aliases": ["手套"], "link": 3, "unit": "副", "price": 5, "stock": 100},
    {"sku": "hammer", "name": "羊角锤", "link": 4, "unit": "把", "price": 25, "stock": 20},
    {"sku": "mask", "name": "补水面膜", "aliases": ["面膜"], "link": 5, "unit": "片", "price": 6, "stock": 100},
    {"sku": "lamp", "name": "护眼台灯", "aliases": ["台灯"], "link": 6, "unit": "盏", "price": 59, "stock": 20},
    {"sku": "earrings", "name": "珍珠耳钉", "aliases": ["耳钉"], "link": 7, "unit": "对", "price": 39, "stock": 20},
], "store": {"name": "测试小家电五金店"}})


@pytest.mark.parametrize("text, items", [
    ("电水壶来2台", {"kettle": 2}),
    ("电水壶来1个", {"kettle": 1}),     # 个 counts one machine
    ("老人手机要一台", {"phone": 1}),   # 台 and 部 are one unit of a machine
    ("手套来两双", {"gloves": 2}),      # 双 and 副 are one pair
    ("羊角锤来一把", {"hammer": 1}),
    ("面膜来10片", {"mask": 10}),
    ("台灯来一盏", {"lamp": 1}),
    ("耳钉要一副", {"earrings": 1}),
])
def test_units_of_shops_beyond_food(text, items):
    intent, got = parsed(APPLIANCES, text, None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


def test_a_unit_of_another_kind_is_still_confirmed():
    intent, _ = parsed(APPLIANCES, "电水壶来2箱", "kettle")
    assert intent.needs_review, intent


KITCHEN = Catalog.from_dict({"products": [
    {"sku": "pot_24", "name": "不粘炒锅24cm", "aliases": ["24cm炒锅"], "link": 1, "unit": "个", "price": 99, "stock": 20},
    {"sku": "pot_28", "name": "不粘炒锅28cm", "aliases": ["28cm炒锅"], "link": 2, "unit": "个", "price": 129, "stock": 20},
    {"sku": "cup_350", "name": "保温杯350ml", "link": 3, "unit": "个", "price": 59, "stock": 20},
    {"sku": "cup_500", "name": "保温杯500ml", "link": 4, "unit": "个", "price": 69, "stock": 20},
    {"sku": "soap_a", "name": "洗洁精柠檬", "link": 5, "unit": "瓶", "price": 9, "stock": 50},
    {"sku": "soap_b", "name": "洗洁精青柚", "link": 6, "unit": "瓶", "price": 9, "stock": 50},
    {"sku": "soap_c", "name": "洗洁精绿茶", "link": 7, "unit": "瓶", "price": 9, "stock": 50},
    {"sku": "ink_1", "name": "1号墨", "link": 8, "unit": "瓶", "price": 12, "stock": 50},
    {"sku": "ink_2", "name": "2号墨", "link": 9, "unit": "瓶", "price": 12, "stock": 50},
    {"sku": "level_1", "name": "1级", "link": 10, "unit": "个", "price": 5, "stock": 50},
], "store": {"name": "测试厨具店"}})


@pytest.mark.parametrize("text, current, items", [
    ("28的来一个", "pot_24", {"pot_28": 1}),       # a size of one name, said bare: that product, no quantity
    ("350也来一个", "cup_500", {"cup_350": 1}),
    ("500 2个", "cup_350", {"cup_500": 2}),
    ("24cm炒锅来一个", "pot_28", {"pot_24": 1}),
])
def test_a_capacity_or_size_of_one_name_said_bare_names_it(text, current, items):
    intent, got = parsed(KITCHEN, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


def test_a_size_cancelled_bare_cancels_that_product():
    intent, got = parsed(KITCHEN, "28的不要了", "cup_350")
    assert intent.kind == Kind.CANCEL and list(got) == ["pot_28"], intent


def test_a_bare_number_of_no_name_is_still_a_number():
    intent, got = parsed(KITCHEN, "来2个", "cup_350")
    assert got == {"cup_350": 2}, intent


@pytest.mark.parametrize("text, items", [
    ("1极来一个", {"level_1": 1}),   # 极 sounds like 级: the name of a number and one character
])
def test_a_numbered_name_typed_by_its_sound_isparsed(text, items):
    intent, got = parsed(KITCHEN, text, None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


def test_a_number_and_a_unit_is_never_a_numbered_name():
    intent, got = parsed(KITCHEN, "1号墨来2瓶", None)
    assert got == {"ink_1": 2}, intent


@pytest.mark.parametrize("text", ["洗洁精都来一瓶", "洗洁精都要一瓶", "洗洁精每样来一瓶", "洗洁精各来一瓶"])
def test_all_of_a_family_of_three_without_a_count_is_confirmed(text):
    """各 / 每样 over a family word alone are as 都: how many kinds the viewer means is unsaid (gen-each, class L)."""
    intent, _ = parsed(KITCHEN, text, "soap_a")
    assert intent.kind == Kind.ORDER and intent.needs_review and not intent.items, intent


@pytest.mark.parametrize("text", ["三种洗洁精都来一瓶", "洗洁精三样各来一瓶", "三种洗洁精每样来一瓶"])
def test_all_of_a_family_counted_or_spread_isparsed(text):
    intent, got = parsed(KITCHEN, text, "soap_a")
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == {"soap_a": 1, "soap_b": 1, "soap_c": 1}, intent


def test_goods_named_only_to_deliver_with_are_a_note():
    intent, got = parsed(KITCHEN, "6号来一瓶 和炒锅一起送", "soap_b")
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == {"soap_b": 1}, intent
    assert intent.note == "和炒锅一起送"


@pytest.mark.parametrize("text", ["刚才那个保温杯也给我来一个", "刚刚那个来一个"])
def test_an_order_of_goods_shown_before_without_its_name_is_confirmed(text):
    intent, _ = parsed(KITCHEN, text, "soap_a")
    assert intent.kind == Kind.ORDER and intent.needs_review, intent


def test_goods_shown_before_and_named_are_read_and_a_story_is_talk():
    intent, got = parsed(KITCHEN, "刚才那个28cm炒锅来一个", "soap_a")
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == {"pot_28": 1}, intent
    assert parsed(KITCHEN, "刚才那个大姐买了3个炒锅", "soap_a")[0].kind == Kind.OTHER


@pytest.mark.parametrize("text, items", [
    ("两瓶1号墨 一瓶2号墨", {"ink_1": 2, "ink_2": 1}),   # each name has its quantity before it
    ("1号墨 两瓶", {"ink_1": 2}),                         # the name, a space, its quantity
])
def test_a_name_that_has_its_quantity_is_not_joined_to_the_next(text, items):
    intent, got = parsed(KITCHEN, text, "soap_a")
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


PAPER = Catalog.from_dict({"products": [
    {"sku": "tissue", "name": "抽纸巾（单包）", "link": 1, "unit": "包", "price": 3, "stock": 100},
    {"sku": "tissue_case", "name": "抽纸巾（整提10包）", "link": 2, "unit": "提", "price": 15, "stock": 30},
    {"sku": "towel", "name": "纯棉毛巾", "link": 3, "unit": "条", "price": 12, "stock": 30},
], "store": {"name": "测试日用品店"}})


@pytest.mark.parametrize("text, current, items", [
    ("抽之巾来3包", "tissue", {"tissue": 3}),          # the family's word by its sound, the unit says the member
    ("抽之巾来一提", "towel", {"tissue_case": 1}),
])
def test_a_family_word_typed_by_its_sound_is_told_by_the_unit(text, current, items):
    intent, got = parsed(PAPER, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


def test_a_family_word_typed_by_its_sound_against_the_screen_is_confirmed():
    intent, _ = parsed(PAPER, "抽之巾来一提", "tissue")   # 提 says the case, the screen the single pack
    assert intent.needs_review, intent


RICE = Catalog.from_dict({"products": [
    {"sku": "rice", "name": "东北大米", "link": 1, "unit": "袋", "spec": "每袋 10 斤", "price": 45, "stock": 30},
    {"sku": "oil", "name": "花生油", "link": 2, "unit": "桶", "spec": "5 升一桶", "price": 89, "stock": 30},
], "store": {"name": "测试粮油店"}})


@pytest.mark.parametrize("text, current, items", [
    ("大米要10斤的两袋", "oil", {"rice": 2}),   # the bag's size as the spec states it: a description
    ("要5升的一桶", "oil", {"oil": 1}),
])
def test_a_size_the_spec_states_said_with_de_describes_the_goods(text, current, items):
    intent, got = parsed(RICE, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


def test_a_size_no_spec_states_is_still_confirmed():
    intent, _ = parsed(RICE, "大米要20斤的两袋", "rice")
    assert intent.needs_review, intent


@pytest.mark.parametrize("text, items", [
    ("来台电水壶", {"kettle": 1}),   # an order word and a unit with no number: one
    ("要副手套", {"gloves": 1}),
])
def test_one_unit_of_shops_beyond_food_said_without_a_number(text, items):
    intent, got = parsed(APPLIANCES, text, None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent
