"""Parser round 26 (tuning set 25): how measures and counts inside names are said, in stores other than a flower shop.

- A measure at the end of several names (10个一盒, 12片一包; 盆径20厘米 and 高30厘米) names no kind of goods: the unit
  said with the product on screen is that product (再加一盒, 这个来一包), and a size said with a product shown
  stays that product's word.
- A name that is itself a count of things (6只 of 6只装鸡腿, 12个 of 12个装蛋挞) said alone after an order word
  (来6只) may be that many loose things or one pack: a person asks; with its quantity or 的 it is the name.
"""

from __future__ import annotations

import pytest
from doubles import items_of, shop

from copilot.orders.intent import Kind
from copilot.orders.rules import parse

BAKERY = shop("测试烘焙店", ("tart", "葡式蛋挞 6个一盒", "盒", 18, {"aliases": ["蛋挞"], "pack": "6个"}),
              ("puff", "奶油泡芙 10个一盒", "盒", 15, {"aliases": ["泡芙"], "pack": "10个"}),
              ("cookie", "黄油曲奇 12片一盒", "盒", 22, {"aliases": ["曲奇"], "pack": "12片"}),
              ("bread", "全麦吐司", "袋", 12, {"aliases": ["吐司"]}))
KITCHEN = shop("测试厨具店", ("pot", "汤锅 直径20厘米", "个", 59, {"aliases": ["小汤锅"]}),
               ("pan", "平底锅 直径28厘米", "个", 79, {"aliases": ["平底锅"]}),
               ("board", "竹砧板 长40厘米", "块", 29, {"aliases": ["砧板"]}))
DELI = shop("测试熟食店", ("legs6", "6只装卤鸡腿", "盒", 36, {"aliases": ["6只"]}),
            ("legs10", "10只装卤鸡腿", "盒", 56, {"aliases": ["10只"]}),
            ("tart12", "12个装蛋挞礼盒", "盒", 39, {"aliases": ["12个"]}))


@pytest.mark.parametrize("text,current,sku,qty,kind", [
    ("再加一盒", "puff", "puff", 1, Kind.MODIFY), ("这个来一盒", "tart", "tart", 1, Kind.ORDER),
    ("少要一盒", "cookie", "cookie", -1, Kind.MODIFY), ("来两盒", "puff", "puff", 2, Kind.ORDER),
    ("泡芙和蛋挞各来一盒", "tart", None, 1, Kind.ORDER),
    ("这个来一个", "pan", "pan", 1, Kind.ORDER)])
def test_a_measure_ending_several_names_is_no_kind_of_goods(text, current, sku, qty, kind):
    got = parse(text, BAKERY if current in ("puff", "tart", "cookie") else KITCHEN, current)
    assert (got.kind, got.needs_review) == (kind, False)
    assert items_of(got) == ({sku: qty} if sku else {"puff": 1, "tart": 1})


@pytest.mark.parametrize("text", ["一盒来两个", "来一盒"])
def test_the_unit_alone_with_nothing_on_screen_is_still_asked(text):
    assert parse(text, BAKERY, None).needs_review


@pytest.mark.parametrize("text,current", [("来6只", "legs6"), ("要12个", "tart12"), ("来10只", None)])
def test_a_name_that_is_a_count_said_alone_is_asked(text, current):
    got = parse(text, DELI, current)
    assert got.kind is Kind.ORDER and got.needs_review


@pytest.mark.parametrize("text,sku,qty", [("6只的来一盒", "legs6", 1), ("10只装的来两盒", "legs10", 2),
                                          ("12个来一盒", "tart12", 1)])
def test_a_count_name_with_its_quantity_is_the_name(text, sku, qty):
    got = parse(text, DELI, None)
    assert not got.needs_review and items_of(got) == {sku: qty}


FRUIT = shop("测试水果店", ("mango", "海南贵妃芒 5斤装", "箱", 39, {"aliases": ["芒果"]}),
             ("grape", "阳光玫瑰葡萄", "串", 25, {"aliases": ["葡萄"]}))
TEA = shop("测试茶叶店", ("puer", "云南普洱茶饼 357克", "饼", 128, {"aliases": ["普洱"]}),
           ("club", "每月茶叶订阅 4次", "份", 199, {"aliases": ["茶叶订阅"]}),
           ("clean", "上门清洗茶具服务", "份", 59, {"aliases": ["清洗茶具"]}))


@pytest.mark.parametrize("text,current,sku,qty", [
    ("普洱来两饼 一饼送我爸 一饼送丈母娘", "puer", "puer", 2),  # shares that add up, apart, to any person
    ("葡萄来4串 一串送一个邻居", "grape", "grape", 4),  # one for each person, after the quantity in that unit
    ("芒果来一箱 给3个同事各分一点", "mango", "mango", 1),  # a little each, out of the goods ordered
    ("来5串 每人一串", "grape", "grape", 5)])
def test_counts_inside_a_split_are_part_of_the_order(text, current, sku, qty):
    got = parse(text, FRUIT if current != "puer" else TEA, current)
    assert (got.kind, got.needs_review, items_of(got)) == (Kind.ORDER, False, {sku: qty})


@pytest.mark.parametrize("text,current", [
    ("普洱来两饼 一饼送我爸 一饼送我妈 一饼送丈母娘", "puer"),  # three shares of two: a person asks
    ("我们公司12个人 每人一串", "grape"),  # people counted, one each: 12, not said before
    ("葡萄来4串 一箱送一个邻居", "grape")])  # a share in another unit
def test_a_split_that_does_not_add_up_is_asked(text, current):
    got = parse(text, TEA if current == "puer" else FRUIT, current)
    assert got.needs_review or got.kind is not Kind.ORDER


@pytest.mark.parametrize("text,current,sku,qty", [("刚才拍的是普洱 两饼", "puer", "puer", 2),
                                                  ("我刚才拍的是葡萄 来3串", "mango", "grape", 3)])
def test_what_an_earlier_pai_le_was_said_with_its_quantity_is_the_order(text, current, sku, qty):
    got = parse(text, FRUIT if current == "mango" else TEA, current)
    assert (got.kind, got.needs_review, items_of(got)) == (Kind.ORDER, False, {sku: qty})


def test_what_was_ordered_named_without_a_quantity_is_asked_with_that_product():
    got = parse("刚才拍的是葡萄", FRUIT, "mango")
    assert (got.kind, got.needs_review, items_of(got)) == (Kind.ORDER, True, {"grape": None})


@pytest.mark.parametrize("text,current,sku,qty,note", [
    ("芒果来一箱 麻烦挑个头大的", "mango", "mango", 1, "麻烦挑个头大的"),
    ("葡萄帮我挑熟一点的 来2串", "grape", "grape", 2, "帮我挑熟一点的"),
    ("普洱来两饼 送人的 帮我系个红丝带", "puer", "puer", 2, "帮我系个红丝带"),
    ("普洱来两饼 帮我分开写卡片", "puer", "puer", 2, "帮我分开写卡片"),
    ("茶叶订阅来一份 从下个月开始", "club", "club", 1, "从下个月开始"),
    ("清洗茶具来一份 从周六开始上门", "clean", "clean", 1, "从周六开始上门")])
def test_picking_wrapping_and_start_remarks_are_notes(text, current, sku, qty, note):
    got = parse(text, FRUIT if current in ("mango", "grape") else TEA, current)
    assert (got.kind, got.needs_review, items_of(got)) == (Kind.ORDER, False, {sku: qty})
    assert note in got.note


SHOP = shop("测试杂货店", ("corn", "甜玉米 单根", "根", 3, {"aliases": ["玉米"], "spec": "单根卖，每根 2-3 个穗头"}),
            ("kiwi", "猕猴桃 一盒", "盒", 25, {"aliases": ["猕猴桃"], "spec": "每盒 8-10 个"}),
            ("egg", "土鸡蛋", "盒", 20, {"aliases": ["鸡蛋"], "spec": "每盒 10 个"}),
            ("ladder", "铝合金梯子 1.5米", "把", 199, {"aliases": ["梯子"]}),
            ("step", "折叠凳 45厘米", "个", 39, {"aliases": ["折叠凳"]}))


def test_a_piece_whose_spec_counts_its_parts_as_a_span_is_counted_by_ge():
    got = parse("玉米来5个", SHOP, "corn")
    assert not got.needs_review and items_of(got) == {"corn": 5}


@pytest.mark.parametrize("text,current", [("猕猴桃来5个", "kiwi"), ("鸡蛋来5个", "egg")])
def test_a_box_of_pieces_counted_by_ge_is_still_asked(text, current):
    assert parse(text, SHOP, current).needs_review


@pytest.mark.parametrize("text", ["1米5的来一把", "1米5高的来一把"])
def test_a_length_said_like_a_price_is_the_decimal(text):
    got = parse(text, SHOP, "ladder")
    assert not got.needs_review and items_of(got) == {"ladder": 1}


FURNITURE = shop("测试家具店", ("table", "折叠桌 80厘米", "个", 99, {"aliases": ["折叠桌"]}),
                 ("short", "人字梯 1.5米", "个", 99, {}), ("tall", "人字梯 2米", "个", 129, {}))


@pytest.mark.parametrize("text,current,sku", [("1米5的来一个", "table", "short"), ("1.5米高的来一个", "tall", "short"),
                                              ("2米的来一个", "short", "tall"), ("80厘米的来一个", None, "table")])
def test_a_length_of_one_name_said_with_de_names_it_not_the_one_shown(text, current, sku):
    got = parse(text, FURNITURE, current)
    assert not got.needs_review and items_of(got) == {sku: 1}


TEASETS = shop("测试茶具店", ("small", "白瓷茶具 4杯", "套", 69, {"aliases": ["小茶具"]}),
               ("large", "白瓷茶具 6杯", "套", 89, {"aliases": ["大茶具"]}),
               ("cup", "品茗杯", "个", 9, {}))


@pytest.mark.parametrize("text,current,sku,qty", [("6杯的来一套", "small", "large", 1), ("4杯的来两套", "cup", "small", 2)])
def test_a_short_count_of_one_name_said_with_de_names_it(text, current, sku, qty):
    got = parse(text, TEASETS, current)
    assert not got.needs_review and items_of(got) == {sku: qty}


@pytest.mark.parametrize("text", ["来6杯", "16杯的来一套"])
def test_a_short_count_without_de_or_inside_a_number_names_nothing(text):
    got = parse(text, TEASETS, "small")
    assert got.needs_review or items_of(got) != {"large": 1}


def test_a_count_inside_a_picking_remark_is_still_the_quantity():
    got = parse("芒果 帮我挑两箱大的", FRUIT, "grape")
    assert (got.needs_review, items_of(got)) == (False, {"mango": 2})


def test_one_each_for_people_counted_is_asked_when_it_does_not_add_up():
    got = parse("我们3个人 葡萄来2串 每人一串", FRUIT, "grape")
    assert got.needs_review or items_of(got) != {"grape": 2}


WRAPS = shop("测试小吃店", ("spicy", "香辣卷饼", "个", 12, {}), ("plain", "原味卷饼", "个", 15, {}), ("soy", "豆浆", "杯", 3, {}))


def test_a_kind_of_goods_written_with_unit_characters_stays_a_family():
    got = parse("两种卷饼各来一个", WRAPS, "soy")  # 卷 and 饼 are both units, but 卷饼 is a kind: each of its two
    assert (got.needs_review, items_of(got)) == (False, {"spicy": 1, "plain": 1})
