"""Parser round 39, probed on invented stores (a juice bar, a hardware and craft counter, a soup kitchen), none of
the sets' own. A listing's name that says its pack and then its size (鲜榨橙汁 瓶装 300ml / 鲜榨橙汁 家庭装 2L) sells
one goods in two packs, so the unit said picks the pack (LABELS rule 2), with the goods named or shown. 轴 counts the
same spool as 卷 (一轴线, LABELS rule 1)."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.rules import parse

JUICE = Catalog.from_dict({"products": [
    {"sku": "oj_bottle", "name": "鲜榨橙汁 瓶装 300ml", "aliases": ["瓶装橙汁"], "link": 1, "unit": "瓶",
     "price": 12, "stock": 50, "limit_per_buyer": 6},
    {"sku": "oj_family", "name": "鲜榨橙汁 家庭装 2L", "aliases": ["家庭装橙汁"], "link": 2, "unit": "桶",
     "price": 48, "stock": 10, "limit_per_buyer": 2},
    {"sku": "toast", "name": "全麦吐司", "link": 3, "unit": "袋", "price": 15, "stock": 40},
]})

TAPE = Catalog.from_dict({"products": [
    {"sku": "tape_red", "name": "红色电工胶布", "aliases": ["红胶布"], "link": 1, "unit": "卷", "price": 3,
     "stock": 100},
    {"sku": "glue", "name": "热熔胶棒", "link": 2, "unit": "根", "price": 1, "stock": 100},
]})


def _items(intent):
    return [(i.sku, i.qty) for i in intent.items]


def test_a_unit_picks_the_pack_of_goods_whose_names_say_pack_then_size():
    got = parse("鲜榨橙汁来两瓶", JUICE, None)
    assert not got.needs_review and _items(got) == [("oj_bottle", 2)]
    got = parse("鲜榨橙汁来一桶 少冰", JUICE, None)
    assert not got.needs_review and _items(got) == [("oj_family", 1)]


def test_a_unit_of_the_other_pack_said_with_one_pack_shown_picks_that_pack():
    got = parse("来一瓶", JUICE, "oj_family")
    assert not got.needs_review and _items(got) == [("oj_bottle", 1)]


def test_the_goods_alone_without_a_unit_stay_for_a_person():
    assert parse("鲜榨橙汁来两个", JUICE, None).needs_review


def test_a_spool_counted_by_the_zhou_is_a_juan():
    got = parse("红胶布来两轴", TAPE, "tape_red")
    assert not got.needs_review and _items(got) == [("tape_red", 2)]
    got = parse("来一轴", TAPE, "tape_red")
    assert not got.needs_review and _items(got) == [("tape_red", 1)]


# a craft counter: link 4 sells wooden beads, and the 4号 cotton cord is another listing sold by the 卷
CRAFT = Catalog.from_dict({"products": [
    {"sku": "cord_2", "name": "2号棉绳 50米", "aliases": ["2号棉绳"], "link": 2, "unit": "卷", "price": 9, "stock": 50},
    {"sku": "cord_4", "name": "4号棉绳 50米", "aliases": ["4号棉绳"], "link": 3, "unit": "卷", "price": 12,
     "stock": 50},
    {"sku": "beads", "name": "木珠 100颗装", "link": 4, "unit": "卷", "price": 6, "stock": 50},
    {"sku": "glue_gun", "name": "热熔胶枪", "link": 7, "unit": "把", "price": 25, "stock": 20},
]})


def test_a_number_said_with_a_unit_another_numbered_name_is_sold_in_stays_for_a_person():
    got = parse("4号来两卷", CRAFT, "beads")  # link 4 shown, but 4号棉绳 is sold by the 卷 too
    assert got.needs_review and not got.items


def test_a_number_said_with_a_unit_only_the_shown_link_is_sold_in_keeps_the_link():
    CRAFT_BOX = Catalog.from_dict({"products": [
        {"sku": "cord_4", "name": "4号棉绳 50米", "aliases": ["4号棉绳"], "link": 3, "unit": "卷", "price": 12,
         "stock": 50},
        {"sku": "beads", "name": "木珠 100颗装", "link": 4, "unit": "盒", "price": 6, "stock": 50},
    ]})
    got = parse("4号来两盒", CRAFT_BOX, "beads")
    assert not got.needs_review and _items(got) == [("beads", 2)]


# a milk-tea stall: the spec lists the free add-ins, one of which is also sold by the bag
TEA_BAR = Catalog.from_dict({"products": [
    {"sku": "milk_tea", "name": "原味奶茶", "aliases": ["奶茶"], "link": 1, "unit": "杯", "price": 12,
     "spec": "一杯 500ml，配料任选一样：珍珠、椰果、布丁", "stock": 80, "limit_per_buyer": 5},
    {"sku": "pearls", "name": "黑糖珍珠 1kg", "aliases": ["珍珠"], "link": 2, "unit": "袋", "price": 30, "stock": 20},
    {"sku": "lemon_tea", "name": "柠檬茶", "link": 3, "unit": "杯", "price": 10, "stock": 80},
]})


def test_an_add_in_the_spec_lists_said_after_the_order_is_a_wish_on_it():
    got = parse("奶茶来两杯 加珍珠", TEA_BAR, "milk_tea")
    assert not got.needs_review and _items(got) == [("milk_tea", 2)] and "加珍珠" in got.note
    got = parse("1号来3杯 加椰果", TEA_BAR, "milk_tea")
    assert not got.needs_review and _items(got) == [("milk_tea", 3)] and "加椰果" in got.note


def test_an_add_in_said_inside_the_order_is_a_wish_on_it():
    got = parse("奶茶加布丁来一杯", TEA_BAR, "milk_tea")
    assert not got.needs_review and _items(got) == [("milk_tea", 1)] and "加布丁" in got.note


def test_an_add_in_counted_or_asked_again_is_goods():
    got = parse("珍珠来两袋", TEA_BAR, "pearls")
    assert _items(got) == [("pearls", 2)] and not got.note
    assert "加珍珠" not in (parse("奶茶来一杯 加珍珠两袋", TEA_BAR, "milk_tea").note or "")


# a towel shop: sizes in Latin letters inside names whose numbers are also links of other goods
TOWELS = Catalog.from_dict({"products": [
    {"sku": "face", "name": "纯棉方巾 30cm", "link": 1, "unit": "条", "price": 8, "stock": 100},
    {"sku": "hand", "name": "纯棉毛巾 70cm", "link": 2, "unit": "条", "price": 15, "stock": 100},
    {"sku": "tape", "name": "魔术贴 3cm宽 5米", "link": 4, "unit": "卷", "price": 6, "stock": 100},
    {"sku": "hooks", "name": "粘钩", "link": 3, "unit": "个", "price": 2, "stock": 100},
    {"sku": "bath", "name": "浴巾", "link": 30, "unit": "条", "price": 39, "stock": 100},
]})


def test_a_length_the_names_hold_is_no_link_number():
    got = parse("30cm的来两条", TOWELS, "hand")  # link 30 is the 浴巾
    assert not got.needs_review and _items(got) == [("face", 2)]
    got = parse("3cm宽的来两卷", TOWELS, "tape")  # link 3 is the 粘钩
    assert not got.needs_review and _items(got) == [("tape", 2)]


# a grocery: instant coffee by the 袋 of 10 小包
COFFEE = Catalog.from_dict({"products": [
    {"sku": "coffee", "name": "速溶咖啡 10小包装", "aliases": ["速溶咖啡"], "link": 1, "unit": "袋", "pack": "10小包",
     "price": 20, "stock": 50},
    {"sku": "cups", "name": "纸杯", "link": 2, "unit": "包", "price": 5, "stock": 50},
]})


def test_a_short_of_the_packs_inner_piece_is_not_the_bag():
    got = parse("来两包", COFFEE, "coffee")  # two bags, or two 小包 of one?
    assert got.needs_review


def test_the_bag_and_whole_inner_pieces_still_convert():
    assert _items(parse("来两袋", COFFEE, "coffee")) == [("coffee", 2)]
    got = parse("来20小包", COFFEE, "coffee")
    assert not got.needs_review and _items(got) == [("coffee", 2)]


# a bakery: 面包 is said of both loaves, 点心 of the whole shop
BAKERY = Catalog.from_dict({"products": [
    {"sku": "toast", "name": "全麦吐司", "aliases": ["吐司"], "link": 1, "unit": "袋", "price": 15, "stock": 40},
    {"sku": "bun", "name": "奶油面包", "link": 2, "unit": "个", "price": 6, "stock": 40},
    {"sku": "roll", "name": "红豆面包", "link": 3, "unit": "个", "price": 6, "stock": 40},
    {"sku": "tart", "name": "葡式蛋挞", "aliases": ["蛋挞"], "link": 4, "unit": "盒", "price": 18, "stock": 40},
]})


def test_a_whole_name_said_after_what_was_said_before_is_those_goods():
    got = parse("刚才说的点心是蛋挞 两盒", BAKERY, "toast")
    assert not got.needs_review and _items(got) == [("tart", 2)]
    got = parse("刚才说的面包是红豆面包 来两个", BAKERY, "tart")
    assert not got.needs_review and _items(got) == [("roll", 2)]


def test_words_pointing_at_the_screen_name_the_product_shown():
    for text in ("就是屏幕上这个红豆面包 两个", "屏幕上的来两个", "就是这个红豆面包 两个"):
        got = parse(text, BAKERY, "roll")
        assert got.kind.value == "order" and not got.needs_review and _items(got) == [("roll", 2)], text
    assert parse("屏幕上这个是什么", BAKERY, "roll").kind.value == "question"


# a stationery counter: a name that holds a number, typed with a homophone for one of its characters
GLUE = Catalog.from_dict({"products": [
    {"sku": "glue_red", "name": "502胶水 红色", "aliases": ["红色502"], "link": 1, "unit": "支", "price": 3,
     "stock": 100},
    {"sku": "glue_blue", "name": "502胶水 蓝色", "aliases": ["蓝色502"], "link": 2, "unit": "支", "price": 3,
     "stock": 100},
]})


def test_a_name_with_a_number_typed_with_a_homophone_is_that_name():
    got = parse("洪色502来两支", GLUE, "glue_red")
    assert not got.needs_review and _items(got) == [("glue_red", 2)]
    got = parse("篮色502来一支", GLUE, "glue_red")
    assert not got.needs_review and _items(got) == [("glue_blue", 1)]
