"""Parser round 32 (tuning sets 31 and 32): classes of comments misread in stores other than a coffee shop or a car-care
shop (a noodle shop, a jewellery stall, a motorcycle-parts shop, an electrical shop, a fruit stall, a baby shop,
a skincare shop, a candle shop, a yogurt bar, a scarf shop, a grain shop, a breakfast stall).

- 刚才拍的是两袋, 刚才下单的是一对: what the buyer placed before (拍了, 下单), set right with a quantity alone, is a
  change to that order, as 刚才说的是两袋 is (刚才拍的是挂面 两袋 names the goods and stays the order it was).
- 那就一对吧, 还是两对吧: a count of pairs (对) before 吧 is a quantity settled on, not the tag 对吧 that asks the host
  to confirm (是这款对吧 still asks).
- 刚才说的葡萄是巨峰的 来两斤, 刚才说的是巨峰葡萄 两斤: the goods an earlier comment meant, named now with the order, is
  that order (the family word and the word that picks one joined as one name: 氨基酸的洗面奶, 纸尿裤L码的).
- 雪松味的, 来一罐白茶味, 扣1 米白: a scent, flavour or colour the listing's spec names (三种香味, 三个口味) said beside a
  counted order is the order's note.
- 帮我磨粉, 帮我磨细一点, 热的, 冰的: how the goods are ground or a drink served, a part of its own beside the order, is
  the order's note (冰的好喝吗 asks).
- 座套来一个 雅迪的, 扣1 爱玛: beside an order of goods whose listing asks for the buyer's model (下单留车型), a word of its
  own that names no goods and is no common noun is that model, the order's note.
- 10W-40的来两桶, 10W40来一桶, 1p16来两个: a grade written as a number, letters and a number (10W-40, 1P-16) inside
  names, said with or without its dash and in either case, names its product; its second number is no quantity.
"""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind

NOODLES = shop("测试米面店", ("noodle", "龙须挂面 1kg", "袋", 9, {"aliases": ["挂面"]}),
               ("rice", "东北大米 5kg", "袋", 39, {"aliases": ["大米"]}))
JEWELS = shop("测试饰品摊", ("earring", "珍珠耳环", "对", 29, {"aliases": ["耳环"]}),
              ("ring", "银戒指", "个", 59, {"aliases": ["戒指"]}))
MOTO = shop("测试摩配店", ("oil_a", "四冲程机油 10W-40 1L", "桶", 45, {}), ("oil_b", "四冲程机油 20W-50 1L", "桶", 42, {}),
            ("chain", "链条油", "瓶", 19, {}))
ELECTRIC = shop("测试电料店", ("mcb16", "空气开关 1P-16A", "个", 18, {}), ("mcb32", "空气开关 2P-32A", "个", 36, {}),
                ("wire", "BV电线 2.5平方 100米", "卷", 199, {}))


@pytest.mark.parametrize(("catalog", "text", "current", "want"), [
    (NOODLES, "刚才拍的是两袋", "noodle", {"noodle": 2}),
    (NOODLES, "刚才下单的是3袋", "rice", {"rice": 3}),
    (JEWELS, "刚刚拍了的是一对", "earring", {"earring": 1}),
])
def test_what_was_placed_set_right_by_a_quantity_alone_is_a_change(catalog, text, current, want):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.MODIFY and not intent.needs_review and items == want


def test_what_was_placed_said_with_its_goods_stays_an_order():
    intent, items = parsed(NOODLES, "刚才拍的是挂面 两袋", "rice")
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {"noodle": 2}


@pytest.mark.parametrize(("text", "want"), [("那就一对吧", 1), ("还是两对吧", 2), ("那就2对吧", 2)])
def test_a_count_of_pairs_before_ba_is_a_quantity_not_a_tag_question(text, want):
    intent, items = parsed(JEWELS, text, "earring")
    assert intent.kind == Kind.MODIFY and not intent.needs_review and items == {"earring": want}


@pytest.mark.parametrize("text", ["是这款对吧", "耳环是纯银的对吧"])
def test_the_tag_dui_ba_still_asks(text):
    intent, _ = parsed(JEWELS, text, "earring")
    assert intent.kind == Kind.QUESTION


@pytest.mark.parametrize(("catalog", "text", "current", "want"), [
    (MOTO, "10W-40的来两桶", None, {"oil_a": 2}),
    (MOTO, "10W40来一桶", "chain", {"oil_a": 1}),
    (MOTO, "20w-50的先留两桶", "oil_a", {"oil_b": 2}),
    (MOTO, "20W50 x1", None, {"oil_b": 1}),
    (ELECTRIC, "1p16来两个", "wire", {"mcb16": 2}),
    (ELECTRIC, "2P-32的来3个", None, {"mcb32": 3}),
])
def test_a_grade_of_letters_between_numbers_names_its_product(catalog, text, current, want):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


def test_a_grade_said_with_a_relative_change():
    intent, items = parsed(MOTO, "10W-40少要一桶", "chain")
    assert intent.kind == Kind.MODIFY and not intent.needs_review and items == {"oil_a": -1}


FRUIT = shop("测试水果店", ("kyoho", "巨峰葡萄", "斤", 9, {}), ("muscat", "阳光玫瑰葡萄", "斤", 19, {}),
             ("apple", "红富士苹果", "斤", 6, {}))
BABY = shop("测试母婴店", ("diaper_m", "纸尿裤 M码 50片", "包", 89, {}), ("diaper_l", "纸尿裤 L码 42片", "包", 89, {}),
            ("wipes", "婴儿湿巾 80抽", "包", 12, {}))
SKIN = shop("测试护肤店", ("wash_amino", "氨基酸洁面乳", "支", 59, {"aliases": ["氨基酸洗面奶"]}),
            ("wash_men", "男士控油洁面乳", "支", 49, {"aliases": ["男士洗面奶"]}))


@pytest.mark.parametrize(("catalog", "text", "current", "want"), [
    (FRUIT, "刚才说的葡萄是巨峰的 来两斤", None, {"kyoho": 2}),
    (FRUIT, "刚才说的葡萄是阳光玫瑰 来一斤", "apple", {"muscat": 1}),
    (FRUIT, "刚才说的是巨峰葡萄 两斤", "apple", {"kyoho": 2}),
    (BABY, "刚才的纸尿裤是L码的 来一包", "wipes", {"diaper_l": 1}),
    (BABY, "刚才说的纸尿裤是M码那种 来两包", None, {"diaper_m": 2}),
    (SKIN, "刚才说的洗面奶是氨基酸的 来一支", None, {"wash_amino": 1}),
])
def test_the_goods_meant_before_named_with_the_order_is_that_order(catalog, text, current, want):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


def test_the_goods_meant_before_asked_about_stays_a_question():
    intent, _ = parsed(FRUIT, "刚才说的葡萄是巨峰吗 甜不甜", "kyoho")
    assert intent.kind == Kind.QUESTION


CANDLES = shop("测试香薰蜡烛店", ("candle", "香薰蜡烛 200g", "罐", 49, {"aliases": ["香薰蜡烛"],
                                                               "spec": "有薰衣草、白茶、雪松三种香味，能点40小时"}),
               ("wick", "灭烛器", "个", 19, {}))
YOGURT = shop("测试酸奶铺", ("yogurt", "手工酸奶 200ml", "杯", 12, {"aliases": ["酸奶"], "spec": "原味、蓝莓、黄桃三个口味"}),
              ("granola", "烤燕麦片", "袋", 25, {}))
SCARVES = shop("测试围巾店", ("scarf", "羊绒围巾", "条", 199, {"aliases": ["围巾"], "spec": "有藏青、米白、卡其三个颜色"}),
               ("hat", "针织帽", "顶", 59, {}))


@pytest.mark.parametrize(("catalog", "text", "current", "sku", "qty", "note"), [
    (CANDLES, "香薰蜡烛来两罐 雪松味的", "candle", "candle", 2, "雪松味的"),
    (CANDLES, "来一罐白茶味", "candle", "candle", 1, "白茶味"),
    (CANDLES, "扣1 薰衣草", "candle", "candle", 1, "薰衣草"),
    (YOGURT, "来两杯蓝莓味的", "yogurt", "yogurt", 2, "蓝莓味的"),
    (SCARVES, "扣1 米白", "scarf", "scarf", 1, "米白"),
])
def test_a_scent_or_flavour_the_listing_names_is_the_orders_note(catalog, text, current, sku, qty, note):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {sku: qty}
    assert intent.note == note


GRAINS = shop("测试杂粮铺", ("sesame", "熟黑芝麻", "斤", 18, {"aliases": ["黑芝麻"]}),
              ("pepper", "汉源花椒", "袋", 15, {"aliases": ["花椒"]}))
BREAKFAST = shop("测试早点铺", ("soymilk", "现磨豆浆", "杯", 3, {"aliases": ["豆浆"]}),
                 ("bun", "鲜肉包", "个", 2, {"aliases": ["肉包"]}))


@pytest.mark.parametrize(("catalog", "text", "current", "sku", "qty", "note"), [
    (GRAINS, "黑芝麻来一斤 帮我磨粉", "sesame", "sesame", 1, "帮我磨粉"),
    (GRAINS, "花椒 一袋 帮我磨细一点", "sesame", "pepper", 1, "帮我磨细一点"),
    (BREAKFAST, "豆浆来两杯 热的", "soymilk", "soymilk", 2, "热的"),
    (BREAKFAST, "来一杯 冰的", "soymilk", "soymilk", 1, "冰的"),
])
def test_how_the_goods_are_ground_or_served_is_the_orders_note(catalog, text, current, sku, qty, note):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {sku: qty}
    assert intent.note == note


def test_a_temperature_asked_about_is_a_question():
    intent, _ = parsed(BREAKFAST, "冰的好喝吗", "soymilk")
    assert intent.kind == Kind.QUESTION


SCOOTER = shop("测试电动车配件店", ("seat", "电动车防水座套", "个", 25, {"aliases": ["座套"], "spec": "按车型做，下单留车型"}),
               ("lock", "电动车U型锁", "把", 45, {"aliases": ["U型锁"]}))


@pytest.mark.parametrize(("text", "note"), [("座套来一个 雅迪的", "雅迪的"), ("扣1 爱玛", "爱玛")])
def test_the_model_a_listing_asks_for_beside_its_order_is_the_note(text, note):
    intent, items = parsed(SCOOTER, text, "seat")
    assert intent.kind == Kind.ORDER and not intent.needs_review and set(items) == {"seat"}
    assert intent.note == note


def test_a_word_before_the_count_is_no_model():
    intent, _ = parsed(SCOOTER, "小美 座套1个", "seat")
    assert "小美" not in intent.note
