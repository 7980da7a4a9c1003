"""Parser round 22: numbers that are no quantities (sizes, heights, shoe sizes, ages) and what the buyer says that
the catalog cannot hold. A size, age or colour said with an order of a product listed once for every size is kept
in the order's note (the pick list needs it); said alone it goes to review with the product shown; a size the
catalog's names hold, a price of the catalog or a bare number for a listing that speaks of no sizes is never taken
for one. Service remarks (写…, 切片, 改短, 多给几个叉子, 不要太甜, 一件送我妈) are notes. A link number that is a size of
the product on screen (24号 with the 24cm pan shown) is asked. A size unit typed with its homophone (38马) is that
size; 这件 / 这双 and 这个 before a family word point at the product shown; a clause telling what was ordered before
(我前面拍了一件) beside a change is no order; 可切 8 块 is no pack; 那就一个 is a new total; 袋装 / 罐装 are packs of
one goods. Every store here is invented (none is a bakery)."""

from __future__ import annotations

import pytest
from doubles import parsed

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind

KIDS = Catalog.from_dict({"products": [
    {"sku": "tee", "name": "儿童纯棉短袖T恤", "aliases": ["短袖"], "link": 1, "unit": "件", "price": 39, "stock": 100,
     "spec": "尺码 90-150，按身高选"},
    {"sku": "pants", "name": "儿童防蚊裤", "aliases": ["防蚊裤"], "link": 2, "unit": "条", "price": 49, "stock": 100,
     "spec": "尺码 90-150"},
    {"sku": "sneakers", "name": "儿童网面运动鞋", "aliases": ["运动鞋"], "link": 3, "unit": "双", "price": 129,
     "stock": 50, "spec": "鞋码 26-37"},
    {"sku": "socks", "name": "儿童棉袜", "link": 39, "unit": "双", "price": 9.9, "stock": 300},
], "store": {"name": "测试童装店"}})

PANS = Catalog.from_dict({"products": [
    {"sku": "pan24", "name": "不粘炒锅 24cm", "link": 1, "unit": "个", "price": 99, "stock": 50},
    {"sku": "pan30", "name": "不粘炒锅 30cm", "link": 2, "unit": "个", "price": 129, "stock": 50},
    {"sku": "board", "name": "竹砧板", "link": 24, "unit": "个", "price": 39, "stock": 30},
    {"sku": "towel", "name": "纯棉擦手巾", "link": 30, "unit": "条", "price": 6, "stock": 300},
], "store": {"name": "测试厨具店"}})

SHOES = Catalog.from_dict({"products": [
    {"sku": "canvas38", "name": "帆布鞋 38码", "link": 1, "unit": "双", "price": 89, "stock": 20},
    {"sku": "canvas39", "name": "帆布鞋 39码", "link": 2, "unit": "双", "price": 89, "stock": 20},
    {"sku": "insole", "name": "记忆棉鞋垫", "link": 38, "unit": "双", "price": 15, "stock": 100},
], "store": {"name": "测试鞋店"}})

FRUIT = Catalog.from_dict({"products": [
    {"sku": "plain", "name": "普通脐橙", "link": 1, "unit": "箱", "price": 38, "stock": 100},
    {"sku": "fine", "name": "精品脐橙", "link": 2, "unit": "箱", "price": 68, "stock": 100},
    {"sku": "melon", "name": "麒麟西瓜", "link": 3, "unit": "个", "price": 29, "stock": 60,
     "spec": "一个约 8 斤，可切 4 块"},
], "store": {"name": "测试水果店"}})

TAILOR = Catalog.from_dict({"products": [
    {"sku": "jeans", "name": "直筒牛仔裤", "link": 1, "unit": "条", "price": 159, "stock": 40},
    {"sku": "belt", "name": "真皮腰带", "link": 2, "unit": "条", "price": 99, "stock": 40},
], "store": {"name": "测试服装店"}})

SNACKS = Catalog.from_dict({"products": [
    {"sku": "nuts_bag", "name": "每日坚果 袋装", "link": 1, "unit": "袋", "price": 12, "stock": 100},
    {"sku": "nuts_box", "name": "每日坚果 盒装", "link": 2, "unit": "盒", "price": 99, "stock": 30},
    {"sku": "sauce", "name": "香辣牛肉酱", "link": 3, "unit": "瓶", "price": 25, "stock": 80},
], "store": {"name": "测试零食店"}})

BUTCHER = Catalog.from_dict({"products": [
    {"sku": "ribs", "name": "精品肋排", "link": 1, "unit": "斤", "price": 38, "stock": 100},
    {"sku": "belly", "name": "五花肉", "link": 2, "unit": "斤", "price": 22, "stock": 100},
], "store": {"name": "测试肉铺"}})


@pytest.mark.parametrize("store, text, current, items, note", [
    (KIDS, "110的来两件", "tee", {"tee": 2}, "110的"),              # a height, not 110 shirts
    (KIDS, "要两件 120码", "tee", {"tee": 2}, "120码"),
    (KIDS, "来一件 130的", "tee", {"tee": 1}, "130的"),
    (KIDS, "这件来一件 XL", "tee", {"tee": 1}, "XL"),                # 这件 is the one shown; XL the size
    (KIDS, "粉色的来一件", "tee", {"tee": 1}, "粉色的"),
    (KIDS, "来两条 藏青色", "pants", {"pants": 2}, "藏青色"),
    (KIDS, "给3岁的孩子来两件", "tee", {"tee": 2}, "3岁的孩子"),     # an age, no 3
    (KIDS, "身高110 来一件", "tee", {"tee": 1}, "身高110"),          # the height the size is picked by
    (KIDS, "33码的来一双", "sneakers", {"sneakers": 1}, "33码的"),   # a shoe size, not 33 pairs
    (KIDS, "短袖120码2件", None, {"tee": 2}, "120码"),               # glued to the name (a 接龙 line)
    (KIDS, "来个粉色短袖", None, {"tee": 1}, "粉色"),
    (TAILOR, "来一条 帮我裁短", "jeans", {"jeans": 1}, "帮我裁短"),
    (TAILOR, "来两条 一条自己穿 一条送我老公", "jeans", {"jeans": 2}, "一条自己穿 一条送我老公"),
    (TAILOR, "这条来一条 刻上名字缩写", "belt", {"belt": 1}, "刻上名字缩写"),
    (FRUIT, "来一个 帮我切块", "melon", {"melon": 1}, "帮我切块"),
    (FRUIT, "来一箱 多给几个袋子", "plain", {"plain": 1}, "多给几个袋子"),
    (SNACKS, "来两瓶 不要太辣", "sauce", {"sauce": 2}, "不要太辣"),
    (BUTCHER, "肋排来3斤 剁小块", "ribs", {"ribs": 3}, "剁小块"),
])
def test_sizes_ages_colours_and_services_are_the_note(store, text, current, items, note):
    intent, got = parsed(store, text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, items), intent
    assert note in intent.note


@pytest.mark.parametrize("store, text, current", [
    (KIDS, "120的", "tee"),                  # a size, how many not said
    (KIDS, "我要XL", "tee"),
    (KIDS, "我要粉色的", "tee"),
    (KIDS, "35码", "sneakers"),
])
def test_a_size_or_colour_alone_is_asked_with_the_product_shown(store, text, current):
    intent, got = parsed(store, text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, True, {current: None}), intent


GRAPES = Catalog.from_dict({"products": [
    {"sku": "red", "name": "红提", "link": 1, "unit": "斤", "price": 15, "stock": 100},
    {"sku": "green", "name": "绿提", "link": 2, "unit": "斤", "price": 12, "stock": 100},
], "store": {"name": "测试葡萄摊"}})


@pytest.mark.parametrize("store, text, current", [
    (GRAPES, "红色的来两斤", "green"),        # the colour tells the listings apart: never a note on the one shown
    (FRUIT, "68的来一箱", "plain"),           # 68 is the price of the other box: never a size note
    (FRUIT, "100的来一箱", "plain"),          # a bare number for a listing with no sizes: asked, as before
    (KIDS, "39的来一双", "sneakers"),         # 39 is link 39's number and no 码 said
    (PANS, "24号来一个", "pan24"),            # link 24 (the board) or the 24cm pan shown?
    (PANS, "30号来一个", "pan30"),
    (SHOES, "38号来一双", "canvas38"),        # link 38 (insoles) or the 38码 shown?
    (SHOES, "40码的来一双", "canvas38"),      # sizes are listings here and 40 is not sold
])
def test_numbers_that_may_name_another_product_are_asked(store, text, current):
    intent, _ = parsed(store, text, current)
    assert intent.kind is Kind.ORDER and intent.needs_review, intent


@pytest.mark.parametrize("store, text, current, items", [
    (PANS, "24cm的来一个", "pan30", {"pan24": 1}),     # a size of the names names that pan (24cm is no link 24; round 38)
    (SHOES, "39码的来一双", "canvas38", {"canvas39": 1}),
    (SHOES, "39马的来一双", "canvas38", {"canvas39": 1}),  # 马 typed for 码 after a size the names hold
    (PANS, "24号来一个", "pan30", {"board": 1}),        # another size shown: the link
])
def test_a_size_the_catalog_lists_still_names_its_product(store, text, current, items):
    intent, got = parsed(store, text, current)
    if items:
        assert (intent.needs_review, got) == (False, items), intent
    else:
        assert intent.needs_review and not intent.note, intent


@pytest.mark.parametrize("store, text, current", [
    (FRUIT, "颜色真好看", "plain"),
    (KIDS, "宝宝3岁了", "tee"),
    (FRUIT, "多给点", "plain"),
    (KIDS, "有粉色的吗", "tee"),
])
def test_remarks_stay_remarks(store, text, current):
    intent, _ = parsed(store, text, current)
    assert intent.kind in (Kind.OTHER, Kind.QUESTION) and not intent.items, intent


def test_an_extra_without_the_thing_named_is_more_of_the_goods():
    intent, got = parsed(FRUIT, "多拿几个", "melon")
    assert intent.needs_review and got == {"melon": None} and not intent.note


def test_a_count_said_only_inside_a_remark_is_the_order():
    intent, got = parsed(TAILOR, "一条写上小明", "belt")
    assert (intent.needs_review, got) == (False, {"belt": 1}) and intent.note == "写上小明"
    intent, _ = parsed(TAILOR, "一条自己穿 一条送我老公", "jeans")  # no total said: a person adds, never lost
    assert intent.kind is Kind.ORDER and intent.needs_review


@pytest.mark.parametrize("store, text, current, items", [
    (FRUIT, "这个来两个", "melon", {"melon": 2}),              # 可切 4 块 is how it is cut, no pack of 4
    (SNACKS, "坚果来两袋", None, {"nuts_bag": 2}),             # 袋装 / 盒装: one goods in two packs
    (SNACKS, "坚果来一盒", None, {"nuts_box": 1}),
    (KIDS, "这双来一双", "sneakers", {"sneakers": 1}),
])
def test_pieces_packs_and_this_one(store, text, current, items):
    intent, got = parsed(store, text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, items), intent


BEEF = Catalog.from_dict({"products": [
    {"sku": "jerky", "name": "风干牛肉干", "link": 1, "unit": "袋", "price": 39, "stock": 100},
    {"sku": "spicy", "name": "麻辣牛肉干", "link": 2, "unit": "罐", "price": 59, "stock": 50},
], "store": {"name": "测试零食铺"}})


def test_this_before_a_family_word_is_the_product_shown():
    intent, got = parsed(BEEF, "这个牛肉干来两袋", "jerky")
    assert (intent.needs_review, got) == (False, {"jerky": 2}), intent
    for text, current in (("牛肉干来两袋", "jerky"), ("这个牛肉干来两袋", None)):  # no 这个, or nothing shown: asked
        intent, _ = parsed(BEEF, text, current)
        assert intent.needs_review, (text, intent)


def test_what_was_ordered_before_beside_a_change_is_no_order():
    intent, got = parsed(KIDS, "短袖我前面拍了一件 再加一件", "pants")
    assert intent.kind is Kind.MODIFY and not intent.needs_review
    assert [(i.sku, i.qty, i.relative) for i in intent.items] == [("tee", 1, True)]
    intent, got = parsed(KIDS, "我刚才拍了两件 改成3件", "tee")
    assert intent.kind is Kind.MODIFY and got == {"tee": 3}


def test_a_settled_number_at_the_clause_end_is_a_new_total():
    intent, got = parsed(TAILOR, "好吧 那就一条", "jeans")
    assert intent.kind is Kind.MODIFY and got == {"jeans": 1}
