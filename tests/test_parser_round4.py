"""Parser round 4: rules a shop assistant applies to any store's comments (a dozen, a unit word with no
number, 份 of a weight product, one-character variants, a word several names share, sound-alikes that rest
on one sound, 还是N吧, 少1斤, 不是A是B, A不要 要B, jokes, 一起送)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

RIVER = Catalog.from_dict({"products": [
    {"sku": "prawn", "name": "鲜活河虾", "aliases": ["河虾"], "link": 1, "unit": "斤", "price": 40, "stock": 30},
    {"sku": "prawn_meat", "name": "冻虾仁", "aliases": ["虾仁"], "link": 2, "unit": "盒", "price": 30, "stock": 20},
    {"sku": "cray_hot", "name": "香辣小龙虾", "link": 3, "unit": "份", "price": 60, "stock": 20},
    {"sku": "cray_plain", "name": "清蒸小龙虾", "link": 4, "unit": "份", "price": 60, "stock": 20},
    {"sku": "duck_m", "name": "麻鸭（公）", "aliases": ["公鸭"], "link": 5, "unit": "只", "price": 50, "stock": 20},
    {"sku": "duck_f", "name": "麻鸭（母）", "aliases": ["母鸭"], "link": 6, "unit": "只", "price": 55, "stock": 20},
    {"sku": "perch", "name": "鲈鱼", "link": 7, "unit": "条", "price": 28, "stock": 20},
    {"sku": "squid", "name": "鱿鱼", "link": 8, "unit": "斤", "price": 26, "stock": 20},
    {"sku": "clam", "name": "蛏子", "link": 9, "unit": "斤", "price": 22, "stock": 20},
    {"sku": "egg", "name": "咸鸭蛋", "link": 10, "unit": "个", "price": 2, "stock": 100},
    {"sku": "eggbox", "name": "土鸡蛋", "link": 11, "unit": "盒", "spec": "每盒 10 个", "price": 20, "stock": 20},
    {"sku": "fishball", "name": "鱼丸", "link": 12, "unit": "袋", "price": 15, "stock": 20},
    {"sku": "sauce", "name": "蘸料", "link": 13, "unit": "瓶", "price": 8, "stock": 20},
]})

CASES = [
    # 一打 = 12 pieces; not 打折 / 打包; a box that holds pieces does not take 个
    ("egg", "来一打", "order", {"egg": 12}, False),
    ("egg", "两打咸鸭蛋", "order", {"egg": 24}, False),
    ("eggbox", "来一打", "order", {}, True),
    ("egg", "能打折吗", "question", {}, False),
    # an order word and a unit with no number: one of it
    ("fishball", "来袋鱼丸", "order", {"fishball": 1}, False),
    ("sauce", "再要瓶", "order", {"sauce": 1}, False),
    (None, "拿盒虾仁", "order", {"prawn_meat": 1}, False),
    # 份 of a product sold by weight: how much is a 份?
    ("squid", "来两份", "order", {}, True),
    ("cray_hot", "来两份", "order", {"cray_hot": 2}, False),
    ("fishball", "要3份", "order", {"fishball": 3}, False),
    # one-character variants where they stand as a word
    ("duck_m", "再来2只母的", "order", {"duck_f": 2}, False),
    (None, "1公2母", "order", {"duck_m": 1, "duck_f": 2}, False),
    (None, "公母各1只", "order", {"duck_m": 1, "duck_f": 1}, False),
    (None, "公的改成2只", "modify", {"duck_m": 2}, False),
    ("squid", "来1公斤", "order", {"squid": 2}, False),  # 公 of 公斤 is no variant
    # 不辣的: the member of a pair that is not the 辣 one
    ("cray_hot", "来一份不辣的", "order", {"cray_plain": 1}, False),
    # a word in several products' names: on screen, else the one sold in the unit said, else review
    ("prawn", "虾要3斤", "order", {"prawn": 3}, False),
    (None, "虾来1斤半", "order", {"prawn": 1.5}, False),
    ("prawn_meat", "虾来2盒", "order", {"prawn_meat": 2}, False),
    (None, "虾来2份", "order", {}, True),  # two crayfish are sold by the 份
    ("cray_hot", "虾来1份", "order", {}, True),  # on screen, but so is its variant: which flavour?
    ("duck_m", "鸭来2只", "order", {}, True),    # 公 or 母?
    (None, "虾来一个", "order", {}, True),
    # 还是N吧: settling on a new total; 要1斤还是2斤 asks
    (None, "鱿鱼还是3斤吧", "modify", {"squid": 3}, False),
    (None, "虾还是1斤吧", "modify", {"prawn": 1}, False),
    ("squid", "要1斤还是2斤", "question", {}, False),
    # 少1斤, 再多1斤: changes against the order; 至少 is no change
    ("squid", "少1斤", "modify", {"squid": -1}, False),
    ("squid", "再多半斤", "modify", {"squid": 0.5}, False),
    ("squid", "鱿鱼至少要2斤吗", "question", {}, False),
    ("squid", "鱿鱼多1斤", "modify", {"squid": 1}, False),
    ("squid", "少买半斤", "modify", {"squid": -0.5}, False),
    ("squid", "差不多1斤", "order", {"squid": 1}, False),
    ("squid", "鱿鱼退一斤", "cancel", {"squid": None}, True),  # a part of the order: a person changes it
    # 不是A是B: one product for another, how many not said
    (None, "点错了 不是香辣的是清蒸小龙虾", "modify", {"cray_plain": None}, True),
    (None, "不是鲈鱼是鱿鱼", "modify", {"squid": None}, True),
    # A不要 要B: only B is ordered
    (None, "鱿鱼2斤不要 要1斤蛏子", "order", {"clam": 1}, False),
    # a joke is no order
    ("egg", "开玩笑的 300个哪吃得完", "other", {}, False),
    ("egg", "不开玩笑 要20个", "order", {"egg": 20}, False),
    # a rough amount (两三斤, 三五个) is not 23 or 35; 半打 is 6; about (左右) is the amount
    ("squid", "来两三斤", "order", {}, True),
    ("egg", "要个三五个", "order", {}, True),
    ("squid", "改成两三斤", "modify", {}, True),
    ("egg", "来半打", "order", {"egg": 6}, False),
    ("squid", "2斤左右", "order", {"squid": 2}, False),
    ("squid", "要.5斤", "order", {"squid": 0.5}, False),  # not 5斤
    # how the buyer likes it is no product, unless a name holds the word (小 of 小龙虾)
    ("squid", "要大的2斤", "order", {"squid": 2}, False),
    ("squid", "来1斤嫩一点的", "order", {"squid": 1}, False),
    ("squid", "要小的2斤", "order", {}, True),
    # for whom (给孩子, 今年) is no unknown product; a habit (每天一瓶) is no order
    ("squid", "来1斤给孩子尝尝", "order", {"squid": 1}, False),
    ("sauce", "我家老人每天一瓶", "other", {}, False),
    ("egg", "我家一天吃3个", "other", {}, False),
    ("egg", "咸鸭蛋10个都吃不完", "other", {}, False),
    ("egg", "10个就够了", "order", {"egg": 10}, False),
    ("egg", "楼上同款", "order", {"egg": None}, True),  # a copy of someone's order: how many?
    ("egg", "同样来2个", "order", {"egg": 2}, False),
    ("squid", "拍2斤", "order", {"squid": 2}, False),   # the words of a flash sale order too
    ("squid", "预定1斤", "order", {"squid": 1}, False),
    ("squid", "等3秒", "other", {}, False),
    ("squid", "周末3个朋友来家里 鱿鱼来3斤", "order", {"squid": 3}, False),  # 3个朋友: people, no goods
]


@pytest.mark.parametrize("current, text, kind, items, review", CASES, ids=[c[1] for c in CASES])
def test_round4_rules(current, text, kind, items, review):
    intent = parse(text, RIVER, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    if not review or items:
        assert {i.sku: i.qty for i in intent.items} == items, intent.reason


@pytest.mark.parametrize("text, sku, review", [
    ("由鱼1斤", "squid", False),   # 由 sounds like 鱿 and 由鱼 like no other name (round-19 principle): read
    ("卢鱼1条", "perch", False),   # 卢 is a part of 鲈: looks and sounds alike
    ("称子2斤", "clam", False),    # 称 (weigh) + 子, which only 蛏子 ends with
    ("鱿鱼1斤", "squid", False),
])
def test_sound_alikes_that_rest_on_one_sound_go_to_review(text, sku, review):
    intent = parse(text, RIVER, None)
    assert intent.kind is Kind.ORDER and intent.needs_review is review, intent.reason
    if review:
        assert "像是" in intent.reason
    else:
        assert [i.sku for i in intent.items] == [sku]


def test_a_sound_alike_of_two_products_is_not_guessed():
    cat = Catalog.from_dict({"products": [
        {"sku": "a", "name": "青菜", "link": 1, "unit": "把", "price": 1, "stock": 9},
        {"sku": "b", "name": "清菜", "link": 2, "unit": "把", "price": 1, "stock": 9}]})
    assert cat.sound_alikes("轻菜2把") == [(0, 2, cat.get("a")), (0, 2, cat.get("b"))]
    assert parse("轻菜2把", cat, None).needs_review


def test_delivering_with_another_order_is_a_note():
    intent = parse("要2瓶 跟虾一起送 5栋", RIVER, "sauce")
    assert [(i.sku, i.qty) for i in intent.items] == [("sauce", 2)] and not intent.needs_review
    assert "跟虾一起送" in intent.note and "5栋" in intent.note


FRUIT = Catalog.from_dict({"products": [
    {"sku": "box", "name": "赣南脐橙（10斤装）", "link": 1, "unit": "箱", "spec": "每箱 10 斤", "price": 59, "stock": 30},
    {"sku": "loose", "name": "赣南脐橙（散称）", "link": 2, "unit": "斤", "price": 6.5, "stock": 100},
    {"sku": "cake6", "name": "6寸草莓蛋糕", "link": 3, "unit": "个", "price": 88, "stock": 10},
    {"sku": "cake8", "name": "8寸草莓蛋糕", "link": 4, "unit": "个", "price": 128, "stock": 10},
    {"sku": "trotter", "name": "猪蹄", "link": 5, "unit": "个", "price": 18, "stock": 40},
]})


@pytest.mark.parametrize("current, text, items, review", [
    (None, "脐橙来一箱", {"box": 1}, False),      # only the 10斤装 is sold by the 箱
    (None, "脐橙5斤", {"loose": 5}, False),       # only the 散称 is sold by weight
    (None, "来一箱橙子", {"box": 1}, False),      # 橙子: 橙 ends both names, the unit tells
    ("box", "橙子3斤", {}, True),                 # the one on screen first: 3斤 of a box, a person asks
    (None, "蛋糕一个", {}, True),                 # both sizes are sold by the 个
    (None, "猪蹄两只", {"trotter": 2}, False),    # 只 and 个 count the same pieces
])
def test_a_family_word_or_a_kind_is_read_by_the_unit(current, text, items, review):
    intent = parse(text, FRUIT, current)
    assert intent.kind is Kind.ORDER and intent.needs_review is review, intent.reason
    if not review:
        assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("current, text, kind, items", [
    ("perch", "鲈鱼28一条贵了", "other", {}),           # a price is talk, not 28 of it
    ("perch", "鲈鱼28元每条？", "question", {}),
    (None, "链接7一条", "order", {"perch": 1}),          # a link number before 一条 is no price
    ("perch", "要去鳞的鲈鱼2条", "order", {"perch": 2}),  # how to prepare it is no product
    ("squid", "鱿鱼1斤 切成段", "order", {"squid": 1}),
    (None, "鲜活的河虾2斤", "order", {"prawn": 2}),       # a part of the name of the product named: no unknown
])
def test_prices_and_preparation(current, text, kind, items):
    intent = parse(text, RIVER, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("text", ["来个链接", "快上链接", "我第3个进来的", "点赞100个", "来一波", "开玩笑的 要100个"])
def test_talk_about_the_stream_is_no_order(text):
    assert parse(text, RIVER, "egg").kind is Kind.OTHER


def test_a_link_asked_with_its_number_still_orders():
    intent = parse("来个链接10", RIVER, "egg")
    assert intent.kind is Kind.ORDER and [(i.sku, i.qty) for i in intent.items] == [("egg", 1)]


def test_a_building_and_room_written_with_a_dash_is_a_note():
    intent = parse("鱿鱼2斤 8-302", RIVER, "squid")
    assert [(i.sku, i.qty) for i in intent.items] == [("squid", 2)] and intent.note == "8-302"
    assert parse("2-3斤", RIVER, "squid").needs_review  # a range, no room


@pytest.mark.parametrize("text, kind, items, review", [
    ("鲈鱼换成鱿鱼2斤", "modify", {"squid": None}, True),  # one product for another: a person swaps them
    ("鲈鱼换鱿鱼", "modify", {"squid": None}, True),
    ("鲈鱼不用了", "cancel", {"perch": None}, False),     # with a product named, 不用了 cancels it
    ("不用了", "other", {}, False),                         # alone, it may answer anything
])
def test_swaps_and_no_longer_needed(text, kind, items, review):
    intent = parse(text, RIVER, None)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("current, text, items, review", [
    ("cray_hot", "有清蒸的吗 来2份", {}, True),           # asked about another product: whose 2份?
    ("cray_hot", "清蒸小龙虾还有吗？要2份", {}, True),
    ("cray_hot", "还有吗？要2份", {"cray_hot": 2}, False),  # a question mark ends a clause, the order stands
    ("duck_m", "有母的吗 来2只", {}, True),
])
def test_a_question_about_another_product_before_a_bare_quantity(current, text, items, review):
    intent = parse(text, RIVER, current)
    assert intent.kind is Kind.ORDER and intent.needs_review is review, intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("current, text, items", [
    ("egg", "2斤 鱿鱼", {"squid": 2}),        # the quantity first, the name after a space
    ("egg", "要1盒 虾仁", {"prawn_meat": 1}),
    ("egg", "来两瓶 蘸料", {"sauce": 2}),
])
def test_a_quantity_then_the_name_apart_are_one_clause(current, text, items):
    intent = parse(text, RIVER, current)
    assert intent.kind is Kind.ORDER and not intent.needs_review, intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


SHOP = Catalog.from_dict({"products": [
    {"sku": "cabbage", "name": "大白菜", "aliases": ["白菜"], "link": 1, "unit": "颗", "price": 4, "stock": 50},
    {"sku": "beer", "name": "青岛啤酒", "aliases": ["啤酒"], "link": 2, "unit": "听", "price": 5, "stock": 100},
    {"sku": "ice", "name": "巧克力雪糕", "aliases": ["雪糕"], "link": 3, "unit": "支", "price": 6, "stock": 60},
]})


@pytest.mark.parametrize("text, items, review", [
    ("大白菜一棵", {"cabbage": 1}, False),
    ("来颗白菜", {"cabbage": 1}, False),
    ("啤酒6罐", {"beer": 6}, False),
    ("雪糕5根", {"ice": 5}, False),
    ("雪糕2条", {"ice": 2}, False),
    ("啤酒一箱", {}, True),     # a case of cans: how many? a person asks
])
def test_classifiers_counted_the_same(text, items, review):
    intent = parse(text, SHOP, None)
    assert intent.kind is Kind.ORDER and intent.needs_review is review, intent.reason
    if not review:
        assert {i.sku: i.qty for i in intent.items} == items


def test_a_sound_alike_of_a_variant_word_names_that_variant():
    cat = Catalog.from_dict({"products": [
        {"sku": "red", "name": "红豆面包", "link": 1, "unit": "个", "price": 6, "stock": 30},
        {"sku": "taro", "name": "芋泥面包", "link": 2, "unit": "个", "price": 7, "stock": 30}]})
    assert [(i.sku, i.qty) for i in parse("芋尼面包2个", cat, None).items] == [("taro", 2)]
    assert [(i.sku, i.qty) for i in parse("红逗的1个", cat, "taro").items] == [("red", 1)]
    assert parse("面包2个", cat, None).needs_review  # the family word alone: which one?
