"""Parser round 34 (tuning sets 35 and 36): classes of comments misread in stores other than a cured-meats or a
music shop (a hot-pot kit shop, a tea shop, a stationery shop).

- 来3份 of a kit whose name counts its servings (火锅套餐 2人份, 4份装): 份 is a serving inside the pack, so three 份
  may be three packs or one (a person asks); 份 of a plain 盒 or 包 is still the pack.
- 毛笔两支都要, 礼盒两盒都要: a number before 都要 with a count word counts the products wanted (both of them), not
  how many of each, as 两个都要 does.
"""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind

HOTPOT = shop("测试火锅食材店", ("kit", "麻辣火锅套餐 2人份", "包", 68, {"aliases": ["火锅套餐"]}),
              ("balls", "手打牛肉丸 4份装", "盒", 39, {"aliases": ["牛肉丸"]}),
              ("base", "牛油火锅底料", "包", 19, {"aliases": ["底料"]}))
STATIONERY = shop("测试文房店", ("brush_big", "狼毫毛笔 大楷", "支", 35, {"aliases": ["大楷"]}),
                  ("brush_small", "狼毫毛笔 小楷", "支", 25, {"aliases": ["小楷"]}),
                  ("ink", "墨汁 500ml", "瓶", 18, {"aliases": ["墨汁"]}))
TEA = shop("测试茶叶店", ("gift_red", "红茶礼盒 祁门", "盒", 168, {"aliases": ["祁门红茶"]}),
           ("gift_green", "绿茶礼盒 龙井", "盒", 188, {"aliases": ["龙井"]}))


@pytest.mark.parametrize(("text", "current"), [("来3份", "kit"), ("火锅套餐来两份", None), ("来2份", "balls")])
def test_portions_of_a_kit_that_counts_its_servings_ask(text, current):
    intent, _ = parsed(HOTPOT, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review


@pytest.mark.parametrize(("text", "current", "want"), [("来3包", "kit", {"kit": 3}), ("来2份", "base", {"base": 2}),
                                                       ("来两盒", "balls", {"balls": 2})])
def test_the_pack_of_a_kit_and_portions_of_a_plain_pack_still_book(text, current, want):
    intent, items = parsed(HOTPOT, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


@pytest.mark.parametrize(("shop_", "text", "current"), [(STATIONERY, "毛笔两支都要", "brush_big"),
                                                        (STATIONERY, "大楷小楷两支都要", None),
                                                        (TEA, "礼盒两盒都要", "gift_red")])
def test_a_counted_both_with_a_count_word_asks(shop_, text, current):
    intent, items = parsed(shop_, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review and not items


BBQ = shop("测试烧烤食材店", ("tw_sausage", "台湾烤香肠", "根", 4, {"aliases": ["烤香肠"]}),
           ("cn_sausage", "广式腊肠 500g", "袋", 45, {"aliases": ["广式腊肠"]}),
           ("wings", "奥尔良鸡翅", "斤", 29, {"aliases": ["鸡翅"]}))


@pytest.mark.parametrize(("text", "current"), [("香肠来两根", "tw_sausage"), ("香肠 x2", None), ("要3根香肠", "wings")])
def test_sausage_said_beside_a_cantonese_larou_sausage_asks(text, current):
    intent, items = parsed(BBQ, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review and not items


@pytest.mark.parametrize(("text", "current", "want"), [("烤香肠来两根", None, {"tw_sausage": 2}),
                                                       ("腊肠来一袋", None, {"cn_sausage": 1})])
def test_the_sausages_own_names_still_book(text, current, want):
    intent, items = parsed(BBQ, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


DELI = shop("测试熟食店", ("duck_leg", "卤鸭腿", "只", 12, {}), ("salt_duck", "南京盐水鸭", "只", 58, {}),
            ("feet", "卤鸡爪", "斤", 32, {}))


@pytest.mark.parametrize(("text", "current"), [("卤鸭来两只", "duck_leg"), ("卤鸭来一只", "salt_duck")])
def test_a_word_that_only_qualifies_a_part_beside_a_whole_of_its_kind_asks(text, current):
    intent, items = parsed(DELI, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review and not items


@pytest.mark.parametrize(("text", "current", "want"), [("卤鸭腿来两只", None, {"duck_leg": 2}),
                                                       ("鸭腿来两只", "feet", {"duck_leg": 2}),
                                                       ("盐水鸭来一只", "duck_leg", {"salt_duck": 1})])
def test_the_part_and_the_whole_still_book_by_their_names(text, current, want):
    intent, items = parsed(DELI, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


BED = shop("测试家纺店", ("sheet_150", "纯棉床笠 150", "条", 89, {"aliases": ["150床笠", "150"]}),
           ("sheet_180", "纯棉床笠 180", "条", 99, {"aliases": ["180床笠", "180"]}),
           ("pillow", "荞麦枕头", "个", 59, {"aliases": ["枕头"]}))


@pytest.mark.parametrize("text", ["刚才说的床笠是180的 来两条", "床笠是180的 来两条"])
def test_a_family_word_is_a_size_number_with_de_picks_that_one(text):
    intent, items = parsed(BED, text, None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {"sheet_180": 2}


def test_what_was_meant_said_as_a_count_is_still_a_change():
    intent, _ = parsed(BED, "刚才说的是两条", "sheet_150")
    assert intent.kind == Kind.MODIFY


@pytest.mark.parametrize(("text", "want"), [("刚才说的香肠是台湾的 来两根", {"tw_sausage": 2}),
                                            ("刚才说的香肠是广式的 来一袋", {"cn_sausage": 1})])
def test_what_was_meant_is_read_as_the_pick_then_the_kind_when_no_name_holds_both(text, want):
    intent, items = parsed(BBQ, text, None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


def test_the_pick_then_the_kind_of_a_whole_beside_a_part():
    intent, items = parsed(DELI, "刚才说的鸭是盐水的 来一只", None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {"salt_duck": 1}


SNACK = shop("测试零食店", ("jerky", "手撕牦牛肉 100g", "袋", 39, {"aliases": ["牦牛肉", "手撕牛肉"]}),
             ("chicken", "手撕鸡", "袋", 29, {}), ("bread", "手撕面包", "袋", 15, {}))


@pytest.mark.parametrize(("text", "current"), [("毛牛肉来两袋", "jerky"), ("毛牛肉来两袋", None), ("手撕毛牛肉来两袋", None)])
def test_a_name_typed_by_its_sound_around_a_word_that_sets_it_apart_is_that_name(text, current):
    intent, items = parsed(SNACK, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {"jerky": 2}


FRY = shop("测试炸货店", ("fries", "黄金薯条", "份", 12, {"aliases": ["薯条"]}),
           ("nuggets", "香酥鸡块", "份", 15, {"aliases": ["鸡块"]}), ("cola", "可乐 330ml", "听", 4, {"aliases": ["可乐"]}))
TONIC = shop("测试滋补店", ("cordyceps", "冬虫夏草 5克", "盒", 399, {"aliases": ["虫草"]}),
             ("ginseng", "长白山人参", "支", 88, {"aliases": ["人参"]}))


@pytest.mark.parametrize(("shop_", "text", "want"), [(FRY, "薯调来两份", {"fries": 2}), (TONIC, "重草来一盒", {"cordyceps": 1})])
def test_a_typo_that_sounds_like_the_name_in_another_reading_of_its_character_is_the_name(shop_, text, want):
    intent, items = parsed(shop_, text, None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


BIKE = shop("测试单车店", ("bike_26", "山地自行车 26寸", "辆", 899, {"aliases": ["26寸山地自行车", "26寸"]}),
            ("bike_24", "山地自行车 24寸", "辆", 799, {"aliases": ["24寸山地自行车", "24寸"]}),
            ("lock", "U型锁", "把", 39, {"aliases": ["车锁"]}))


@pytest.mark.parametrize(("text", "current", "want"), [("26寸善地自行车来一辆", None, {"bike_26": 1}),
                                                       ("24寸闪地自行车来一辆", "bike_26", {"bike_24": 1})])
def test_a_size_then_its_family_word_typed_by_its_sound_is_the_sized_name(text, current, want):
    intent, items = parsed(BIKE, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


PAPER = shop("测试文印店", ("a4", "复印纸 A4 500张", "包", 25, {"aliases": ["A4复印纸", "A4"]}),
             ("a3", "复印纸 A3 500张", "包", 45, {"aliases": ["A3复印纸", "A3"]}),
             ("stapler", "订书机", "个", 15, {}))


@pytest.mark.parametrize(("text", "current", "want"), [("A4复印氏来一包", None, {"a4": 1}), ("A3复印氏 x2", "a4", {"a3": 2})])
def test_a_grade_then_its_name_typed_with_a_look_alike_is_the_graded_name(text, current, want):
    intent, items = parsed(PAPER, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


def test_a_look_alike_never_takes_the_count_after_a_name():
    intent, items = parsed(PAPER, "A4复印纸一包 订书机一个", None)
    assert not intent.needs_review and items == {"a4": 1, "stapler": 1}
