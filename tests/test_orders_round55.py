"""Orders round 55: general readings found on the aquarium (intents_blind53) and ceramics (intents_blind54) sets,
tried on invented stores:

- 尾 is the measure word of a fish: said of goods sold by the 条 it counts the same (来10尾 = 10条), in a comment and
  in a chain line;
- a clarification (刚才说的X是Y 来N) whose Y is the whole name of one product reads that product: among the goods X
  means when one of them is named so though another's name holds it too (饭碗 of 饭碗 and 饭碗礼盒), and in the whole
  shop when X is a word of ordinary speech that no name of Y's goods holds (热带鱼 of a fish called 三湖);
- 有多深 asks (like 多大, 多高); 沙锅 is the everyday spelling of 砂锅 (a synonym, read without doubt);
- a cancel on a condition (没货了就算了, 卖完了就不要了) withdraws nothing now: talk;
- remarks on how the buyer wants the goods picked: 挑…的 as a part of its own, and a description with 的 whose words
  only the ordered goods' own name holds (红白 of 红白草金);
- what one unit costs, said with 才 / 就 / 只要 and no currency word (一袋才16), is talk about the price, no order;
- 套装 (the unit 套 and 装) of one listing sold by the 套 beside other goods sold by the 套 names none of them;
- 小X / 大X, X the head noun of a kind of two told apart by 小 and 大 (小笼 of 小蒸笼 / 大蒸笼), names that one, as 小的
  and 大的 do, in a comment and in a chain line;
- a part that splits the order's count among words that name no goods, each as many (小熊小兔各一个), is the order's
  note, also on an absolute change (那就两个吧 …);
- 一公一母 (as many males as females) is that many pairs where the catalog does not sell males and females apart.
"""

from __future__ import annotations

import pytest
from doubles import booked, chain_pasted, chain_quantities

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

POND = Catalog.from_dict({"products": [
    {"sku": "koi", "name": "红白锦鲤", "aliases": ["锦鲤"], "link": 1, "unit": "条", "price": 30, "stock": 40,
     "limit_per_buyer": 5},
    {"sku": "loach", "name": "泥鳅苗", "aliases": ["泥鳅"], "link": 2, "unit": "条", "price": 1, "stock": 200,
     "limit_per_buyer": 50},
    {"sku": "net", "name": "捞鱼网", "link": 3, "unit": "个", "price": 8, "stock": 30},
], "store": {"name": "测试锦鲤池"}})


@pytest.mark.parametrize("text, current, items", [
    ("来3尾", "koi", {"koi": 3}),
    ("锦鲤来两尾 挑红的", "net", {"koi": 2}),
    ("2号来20尾", None, {"loach": 20}),
])
def test_wei_counts_fish_sold_by_the_tiao(text, current, items):
    assert booked(parse(text, POND, current)) == items


def test_wei_in_a_chain_line(tmp_path):
    state, review = chain_pasted(tmp_path, POND, "#接龙 红白锦鲤 30元/条 限5条\n例：小明 锦鲤1条\n"
                                                "1. 阿花 2尾\n2. 老李 锦鲤3条")
    assert chain_quantities(state) == {"阿花": {"koi": 2}, "老李": {"koi": 3}}
    assert not review


BAKERY = Catalog.from_dict({"products": [
    {"sku": "wheat_toast", "name": "全麦吐司", "aliases": ["全麦吐司"], "link": 1, "unit": "个", "price": 12, "stock": 30},
    {"sku": "wheat_toast_box", "name": "全麦吐司礼盒 4个装", "aliases": ["吐司礼盒"], "link": 2, "unit": "盒",
     "price": 45, "stock": 10},
    {"sku": "milk_toast", "name": "牛奶吐司", "link": 3, "unit": "个", "price": 10, "stock": 30},
    {"sku": "croissant", "name": "黄油牛角", "aliases": ["牛角", "牛角酥"], "link": 4, "unit": "个", "price": 8,
     "stock": 40},
    {"sku": "crumbs", "name": "面包糠", "link": 5, "unit": "袋", "price": 6, "stock": 20},
], "store": {"name": "测试面包房"}})


@pytest.mark.parametrize("text, items", [
    ("刚才说的吐司是全麦吐司 来两个", {"wheat_toast": 2}),  # the whole name, though the 礼盒's name holds it too
    ("刚才说的面包是牛角 来3个", {"croissant": 3}),  # 面包: only 面包糠 holds the word, the 牛角 is named outright
])
def test_a_clarification_naming_goods_outright_is_their_order(text, items):
    assert booked(parse(text, BAKERY, None)) == items


KITCHEN = Catalog.from_dict({"products": [
    {"sku": "clay_pot", "name": "土陶砂锅 3L", "aliases": ["土陶砂锅", "砂锅"], "link": 1, "unit": "个", "price": 68, "stock": 20},
    {"sku": "wok", "name": "铸铁炒锅 32cm", "aliases": ["炒锅"], "link": 2, "unit": "个", "price": 158, "stock": 10},
    {"sku": "basin", "name": "搪瓷深盆", "aliases": ["深盆"], "link": 3, "unit": "个", "price": 25, "stock": 30},
    {"sku": "pear_tea", "name": "花梨木茶盘", "aliases": ["茶盘"], "link": 4, "unit": "个", "price": 99, "stock": 10},
    {"sku": "steamer_big", "name": "竹蒸笼 30cm", "aliases": ["大蒸笼"], "link": 5, "unit": "个", "price": 45,
     "stock": 10},
    {"sku": "steamer_small", "name": "竹蒸笼 20cm", "aliases": ["小蒸笼"], "link": 6, "unit": "个", "price": 30,
     "stock": 10},
], "store": {"name": "测试厨具店"}})


@pytest.mark.parametrize("text, current", [("深盆有多深", "basin"), ("这个盆多深", "basin")])
def test_how_deep_is_a_question(text, current):
    got = parse(text, KITCHEN, current)
    assert got.kind is Kind.QUESTION and not got.items, got


def test_shaguo_is_the_everyday_spelling_of_the_clay_pot():
    assert booked(parse("沙锅来一个", KITCHEN, "clay_pot")) == {"clay_pot": 1}
    assert booked(parse("沙锅来一个", KITCHEN, "wok")) == {"clay_pot": 1}


@pytest.mark.parametrize("text", ["没货了就算了", "卖完了就不要了", "抢不到就算了"])
def test_a_cancel_on_a_condition_is_talk(text):
    got = parse(text, KITCHEN, "clay_pot")
    assert got.kind is Kind.OTHER and not got.items, got


def test_a_plain_cancel_still_cancels():
    assert parse("砂锅不要了", KITCHEN, "clay_pot").kind is Kind.CANCEL


@pytest.mark.parametrize("text, current, note", [
    ("茶盘来一个 挑花纹清楚的", "pear_tea", "挑花纹清楚的"),
    ("来一个 挑釉面亮的", "basin", "挑釉面亮的"),
    ("茶盘来一个 挑纹路大的", "pear_tea", "挑纹路大的"),  # 大的 of the 大号 蒸笼: here how the 茶盘 is picked
    ("茶盘来一个 要花梨纹多的", "pear_tea", "要花梨纹多的"),  # 花梨 of 花梨木茶盘: the goods ordered, described
])
def test_a_picking_remark_is_the_orders_note(text, current, note):
    got = parse(text, KITCHEN, current)
    assert booked(got) == {current: 1}
    assert got.note == note


SETS = Catalog.from_dict({"products": [
    {"sku": "knives", "name": "不锈钢刀具 五件套装", "aliases": ["刀具套装", "不锈钢套装"], "link": 1, "unit": "套",
     "price": 129, "stock": 10},
    {"sku": "pot", "name": "不锈钢汤锅", "link": 2, "unit": "个", "price": 89, "stock": 10},
    {"sku": "dishes", "name": "陶瓷碗碟 四件", "aliases": ["碗碟"], "link": 3, "unit": "套", "price": 59, "stock": 10},
    {"sku": "sponges", "name": "洗碗海绵", "aliases": ["海绵"], "link": 4, "unit": "袋", "price": 6, "stock": 50},
], "store": {"name": "测试厨房用品店"}})


@pytest.mark.parametrize("text, current", [("套装来一套", "knives"), ("套装来一套", None), ("套装来两套", "dishes")])
def test_the_set_word_of_several_goods_sold_by_the_set_is_review(text, current):
    got = parse(text, SETS, current)
    assert got.kind is Kind.ORDER and got.needs_review and not [i for i in got.items if i.qty], got


def test_a_name_holding_the_set_word_still_books():
    assert booked(parse("刀具套装来一套", SETS, "dishes")) == {"knives": 1}


@pytest.mark.parametrize("text", ["一袋才6 比超市划算", "一袋就6 好便宜"])
def test_the_price_of_one_unit_is_talk(text):
    got = parse(text, SETS, "sponges")
    assert got.kind is Kind.OTHER and not got.items, got


def test_an_order_then_a_price_is_still_an_order():
    assert booked(parse("来两袋", SETS, "sponges")) == {"sponges": 2}


@pytest.mark.parametrize("text, current, items", [
    ("小笼来一个", None, {"steamer_small": 1}),
    ("大笼 x2", "pear_tea", {"steamer_big": 2}),
    ("小的来一个", None, {"steamer_small": 1}),
])
def test_small_or_big_with_the_kinds_head_noun_names_that_one(text, current, items):
    assert booked(parse(text, KITCHEN, current)) == items


def test_small_or_big_with_the_head_noun_in_a_chain(tmp_path):
    state, review = chain_pasted(tmp_path, KITCHEN, "#接龙 竹蒸笼 周六到\n例：小明 小蒸笼1个\n"
                                                   "1. 阿梅 小笼一个\n2. 老吴 大笼1个 小笼1个")
    assert chain_quantities(state) == {"阿梅": {"steamer_small": 1}, "老吴": {"steamer_big": 1, "steamer_small": 1}}
    assert not review


PRINTS = Catalog.from_dict({"products": [
    {"sku": "tote", "name": "手绘帆布包", "aliases": ["帆布包"], "link": 1, "unit": "个", "price": 39, "stock": 20},
    {"sku": "pouch", "name": "零钱包", "link": 2, "unit": "个", "price": 15, "stock": 20},
], "store": {"name": "测试手作铺"}})


@pytest.mark.parametrize("text, kind, qty", [
    ("来两个 小熊小兔各一个", Kind.ORDER, 2),
    ("那就两个吧 小熊小兔各一个", Kind.MODIFY, 2),
    ("来4个 星星月亮各两个", Kind.ORDER, 4),
])
def test_a_split_of_the_count_among_patterns_is_a_note(text, kind, qty):
    got = parse(text, PRINTS, "tote")
    assert (got.kind, got.needs_review) == (kind, False), got
    assert [(i.sku, i.qty) for i in got.items] == [("tote", qty)]
    assert got.note == text.split(" ")[1]


def test_each_over_goods_is_still_an_order_of_each():
    assert booked(parse("帆布包零钱包各来一个", PRINTS, "tote")) == {"tote": 1, "pouch": 1}


BIRDS = Catalog.from_dict({"products": [
    {"sku": "budgie", "name": "虎皮鹦鹉 一对", "aliases": ["虎皮鹦鹉"], "link": 1, "unit": "对", "pack": "2只", "price": 60,
     "stock": 20},
    {"sku": "finch", "name": "文鸟", "link": 2, "unit": "只", "price": 45, "stock": 20},
], "store": {"name": "测试鸟店"}})
HENS = Catalog.from_dict({"products": [
    {"sku": "rooster", "name": "走地鸡（公）", "aliases": ["公鸡"], "link": 1, "unit": "只", "price": 90, "stock": 20},
    {"sku": "hen", "name": "走地鸡（母）", "aliases": ["母鸡"], "link": 2, "unit": "只", "price": 80, "stock": 20},
], "store": {"name": "测试土鸡铺"}})


@pytest.mark.parametrize("text, items", [("来一公一母", {"budgie": 1}), ("虎皮鹦鹉来两公两母吧", {"budgie": 2})])
def test_one_male_one_female_is_a_pair(text, items):
    assert booked(parse(text, BIRDS, "budgie")) == items


def test_one_male_one_female_of_goods_sold_by_sex_is_one_of_each():
    assert booked(parse("1公1母", HENS, "rooster")) == {"rooster": 1, "hen": 1}


def test_a_pair_of_goods_sold_by_the_one_stays_for_a_person():
    got = parse("文鸟来一公一母", BIRDS, "finch")
    assert got.needs_review, got


def test_sound_alikes_are_kept_per_text_and_handed_out_as_fresh_lists():
    first = POND.sound_alikes("锦里来两条")  # 锦里 reads like 锦鲤
    first.append("changed by a caller")
    assert POND.sound_alikes("锦里来两条") == [x for x in first if x != "changed by a caller"]
    assert [p.sku for _, _, p in POND.sound_alikes("锦里来两条")] == ["koi"]


# LABELS rule 2 over packs whose names say the count they hold (10条装, 礼盒4只装) and a size in 寸: one goods
NEONS = Catalog.from_dict({"products": [
    {"sku": "tetra", "name": "宝莲灯鱼 单条", "aliases": ["宝莲灯"], "link": 1, "unit": "条", "price": 3, "stock": 100,
     "limit_per_buyer": 20},
    {"sku": "tetra_bag", "name": "宝莲灯鱼 20条装", "link": 2, "unit": "袋", "pack": "20条", "price": 45, "stock": 10,
     "limit_per_buyer": 3},
    {"sku": "cup", "name": "青花小杯 3寸", "aliases": ["青花小杯"], "link": 3, "unit": "个", "price": 12, "stock": 50},
    {"sku": "cup_box", "name": "青花小杯 礼盒6只装", "aliases": ["小杯礼盒"], "link": 4, "unit": "盒", "pack": "6个",
     "price": 66, "stock": 10},
], "store": {"name": "测试杂货"}})


@pytest.mark.parametrize("text, current, items", [
    ("这个来一袋", "tetra", {"tetra_bag": 1}),  # the unit said picks the pack of the same goods
    ("来5条", "tetra_bag", {"tetra": 5}),  # a part of the bag shown: the single sold by the 条
    ("来40条", "tetra_bag", {"tetra_bag": 2}),  # whole bags of the one shown
    ("来一盒", "cup", {"cup_box": 1}),
    ("来2个", "cup_box", {"cup": 2}),  # a part of the box shown: the cup sold by the 个
    ("来12个", "cup_box", {"cup_box": 2}),
    ("宝莲灯来一袋", "cup", {"tetra_bag": 1}),  # 宝莲灯, a name of the single that says no pack: the unit picks
])
def test_packs_named_by_their_count_are_the_same_goods(text, current, items):
    assert booked(parse(text, NEONS, current)) == items


def test_a_relative_change_in_the_other_packs_unit_is_of_that_pack():
    got = parse("宝莲灯再加一袋", NEONS, "cup")
    assert (got.kind, got.needs_review) == (Kind.MODIFY, False), got
    assert [(i.sku, i.qty) for i in got.items] == [("tetra_bag", 1)]


LINENS = Catalog.from_dict({"products": [
    {"sku": "towel", "name": "全棉毛巾", "link": 1, "unit": "条", "price": 15, "stock": 100, "limit_per_buyer": 10},
    {"sku": "towel_box", "name": "全棉毛巾 3条装", "link": 2, "unit": "盒", "pack": "3条", "price": 39, "stock": 30,
     "limit_per_buyer": 3},
], "store": {"name": "测试家纺"}})


@pytest.mark.parametrize("header", ["#接龙 全棉毛巾 单条15 三条装一盒39", "#接龙 全棉毛巾 单条15 3条装一盒39"])
def test_a_chain_header_offering_the_counted_pack_offers_that_listing(tmp_path, header):
    state, review = chain_pasted(tmp_path, LINENS, header + "\n例：小明 毛巾2条\n1.小雨 毛巾6条\n2.李姐 3条装2盒\n3.阿强 毛巾1盒")
    assert chain_quantities(state) == {"小雨": {"towel": 6}, "李姐": {"towel_box": 2}, "阿强": {"towel_box": 1}}
    assert review == set()
