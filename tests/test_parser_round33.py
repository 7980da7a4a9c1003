"""Parser round 33 (tuning sets 33 and 34): classes of comments misread in stores other than a canteen or a
sports-goods shop (a hardware shop, a pet-food shop).

- 来一打 of goods packed in 只 or 支 (a 盒 of 12只 screws): a dozen counts 个; through another count word of the pack
  a person asks, as for a 箱 of 12瓶 (a 盒 of 12个 bulbs is still one 盒).
- 来10公斤, 来十公斤 with the 10公斤 bag on screen: a weight said as the quantity, not the start of a name that holds it
  (10公 of 10公斤狗粮 is no word a viewer shortens the name to); a bag without a declared pack asks.
"""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind

HARDWARE = shop("测试五金店", ("screw", "膨胀螺丝 M8 12只装", "盒", 15, {"aliases": ["膨胀螺丝"], "pack": "12只"}),
                ("bulb", "LED灯泡 12个装", "盒", 39, {"aliases": ["灯泡"], "pack": "12个"}),
                ("pencil", "木工铅笔 12支装", "盒", 12, {"aliases": ["木工铅笔"], "pack": "12支"}))
PETFOOD = shop("测试宠物粮店", ("dog_big", "全价狗粮 10公斤", "袋", 199, {"aliases": ["10公斤狗粮", "十公斤狗粮"]}),
               ("dog_small", "全价狗粮 5公斤", "袋", 109, {"aliases": ["5公斤狗粮", "五公斤狗粮"]}),
               ("cat", "冻干猫粮", "袋", 89, {"aliases": ["猫粮"]}))


@pytest.mark.parametrize(("text", "current"), [("来一打", "screw"), ("膨胀螺丝来一打", None), ("来两打", "pencil")])
def test_a_dozen_through_a_pack_of_another_count_word_asks(text, current):
    intent, _ = parsed(HARDWARE, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review


def test_a_dozen_of_a_pack_of_ge_is_still_the_pack():
    intent, items = parsed(HARDWARE, "来一打", "bulb")
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {"bulb": 1}


@pytest.mark.parametrize(("text", "current"), [("来10公斤", "dog_big"), ("来十公斤", "dog_big"),
                                               ("来5公斤", "dog_small"), ("要五公斤", "dog_small")])
def test_a_weight_said_as_the_quantity_is_no_shortened_name(text, current):
    intent, _ = parsed(PETFOOD, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review


@pytest.mark.parametrize(("text", "current", "want"), [("10公斤的来一袋", "cat", {"dog_big": 1}),
                                                       ("5公斤狗粮来两袋", None, {"dog_small": 2}),
                                                       ("5公斤的来一袋", "cat", {"dog_small": 1})])
def test_the_weight_named_with_de_or_the_name_still_picks_the_bag(text, current, want):
    intent, items = parsed(PETFOOD, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


SERVICES = shop("测试家政绿植店", ("clean", "日常保洁 2小时", "份", 99, {"aliases": ["日常保洁", "保洁"]}),
                ("plant", "桌面绿萝 小盆", "份", 39, {"aliases": ["绿萝"], "pack": "1盆"}),
                ("monthly", "月度保洁 每周一次", "份", 329, {"aliases": ["月度保洁"]}),
                ("tape", "封箱胶带 6卷装", "份", 19, {"aliases": ["胶带"], "pack": "6卷"}),
                ("card", "洗衣会员卡", "张", 99, {"aliases": ["会员卡"]}))


@pytest.mark.parametrize(("text", "current", "want"), [("来一个", "clean", {"clean": 1}), ("来两个", "plant", {"plant": 2}),
                                                       ("保洁来一个", None, {"clean": 1})])
def test_ge_of_a_product_sold_by_the_portion_is_that_many(text, current, want):
    intent, items = parsed(SERVICES, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


def test_ge_of_a_portion_that_packs_several_pieces_still_asks():
    intent, _ = parsed(SERVICES, "来两个", "tape")
    assert intent.kind == Kind.ORDER and intent.needs_review


@pytest.mark.parametrize(("text", "current"), [("月度保洁来两个月", "monthly"), ("来三个星期", "monthly"),
                                               ("会员卡来两个月", "card"), ("来三个月", "card")])
def test_a_span_of_time_is_no_count_of_goods(text, current):
    intent, _ = parsed(SERVICES, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review


PHARMACY = shop("测试药房", ("belt", "医用护腰", "条", 89, {"aliases": ["护腰"], "spec": "S / M / L 三个尺码"}),
                ("alcohol", "医用酒精 1L", "瓶", 19, {"aliases": ["酒精"]}),
                ("tape", "医用胶布 12mm", "卷", 5, {"aliases": ["胶布"]}))


@pytest.mark.parametrize(("text", "want", "note"), [("护腰来一条 L码", {"belt": 1}, "L码"),
                                                    ("护腰 x2 要M码", {"belt": 2}, "要M码")])
def test_a_letter_size_beside_the_order_is_its_note_though_names_hold_the_letter_in_a_measure(text, want, note):
    intent, items = parsed(PHARMACY, text, "belt")
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want and note in intent.note


def test_the_measure_itself_still_names_the_goods():
    intent, items = parsed(PHARMACY, "1L的来两瓶", "belt")
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {"alcohol": 2}


FLOWERS = shop("测试花店", ("roses", "红玫瑰花束 11枝", "束", 99, {"aliases": ["玫瑰花束", "红玫瑰"]}),
               ("lily", "香水百合 5枝", "束", 59, {"aliases": ["百合"]}))


@pytest.mark.parametrize(("text", "want", "note"), [("来一束 满天星多一点", {"roses": 1}, "满天星多一点"),
                                                    ("红玫瑰来两束 少放叶子", {"roses": 2}, "少放叶子"),
                                                    ("来一束 多叶子", {"roses": 1}, "多叶子")])
def test_more_or_less_of_a_part_of_the_goods_is_the_orders_note(text, want, note):
    intent, items = parsed(FLOWERS, text, "roses")
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want and intent.note == note


@pytest.mark.parametrize(("text", "kind"), [("少要一束", Kind.MODIFY), ("再多一点", Kind.OTHER)])
def test_more_or_less_of_the_goods_themselves_is_no_note(text, kind):
    intent, _ = parsed(FLOWERS, text, "roses")
    assert intent.kind == kind and not intent.note


TOYS = shop("测试文具玩具店", ("crayons", "24色水彩笔", "盒", 25, {"aliases": ["水彩笔"]}),
            ("puzzle", "木质拼图", "个", 39, {"aliases": ["拼图"]}))


@pytest.mark.parametrize(("text", "current", "want"), [("来两盒 一盒给我外孙女", "crayons", {"crayons": 2}),
                                                       ("拼图来三个 一个给宝宝玩", "crayons", {"puzzle": 3})])
def test_one_part_given_to_a_child_or_grandchild_is_a_use_remark(text, current, want):
    intent, items = parsed(TOYS, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want
