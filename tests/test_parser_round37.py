"""Parser round 37, probed on stores unlike the instant-food and optical shops it was found in: a listing named
as a multipack (三连包, 5连包) is the same goods as the single listing, so a unit said with the family word picks
between them, even beside the other one on screen (LABELS rule 2); 有多辣 is a question; 老伴 is a person the goods
are for; a count typed where a name has another character (三瓶 beside 单瓶) is a count; 付 after a count is 副; a
number of a name spelled in characters (二百五十克) is that name's number."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.rules import parse

DRINKS = Catalog.from_dict({"products": [
    {"sku": "water_one", "name": "天然矿泉水 单瓶", "link": 1, "unit": "瓶", "price": 2, "stock": 200},
    {"sku": "water_case", "name": "天然矿泉水 整箱", "link": 2, "unit": "箱", "pack": "24瓶", "price": 40,
     "stock": 30},
    {"sku": "yogurt_cup", "name": "老酸奶 杯装", "link": 3, "unit": "杯", "price": 6, "stock": 60},
    {"sku": "yogurt_3", "name": "老酸奶 三连包", "link": 4, "unit": "提", "pack": "3杯", "price": 16, "stock": 30},
    {"sku": "juice", "name": "鲜榨橙汁", "link": 5, "unit": "瓶", "price": 12, "stock": 30},
]})


def _read(text, current, catalog=DRINKS):
    intent = parse(text, catalog, current)
    return intent, {i.sku: i.qty for i in intent.items}


def test_a_multipack_is_the_same_goods_as_the_single_listing():
    intent, items = _read("天然矿泉水来一箱", None)  # 整箱: the 箱 of the water sold by the 瓶
    assert not intent.needs_review and items == {"water_case": 1}
    intent, items = _read("矿泉水来3瓶", None)
    assert not intent.needs_review and items == {"water_one": 3}
    intent, items = _read("老酸奶来两提", None)  # 三连包: a 提 of the 杯 yogurt
    assert not intent.needs_review and items == {"yogurt_3": 2}


def test_the_unit_picks_the_listing_even_beside_the_other_shown():
    intent, items = _read("老酸奶来一提", "yogurt_cup")
    assert not intent.needs_review and items == {"yogurt_3": 1}
    intent, items = _read("矿泉水来一箱", "water_one")
    assert not intent.needs_review and items == {"water_case": 1}


def test_a_family_unit_said_without_a_pack_word_stays_for_a_person():
    intent, _ = _read("老酸奶来两个", "yogurt_cup")  # 个: the 杯 or a 提?
    assert intent.needs_review


SNACKS = Catalog.from_dict({"products": [
    {"sku": "jerky", "name": "麻辣牛肉干", "link": 1, "unit": "袋", "price": 25, "stock": 40},
    {"sku": "candy", "name": "水果软糖", "link": 2, "unit": "包", "price": 9, "stock": 40},
    {"sku": "scarf", "name": "羊毛围巾", "link": 3, "unit": "条", "price": 68, "stock": 20},
]})


def test_how_much_of_a_quality_is_a_question():
    for text, current in (("这个牛肉干有多辣", "jerky"), ("这个软糖有多甜", "candy"), ("牛肉干有多硬", "jerky")):
        intent, _ = _read(text, current, SNACKS)
        assert intent.kind.value == "question", text


def test_more_of_a_quality_with_an_order_is_still_the_order():
    intent, items = _read("多辣 来两袋", "jerky", SNACKS)
    assert intent.kind.value == "order" and items == {"jerky": 2}


def test_a_spouse_or_family_the_goods_are_for_is_no_unknown_goods():
    for text in ("给老伴也来一条", "给我家老头子来一条", "给老伴儿来一条"):
        intent, items = _read(text, "scarf", SNACKS)
        assert not intent.needs_review and items == {"scarf": 1}, text


def test_a_count_where_a_name_has_another_character_is_a_count_not_a_look_alike():
    intent, items = _read("天然矿泉水 三瓶", None)  # 三瓶 beside 单瓶: three bottles, not a typo of 单瓶
    assert not intent.needs_review and items == {"water_one": 3}
    intent, items = _read("天然矿泉水 二箱", None)
    assert not intent.needs_review and items == {"water_case": 2}


SUNDRIES = Catalog.from_dict({"products": [
    {"sku": "gloves", "name": "劳保手套", "link": 1, "unit": "副", "price": 5, "stock": 100},
    {"sku": "tea_250", "name": "明前龙井 250克", "aliases": ["250克龙井"], "link": 2, "unit": "罐", "price": 120,
     "stock": 20},
    {"sku": "tea_500", "name": "明前龙井 500克", "aliases": ["500克龙井"], "link": 3, "unit": "罐", "price": 220,
     "stock": 20},
]})


def test_a_pair_written_with_its_sound_alike_is_the_pair():
    intent, items = _read("来两付", "gloves", SUNDRIES)  # 付 for 副, as people write 一付手套
    assert not intent.needs_review and items == {"gloves": 2}
    intent, _ = _read("付款了吗", "gloves", SUNDRIES)
    assert intent.kind.value == "question"


def test_a_number_of_a_name_spelled_in_characters_names_that_product():
    intent, items = _read("二百五十克的来一罐", None, SUNDRIES)
    assert not intent.needs_review and items == {"tea_250": 1}
    intent, items = _read("五百克的来两罐", "tea_250", SUNDRIES)
    assert not intent.needs_review and items == {"tea_500": 2}
    intent, items = _read("来十二罐", "tea_250", SUNDRIES)  # a count in characters stays a count
    assert items == {"tea_250": 12}


RAINWEAR = Catalog.from_dict({"products": [
    {"sku": "umbrella", "name": "防风雨伞 长柄", "aliases": ["防风伞", "防风"], "link": 1, "unit": "把", "price": 39,
     "stock": 30},
    {"sku": "cover", "name": "雨伞套 吸水", "link": 2, "unit": "个", "price": 9, "stock": 30},
    {"sku": "stand", "name": "雨伞架 家用", "link": 3, "unit": "个", "price": 49, "stock": 30},
    {"sku": "poncho", "name": "成人雨衣", "link": 4, "unit": "件", "price": 29, "stock": 30},
]})


def test_the_word_said_after_a_family_word_names_goods_whose_name_holds_that_word():
    # 雨伞 is the word of 雨伞套 and 雨伞架 too; 是防风的 names the 防风雨伞, whose name holds 雨伞
    intent, items = _read("刚才说的雨伞是防风的 来一把", "poncho", RAINWEAR)
    assert not intent.needs_review and items == {"umbrella": 1}
    intent, _ = _read("雨伞来一把", "poncho", RAINWEAR)
    assert intent.needs_review
