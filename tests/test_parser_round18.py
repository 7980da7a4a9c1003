"""Parser round 18: rules a shop assistant applies to any store's comments. A name whose first character (the
one that tells goods of a kind apart) is swapped for a character that neither sounds nor looks like it is
another word, maybe for another member of the kind: booked for a person to confirm, never silently."""

from __future__ import annotations

import pytest
from doubles import parsed

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

BAKERY = Catalog.from_dict({"products": [
    {"sku": "cream", "name": "奶油蛋糕", "link": 1, "unit": "个", "price": 58, "stock": 20},
    {"sku": "mango", "name": "芒果蛋糕", "link": 2, "unit": "个", "price": 68, "stock": 20},
    {"sku": "toast", "name": "全麦吐司", "link": 3, "unit": "袋", "price": 12, "stock": 20},
    {"sku": "tart", "name": "葡式蛋挞", "link": 4, "unit": "盒", "price": 20, "stock": 20},
], "store": {"name": "测试面包房"}})

TEA = Catalog.from_dict({"products": [
    {"sku": "longjing", "name": "明前龙井", "link": 1, "unit": "罐", "price": 128, "stock": 20},
    {"sku": "black", "name": "祁门红茶", "link": 2, "unit": "罐", "price": 98, "stock": 20},
    {"sku": "jasmine", "name": "茉莉花茶", "link": 3, "unit": "罐", "price": 58, "stock": 20},
    {"sku": "cup", "name": "玻璃茶杯", "link": 4, "unit": "个", "price": 25, "stock": 20},
], "store": {"name": "测试茶叶店"}})


HARDWARE = Catalog.from_dict({"products": [
    {"sku": "cross", "name": "十字螺丝刀", "link": 1, "unit": "把", "price": 12, "stock": 20},
    {"sku": "knife", "name": "美工刀", "link": 2, "unit": "把", "price": 6, "stock": 20},
    {"sku": "tape", "name": "电工胶布", "link": 3, "unit": "卷", "price": 3, "stock": 20},
    {"sku": "bulb", "name": "节能灯泡", "link": 4, "unit": "个", "price": 9, "stock": 20},
], "store": {"name": "测试五金店"}})


@pytest.mark.parametrize("store, current, text", [
    (BAKERY, "cream", "鸡油蛋糕来一个"),    # 鸡 / 奶: another word, another cake may be meant
    (BAKERY, "mango", "苹果蛋糕来一个"),    # 苹 / 芒: an apple cake the shop does not sell
    (TEA, "black", "滇门红茶来一罐"),       # 滇 / 祁: a tea of another origin
    (TEA, "jasmine", "桂花花茶来一罐"),     # 桂 / 茉: another flower tea
    (HARDWARE, "cross", "米字螺丝刀来一把"),  # 米 / 十: another screwdriver head
    (HARDWARE, "knife", "水工刀来一把"),      # 水 / 美: 美工刀 beside 螺丝刀, both 刀
])
def test_first_character_swapped_for_a_stranger_is_confirmed(store, current, text):
    intent, _ = parsed(store, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review, intent
    assert "不太确定" in intent.reason or not intent.items


@pytest.mark.parametrize("store, current, text, items", [
    (BAKERY, "cream", "乃油蛋糕来一个", {"cream": 1}),   # 乃 is a part of 奶, and sounds like it
    (BAKERY, "mango", "忙果蛋糕来两个", {"mango": 2}),   # 忙 / 芒: a pinyin slip
    (TEA, "black", "其门红茶来一罐", {"black": 1}),      # 其 / 祁: the same sound
    (TEA, "jasmine", "末莉花茶来2罐", {"jasmine": 2}),   # 末 / 茉: 末 is a part of 茉
    (TEA, "longjing", "明钱龙井来一罐", {"longjing": 1}),  # not the first character: a slip
    (HARDWARE, "tape", "店工胶布来2卷", {"tape": 2}),      # 店 / 电: the same sound
    (HARDWARE, "bulb", "节能灯炮来两个", {"bulb": 2}),     # the last character, and 炮 looks like 泡
])
def test_slips_of_sound_or_shape_are_stillparsed(store, current, text, items):
    intent, got = parsed(store, text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, items), intent.reason


DELI = Catalog.from_dict({"products": [
    {"sku": "beans", "name": "干煸豆角", "link": 1, "unit": "份", "price": 18, "stock": 20},
    {"sku": "pickled", "name": "酸豆角", "link": 2, "unit": "份", "price": 8, "stock": 20},
    {"sku": "star", "name": "星洲炒米", "link": 3, "unit": "份", "price": 15, "stock": 20},
    {"sku": "rice", "name": "扬州炒米", "link": 4, "unit": "份", "price": 15, "stock": 20},
], "store": {"name": "测试小炒店"}})


def test_a_stranger_first_character_beside_a_kin_product_is_confirmed():
    intent, _ = parsed(DELI, "福州炒米来一份", "rice")   # 福 / 扬: another city's dish; 星洲炒米 is of the kind too
    assert intent.needs_review, intent


GREENGROCER = Catalog.from_dict({"products": [
    {"sku": "tomato", "name": "番茄", "aliases": ["西红柿"], "link": 1, "unit": "斤", "price": 4, "stock": 50},
    {"sku": "cherry_tomato", "name": "樱桃番茄", "link": 2, "unit": "斤", "price": 8, "stock": 50},
    {"sku": "navel", "name": "赣南脐橙", "link": 3, "unit": "斤", "price": 6, "stock": 50},
    {"sku": "apple", "name": "红富士苹果", "link": 4, "unit": "斤", "price": 5, "stock": 50},
], "store": {"name": "测试果蔬店"}})


@pytest.mark.parametrize("current, text", [
    ("tomato", "柿子来2斤"),          # 柿 ends 西红柿 only, but 番茄 is a 茄 as 樱桃番茄 is: which one?
    ("cherry_tomato", "柿子要3斤"),
])
def test_a_kind_word_the_catalog_equates_with_a_shared_kind_is_asked(current, text):
    intent, got = parsed(GREENGROCER, text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, True, {}), intent


@pytest.mark.parametrize("current, text, items", [
    ("apple", "橙子来3斤", {"navel": 3}),      # one 橙 in the shop, named once: 橙子 is it
    ("navel", "西红柿来2斤", {"tomato": 2}),   # the alias itself
])
def test_a_kind_word_of_one_product_is_stillparsed(current, text, items):
    intent, got = parsed(GREENGROCER, text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, items), intent.reason


@pytest.mark.parametrize("text, note", [
    ("奶油蛋糕来一个 贺卡写：生日快乐！", "贺卡写：生日快乐！"),            # full-width colon kept as typed
    ("芒果蛋糕一个 送到幸福里３栋", "送到幸福里３栋"),                       # a full-width digit too
    ("奶油蛋糕来一个 送到幸福里2栋 下午三点后", "送到幸福里2栋 下午三点后"),  # a time in Chinese numerals
    ("蛋挞来两盒 明天上午十点半来拿", "明天上午十点半来拿"),
])
def test_a_note_is_kept_as_written(text, note):
    intent = parse(text, BAKERY, "cream")
    assert intent.kind == Kind.ORDER and intent.note == note, intent


def test_a_little_is_no_time():
    intent = parse("蛋挞来一点", BAKERY, "tart")
    assert intent.note == ""


DRINKS = Catalog.from_dict({"products": [
    {"sku": "water12", "name": "矿泉水12瓶装", "link": 1, "unit": "箱", "price": 18, "stock": 50},
    {"sku": "water24", "name": "矿泉水24瓶装", "link": 2, "unit": "箱", "price": 32, "stock": 50},
    {"sku": "eggs30", "name": "土鸡蛋30枚装", "link": 3, "unit": "盒", "price": 36, "stock": 50},
    {"sku": "eggs60", "name": "土鸡蛋60枚装", "link": 4, "unit": "盒", "price": 68, "stock": 50},
], "store": {"name": "测试便利店"}})


@pytest.mark.parametrize("current, text, items", [
    ("water24", "12瓶装来一箱", {"water12": 1}),               # the digit is the size, no link, no quantity
    ("water12", "24瓶装的矿泉水再来两箱", {"water24": 2}),
    ("eggs30", "60枚装和30枚装各来一盒", {"eggs60": 1, "eggs30": 1}),
    ("eggs60", "30枚装来2盒", {"eggs30": 2}),
    ("water12", "旷泉水24瓶装一箱", {"water24": 1}),           # the family's word typed by its sound
])
def test_a_pack_size_word_names_its_variant(current, text, items):
    intent, got = parsed(DRINKS, text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, items), intent.reason


@pytest.mark.parametrize("current, text", [
    ("water12", "矿泉水来2箱"),    # which size?
    ("eggs30", "土鸡蛋来一盒"),
])
def test_the_family_without_its_size_is_asked(current, text):
    intent, got = parsed(DRINKS, text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, True, {}), intent


@pytest.mark.parametrize("text", ["谁不想要蛋糕呢😂", "哪个不爱吃甜的啊", "谁不喜欢芒果呀～"])
def test_a_question_that_wants_no_answer_is_chatter(text):
    assert parse(text, BAKERY, "mango").kind == Kind.OTHER


@pytest.mark.parametrize("text, kind", [
    ("谁不爱吃蛋挞呢 来两盒", Kind.ORDER),   # an order beside it is still an order
    ("谁要芒果蛋糕？", Kind.QUESTION),         # a real question
])
def test_a_rhetorical_start_does_not_hide_an_order_or_a_question(text, kind):
    assert parse(text, BAKERY, "tart").kind == kind


@pytest.mark.parametrize("text, items", [
    ("老板我要三个奶油蛋糕 哦不对是两个", {"cream": 2}),   # the quantity first, then the goods, then taken back
    ("两盒葡式蛋挞不对 三盒", {"tart": 3}),
    ("芒果蛋糕来三个 哦不对是一个", {"mango": 1}),         # 哦不对 as one marker
    ("要三个奶油蛋糕 两个芒果蛋糕", {"cream": 3, "mango": 2}),  # two orders, nothing taken back
])
def test_a_quantity_taken_back_after_the_goods_is_replaced(text, items):
    intent, got = parsed(BAKERY, text, "toast")
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, items), intent.reason
