"""Parser round 21: a declared pack of one unit (pack: 1支) is sold in that unit, so the unit said picks a family's
member, also under 各; 只 counts as 个 for a declared pack; who orders (公司, 单位) is no goods; a kind word the
catalog shortens after a qualifier (红葡萄酒 / 红葡, 白葡) is the kind of every product holding the short form; a
year said before a name (2018赤霞珠) is the name's; a word of a name that counts what it holds (三件套, 一套四个) is
that product; packing, recipient and restock remarks are notes; 还是这个味 says 'still', no choice asked."""

from __future__ import annotations

import pytest
from doubles import parsed

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

FLORIST = Catalog.from_dict({"products": [
    {"sku": "rose_one", "name": "红玫瑰 单支", "link": 1, "unit": "个", "price": 8, "stock": 200, "pack": "1支"},
    {"sku": "rose_bunch", "name": "红玫瑰 整扎", "link": 2, "unit": "扎", "price": 79, "stock": 30, "pack": "11支"},
    {"sku": "lily", "name": "香水百合", "link": 3, "unit": "支", "price": 12, "stock": 100},
], "store": {"name": "测试花店"}})

KITCHEN = Catalog.from_dict({"products": [
    {"sku": "bowls", "name": "骨瓷碗 一套四个", "link": 1, "unit": "套", "price": 59, "stock": 30, "pack": "4个"},
    {"sku": "pots", "name": "不锈钢锅具 三件套", "link": 2, "unit": "套", "price": 299, "stock": 10},
    {"sku": "board", "name": "竹砧板", "link": 3, "unit": "个", "price": 39, "stock": 30},
], "store": {"name": "测试厨具店"}})

WINE = Catalog.from_dict({"products": [
    {"sku": "red", "name": "2018年赤霞珠干红", "aliases": ["赤霞珠", "红葡萄酒", "红葡"], "link": 1, "unit": "瓶",
     "price": 128, "stock": 50},
    {"sku": "white", "name": "霞多丽干白", "aliases": ["干白", "白葡"], "link": 2, "unit": "瓶", "price": 98,
     "stock": 50},
    {"sku": "opener", "name": "海马刀开瓶器", "link": 3, "unit": "个", "price": 29, "stock": 50},
], "store": {"name": "测试酒行"}})

FRUIT = Catalog.from_dict({"products": [
    {"sku": "orange", "name": "赣南脐橙", "link": 1, "unit": "斤", "price": 6.8, "stock": 500},
    {"sku": "kiwi", "name": "徐香猕猴桃", "link": 2, "unit": "箱", "price": 59, "stock": 40},
], "store": {"name": "测试水果店"}})


@pytest.mark.parametrize("store, text, current, items", [
    (FLORIST, "红玫瑰来两支", "rose_one", {"rose_one": 2}),          # pack 1支: the single rose is sold by the 支
    (FLORIST, "红玫瑰来一扎", "rose_bunch", {"rose_bunch": 1}),      # the bunch by the 扎
    (FLORIST, "红玫瑰和香水百合各来一支", "lily", {"rose_one": 1, "lily": 1}),  # 各: the unit picks the member
    (KITCHEN, "来8只", "bowls", {"bowls": 2}),                      # 只 counts as 个: 8 of a 套 of 4个
    (KITCHEN, "三件套的来一套", "board", {"pots": 1}),               # 三件套 names the pots, no 3
    (KITCHEN, "一套四个的来两套", "pots", {"bowls": 2}),             # 一套四个 names the bowls
    (FRUIT, "单位要两箱", "kiwi", {"kiwi": 2}),                     # who orders is no goods
    (FRUIT, "公司团建要三箱", "kiwi", {"kiwi": 3}),
    (WINE, "2018赤霞珠来两瓶", None, {"red": 2}),                   # the year is the name's, no 2018 bottles
    (WINE, "18年赤霞珠来两瓶", None, {"red": 2}),
    (WINE, "红葡萄酒来一瓶", None, {"red": 1}),                     # the whole name still reads
])
def test_read_as_booked(store, text, current, items):
    intent, got = parsed(store, text, current)
    assert intent.kind is Kind.ORDER and not intent.needs_review, intent.reason
    assert got == items


@pytest.mark.parametrize("store, text, current", [
    (WINE, "葡萄酒来一瓶", None),        # 红葡 and 白葡: 葡 is 葡萄酒, so 葡萄酒 is either wine
    (WINE, "葡萄酒 x2", "opener"),
    (FLORIST, "红玫瑰来3个", "rose_one"),  # 个 counts the roses of a bunch too (holds pieces): a person asks
])
def test_goes_to_review(store, text, current):
    intent, _ = parsed(store, text, current)
    assert intent.needs_review and intent.kind is Kind.ORDER


def test_a_pack_of_one_does_not_pick_the_bunch_for_a_count_of_stems():
    intent, got = parsed(FLORIST, "红玫瑰来两支", None)  # nothing on screen: 支 is the single rose's unit alone
    assert got == {"rose_one": 2} and not intent.needs_review


@pytest.mark.parametrize("store, text, current, items, note", [
    (FRUIT, "来两斤 帮我分开装", "orange", {"orange": 2}, "帮我分开装"),
    (FRUIT, "来3斤 麻烦分两袋装", "orange", {"orange": 3}, "麻烦分两袋装"),   # 两袋 is how it is packed, no count
    (FRUIT, "来一箱 送到5栋 给我妈", "kiwi", {"kiwi": 1}, "送到5栋 给我妈"),  # the recipient beside the delivery
    (FRUIT, "来两箱 下批到了再给我", "kiwi", {"kiwi": 2}, "下批到了再给我"),  # when the goods come in
])
def test_remarks_are_notes(store, text, current, items, note):
    intent, got = parsed(store, text, current)
    assert intent.kind is Kind.ORDER and not intent.needs_review, intent.reason
    assert got == items and intent.note == note


def test_a_recipient_alone_is_no_note():
    intent, got = parsed(FRUIT, "给我妈来一箱", "kiwi")
    assert got == {"kiwi": 1} and intent.note == ""


@pytest.mark.parametrize("text, kind", [
    ("上次买的脐橙吃完了 还是这个味", Kind.OTHER),   # still the same taste: no choice asked
    ("要脐橙还是猕猴桃", Kind.QUESTION),               # a choice is still a question
    ("还是这个甜吗", Kind.QUESTION),
])
def test_still_is_no_question(text, kind):
    assert parse(text, FRUIT, "orange").kind is kind


SHOP = Catalog.from_dict({"products": [
    {"sku": "holder", "name": "烟嘴", "link": 1, "unit": "个", "price": 15, "stock": 50},
    {"sku": "lighter", "name": "打火机", "link": 2, "unit": "个", "price": 3, "stock": 200},
    {"sku": "tea", "name": "清茶", "link": 3, "unit": "盒", "price": 30, "stock": 20},
]})


def test_a_character_of_the_same_radical_sharing_a_reading_is_a_typo():
    intent, got = parsed(SHOP, "烟咀来2个", "lighter")  # 咀 reads jǔ and zuǐ: the keyboard's 嘴
    assert got == {"holder": 2} and not intent.needs_review


def test_a_radical_alone_or_a_reading_alone_is_no_kin():
    from copilot.orders.alike import radical_reading

    assert radical_reading("咀", "嘴") and radical_reading("桔", "橘")
    assert not radical_reading("清", "情") and not radical_reading("肝", "腩")


FISH = Catalog.from_dict({"products": [
    {"sku": "croaker_l", "name": "大黄鱼", "link": 1, "unit": "条", "price": 39, "stock": 30},
    {"sku": "croaker_s", "name": "小黄鱼", "link": 2, "unit": "斤", "price": 19, "stock": 30},
    {"sku": "squid", "name": "鲜鱿鱼", "link": 3, "unit": "斤", "price": 29, "stock": 30},
]})


@pytest.mark.parametrize("text, items", [
    ("黄鱼来一条 大的", {"croaker_l": 1}),   # a clause that says only a word of one member's name
    ("黄鱼要2斤 小的吧", {"croaker_s": 2}),
])
def test_a_member_said_apart_by_a_word_of_its_name(text, items):
    intent, got = parsed(FISH, text, "squid")
    assert got == items and not intent.needs_review, intent.reason


def test_a_word_no_member_holds_settles_nothing():
    intent, _ = parsed(FISH, "黄鱼来一条 肥的", "squid")
    assert intent.needs_review


WATER = Catalog.from_dict({"products": [
    {"sku": "water", "name": "矿泉水", "link": 1, "unit": "箱", "price": 24, "stock": 50, "pack": "12瓶"},
    {"sku": "cola", "name": "可乐", "link": 2, "unit": "瓶", "price": 3, "stock": 100},
]})


@pytest.mark.parametrize("text, kind, items", [
    ("一箱12瓶 才24 划算", Kind.OTHER, {}),       # what a 箱 holds, as the catalog declares it: no order
    ("12瓶一箱", Kind.OTHER, {}),
    ("一箱是12瓶吗", Kind.QUESTION, {}),
    ("一箱12瓶 来两箱", Kind.ORDER, {"water": 2}),
])
def test_the_pack_stated_is_no_order(text, kind, items):
    intent, got = parsed(WATER, text, "water")
    assert intent.kind is kind and got == items


def test_a_pack_the_catalog_does_not_declare_is_stillparsed():
    intent, _ = parsed(WATER, "一箱10瓶", "water")  # 10 is not the declared 12: a person looks
    assert intent.kind is Kind.ORDER and intent.needs_review


@pytest.mark.parametrize("text, kind, items", [
    ("上周买了 3斤两天就吃完", Kind.OTHER, {}),     # a count inside a story told, no order word
    ("我用开水泡了 三次还有味", Kind.OTHER, {}),
    ("上周买过了 再来3斤", Kind.ORDER, {"orange": 3}),  # an order word: the story is beside an order
])
def test_a_count_in_a_story_is_no_order(text, kind, items):
    intent, got = parsed(FRUIT, text, "orange")
    assert intent.kind is kind and got == items
