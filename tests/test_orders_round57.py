"""Orders round 57: general readings found on the clothing (intents_blind55) and roast-meat (intents_blind56) sets,
tried on invented stores:

- a listing named by the count its pack holds (10支装), said with a quantity in the pieces it packs that makes whole
  packs (10支装20支), is that pack listing, 2 of it: the unit of the pieces does not move it to the single (this
  booked 20 singles: stock nobody ordered);
- in a one-product chain a bare number counts in the unit the header says entries are written in (按斤接龙);
- a relative change reads its amount as any quantity (再加二两 = +2 两, 少要半打 = -6 个), a 两 taken back is a unit, and
  一斤二 is 1斤2两;
- a name ending in a noun said with 子 as often as without it (裤 / 裤子) is that name said with 子 (直筒裤子);
- a word that is only the pack of each listing it names (半只 of three birds each sold whole and as a 半只) names the one
  of the goods on screen; in a chain offering both listings of one bird, 半只1份 and 1整只1半只 name them (半只 is no
  half of a 只);
"""

from __future__ import annotations

import pytest
from doubles import booked, chain_pasted, chain_quantities

from copilot.base.catalog import Catalog
from copilot.orders.rules import parse

PENS = Catalog.from_dict({"products": [
    {"sku": "pen", "name": "中性笔 单支", "aliases": ["中性笔", "水笔"], "link": 1, "unit": "支", "price": 2, "stock": 200,
     "limit_per_buyer": 30},
    {"sku": "pen_box", "name": "中性笔 10支装", "aliases": ["盒装中性笔"], "link": 2, "unit": "盒", "pack": "10支",
     "price": 15, "stock": 30, "limit_per_buyer": 5},
    {"sku": "eraser", "name": "绘图橡皮", "link": 3, "unit": "块", "price": 3, "stock": 50},
], "store": {"name": "测试文具铺"}})


@pytest.mark.parametrize("text, current, items", [
    ("10支装20支", None, {"pen_box": 2}),
    ("10支装的来30支", "eraser", {"pen_box": 3}),
    ("中性笔来5支", None, {"pen": 5}),
])
def test_a_pack_named_by_its_count_with_whole_packs_of_pieces_stays_the_pack(text, current, items):
    assert booked(parse(text, PENS, current)) == items


def test_a_chain_line_of_whole_packs_in_pieces_books_the_packs(tmp_path):
    state, review = chain_pasted(tmp_path, PENS, "#接龙 中性笔 单支2元 10支装15元/盒\n例：小明 单支3支\n"
                                                "1. 阿文 10支装20支\n2. 老周 单支4支")
    assert chain_quantities(state) == {"阿文": {"pen_box": 2}, "老周": {"pen": 4}}
    assert not review


DELI = Catalog.from_dict({"products": [
    {"sku": "beef_jerky", "name": "五香牛肉（称重）", "aliases": ["五香牛肉", "卤牛肉"], "link": 1, "unit": "两", "price": 9,
     "stock": 300, "limit_per_buyer": 20},
    {"sku": "tofu_skin", "name": "卤豆干", "aliases": ["豆干"], "link": 2, "unit": "袋", "price": 6, "stock": 50},
], "store": {"name": "测试卤味档"}})


def test_a_bare_number_counts_in_the_unit_the_header_says(tmp_path):
    state, review = chain_pasted(tmp_path, DELI, "#接龙 周六五香牛肉 90元一斤 按斤接龙 写几斤就行 每人限2斤\n例：小明 1\n"
                                                "1. 阿兰1\n2. 老许 1.5\n3. 胖叔 3")
    assert chain_quantities(state) == {"阿兰": {"beef_jerky": 10}, "老许": {"beef_jerky": 15}}
    assert review == {"胖叔"}  # 3斤 = 30两, over the limit of 20两


def test_a_bare_number_without_a_header_unit_is_the_products_unit(tmp_path):
    state, review = chain_pasted(tmp_path, DELI, "#接龙 卤豆干 6元一袋\n例：小明 1\n1. 阿兰 2")
    assert chain_quantities(state) == {"阿兰": {"tofu_skin": 2}}


SNACKS = Catalog.from_dict({"products": [
    {"sku": "beef", "name": "五香牛肉（称重）", "aliases": ["五香牛肉", "卤牛肉"], "link": 1, "unit": "两", "price": 9,
     "stock": 300, "limit_per_buyer": 30},
    {"sku": "quail_eggs", "name": "卤鹌鹑蛋", "aliases": ["鹌鹑蛋"], "link": 2, "unit": "个", "price": 1, "stock": 200,
     "limit_per_buyer": 36},
], "store": {"name": "测试卤味摊"}})


@pytest.mark.parametrize("text, current, qty", [
    ("再加二两", "beef", 2),  # the weight 两, not the number 22
    ("卤牛肉少要五两", "quail_eggs", -5),
    ("再加一斤半", "beef", 15),
    ("再加半打", "quail_eggs", 6),  # a dozen of goods sold by the 个
    ("鹌鹑蛋少要一打", "beef", -12),
])
def test_a_relative_change_reads_its_amount_as_any_quantity(text, current, qty):
    intent = parse(text, SNACKS, current)
    assert [(i.qty, i.relative) for i in intent.items] == [(qty, True)] and not intent.needs_review


@pytest.mark.parametrize("text, qty", [
    ("来2两 哦不 来四两", 4),  # a weight in 两 taken back in the same breath
    ("来一斤二", 12),  # 一斤二 is 1斤2两
    ("卤牛肉1斤3", 13),
])
def test_weights_in_liang_as_the_market_says_them(text, qty):
    assert booked(parse(text, SNACKS, "beef")) == {"beef": qty}


def test_a_chain_line_of_jin_and_a_numeral_is_liang(tmp_path):
    state, review = chain_pasted(tmp_path, SNACKS, "#接龙 五香牛肉 90元一斤\n例：小明 牛肉半斤\n1、阿兰 一斤二\n2、老许 8两")
    assert chain_quantities(state) == {"阿兰": {"beef": 12}, "老许": {"beef": 8}}
    assert not review


ROAST = Catalog.from_dict({"products": [
    {"sku": "duck_whole", "name": "北京烤鸭 整只", "aliases": ["整只烤鸭"], "link": 1, "unit": "只", "price": 98, "stock": 10,
     "limit_per_buyer": 2},
    {"sku": "duck_half", "name": "北京烤鸭 半只", "aliases": ["半只烤鸭"], "link": 2, "unit": "份", "price": 52, "stock": 20,
     "limit_per_buyer": 2},
    {"sku": "hen_whole", "name": "盐焗鸡 整只", "aliases": ["整只盐焗鸡"], "link": 3, "unit": "只", "price": 78, "stock": 10,
     "limit_per_buyer": 2},
    {"sku": "hen_half", "name": "盐焗鸡 半只", "aliases": ["半只盐焗鸡"], "link": 4, "unit": "份", "price": 42, "stock": 20,
     "limit_per_buyer": 2},
    {"sku": "cucumber", "name": "拍黄瓜", "link": 5, "unit": "份", "price": 8, "stock": 30},
], "store": {"name": "测试烤鸭店"}})


@pytest.mark.parametrize("text, current, items", [
    ("来半只", "duck_whole", {"duck_half": 1}),
    ("整只的也来一只", "hen_half", {"hen_whole": 1}),
    ("整只半只各来一个", "duck_half", {"duck_whole": 1, "duck_half": 1}),
])
def test_a_pack_word_of_several_birds_names_the_one_on_screen(text, current, items):
    assert booked(parse(text, ROAST, current)) == items


def test_a_pack_word_of_several_birds_with_other_goods_shown_is_review():
    assert parse("来半只", ROAST, "cucumber").needs_review


def test_a_relative_change_of_the_pack_word_is_of_the_shown_bird():
    intent = parse("半只的再加一份", ROAST, "hen_half")
    assert [(i.sku, i.qty, i.relative) for i in intent.items] == [("hen_half", 1, True)]


def test_chain_lines_naming_the_listings_by_their_pack_word(tmp_path):
    state, review = chain_pasted(tmp_path, ROAST, "#接龙 北京烤鸭 整只98 半只52\n例：小明 半只1份\n"
                                                 "1. 李姐半只1份\n2. 阿芬1整只1半只\n3. 老周 2半只")
    assert chain_quantities(state) == {"李姐": {"duck_half": 1}, "阿芬": {"duck_whole": 1, "duck_half": 1},
                                       "老周": {"duck_half": 2}}
    assert not review


NOODLES = Catalog.from_dict({"products": [
    {"sku": "beef_noodle", "name": "牛肉面 大杯", "link": 1, "unit": "杯", "price": 18, "stock": 50},
    {"sku": "lamb_noodle", "name": "羊肉面 大杯", "link": 2, "unit": "杯", "price": 20, "stock": 50},
], "store": {"name": "测试杯面铺"}})


def test_a_pack_word_that_tells_apart_no_packs_of_the_shown_goods_stays_review():
    assert parse("大杯来一杯", NOODLES, "beef_noodle").needs_review  # the size of cup, not which one


KNITS = Catalog.from_dict({"products": [
    {"sku": "sweater", "name": "羊绒毛衣", "aliases": ["毛衣"], "link": 1, "unit": "件", "price": 199, "stock": 30,
     "limit_per_buyer": 3},
    {"sku": "trousers", "name": "西装长裤", "aliases": ["西裤"], "link": 2, "unit": "条", "price": 129, "stock": 30,
     "limit_per_buyer": 3},
    {"sku": "rice_noodle", "name": "过桥米粉", "aliases": ["米粉"], "link": 3, "unit": "袋", "price": 12, "stock": 30},
], "store": {"name": "测试服装杂货"}})


@pytest.mark.parametrize("text, current, items, note", [
    ("毛衣来一件 要藏青", None, {"sweater": 1}, "要藏青"),  # a colour said without 色
    ("来一件 枣红 XL", "sweater", {"sweater": 1}, "枣红 XL"),
    ("2号来一条 175/80A", None, {"trousers": 1}, "175/80A"),  # the 号型 of a garment: no quantity
    ("西裤来一条 腰围2尺5", None, {"trousers": 1}, "腰围2尺5"),  # a waist in 尺 and 寸
    ("来俩 一件墨绿一件驼色", "sweater", {"sweater": 2}, "一件墨绿一件驼色"),  # the count split by colour
    ("毛衣来两件 给我爸和我婆婆", None, {"sweater": 2}, "给我爸和我婆婆"),  # whom the goods are for
])
def test_colours_sizes_and_recipients_are_the_orders_note(text, current, items, note):
    intent = parse(text, KNITS, current)
    assert booked(intent) == items and not intent.needs_review
    assert note in intent.note


def test_a_name_that_starts_like_a_colour_is_no_note():
    intent = parse("刚才说的粉是过桥米粉 来一袋", KNITS, None)
    assert booked(intent) == {"rice_noodle": 1} and "米粉" not in (intent.note or "")


ROASTS = Catalog.from_dict({"products": [
    {"sku": "pigeon", "name": "脆皮乳鸽", "aliases": ["乳鸽"], "link": 1, "unit": "只", "price": 28, "stock": 30},
    {"sku": "pork", "name": "叉烧肉（称重）", "aliases": ["叉烧肉"], "link": 2, "unit": "两", "price": 6, "stock": 300,
     "limit_per_buyer": 30},
], "store": {"name": "测试烧味档"}})


@pytest.mark.parametrize("text, current, items, note", [
    ("来一只 斩件", "pigeon", {"pigeon": 1}, "斩件"),  # chopped into pieces
    ("乳鸽来两只 要上庄", None, {"pigeon": 2}, "要上庄"),  # which half of the bird
    ("来一斤 要半肥瘦", "pork", {"pork": 10}, "要半肥瘦"),  # which cut of the meat
    ("来半斤 切厚一点", "pork", {"pork": 5}, "切厚一点"),
])
def test_how_the_roast_is_cut_is_the_orders_note(text, current, items, note):
    intent = parse(text, ROASTS, current)
    assert booked(intent) == items and not intent.needs_review
    assert note in intent.note


@pytest.mark.parametrize("text", ["4XL有吗 我爸170斤", "有XL的吗 体重130斤"])
def test_what_the_wearer_weighs_beside_a_size_asked_is_a_question(text):
    intent = parse(text, KNITS, "sweater")
    assert intent.kind.value == "question" and not intent.items


def test_what_the_wearer_weighs_is_the_orders_note():
    intent = parse("来一件 我妈130斤", KNITS, "sweater")
    assert booked(intent) == {"sweater": 1} and "我妈130斤" in intent.note


def test_a_weight_before_goods_sold_by_weight_stays_their_quantity():
    rice = Catalog.from_dict({"products": [{"sku": "rice", "name": "东北大米", "aliases": ["大米"], "link": 1, "unit": "斤",
                                            "price": 3, "stock": 500}], "store": {"name": "测试米店"}})
    assert booked(parse("给我妈60斤大米", rice, None)) == {"rice": 60}


HANFU = Catalog.from_dict({"products": [
    {"sku": "hanfu_set", "name": "汉服套装 上衣加裙子", "aliases": ["汉服套装"], "link": 1, "unit": "套", "price": 259,
     "stock": 20, "limit_per_buyer": 2},
    {"sku": "hanfu_top", "name": "汉服上衣", "aliases": ["交领上衣"], "link": 2, "unit": "件", "price": 129, "stock": 20,
     "limit_per_buyer": 2},
], "store": {"name": "测试汉服铺"}})


def test_a_word_the_header_prices_per_unit_names_the_listing_sold_so(tmp_path):
    state, review = chain_pasted(tmp_path, HANFU, "#接龙 汉服 套装259/套 上衣129/件\n例：小明 上衣1件 M\n"
                                                 "1、阿秀 上衣1件 L\n2、小婉 上衣1件 套装1套")
    assert chain_quantities(state) == {"阿秀": {"hanfu_top": 1}, "小婉": {"hanfu_top": 1, "hanfu_set": 1}}
    assert not review


def test_a_word_of_both_listings_without_a_priced_header_stays_review(tmp_path):
    _, review = chain_pasted(tmp_path, HANFU, "#接龙 汉服 套装和上衣\n例：小明 套装1套\n1、阿秀 上衣1件")
    assert review == {"阿秀"}


def test_a_priced_word_counted_in_another_unit_is_not_spelled_as_the_priced_listing(tmp_path):
    _, review = chain_pasted(tmp_path, HANFU, "#接龙 汉服 套装259/套 上衣129/件\n例：小明 上衣1件 M\n1、阿秀 上衣1套")
    assert review == {"阿秀"}  # 上衣 said by the 套: the set (上衣加裙子) or a slip? a person asks


PLATTERS = Catalog.from_dict({"products": [
    {"sku": "duo", "name": "卤味双拼饭", "aliases": ["双拼饭", "双拼"], "link": 1, "unit": "盒", "price": 25, "stock": 30},
    {"sku": "tofu", "name": "卤豆腐", "link": 2, "unit": "份", "price": 6, "stock": 30},
    {"sku": "egg", "name": "卤鸭蛋", "link": 3, "unit": "个", "price": 3, "stock": 30},
    {"sku": "puzzle", "name": "恐龙拼图", "link": 4, "unit": "盒", "price": 19, "stock": 10},
], "store": {"name": "测试卤味饭堂"}})


@pytest.mark.parametrize("text, current, items, note", [
    ("双拼来两盒 卤豆腐拼卤鸭蛋", None, {"duo": 2}, "卤豆腐拼卤鸭蛋"),  # the two goods of the box, no order of them
    ("双拼饭 一盒 要卤鸭蛋拼卤豆腐", None, {"duo": 1}, "要卤鸭蛋拼卤豆腐"),
])
def test_two_goods_joined_by_pin_are_the_platters_choice(text, current, items, note):
    intent = parse(text, PLATTERS, current)
    assert booked(intent) == items and not intent.needs_review and note in intent.note


def test_a_name_holding_pin_is_still_goods():
    assert booked(parse("恐龙拼图来一盒", PLATTERS, None)) == {"puzzle": 1}


@pytest.mark.parametrize("text, items", [
    ("西装长裤子来一条", {"trousers": 1}),  # 裤子 said of a name ending in 裤
    ("西裤子两条", {"trousers": 2}),
])
def test_a_name_said_with_the_noun_suffix_zi_is_that_name(text, items):
    intent = parse(text, KNITS, None)
    assert booked(intent) == items and not intent.needs_review


def test_a_word_priced_in_two_units_is_told_apart_by_the_unit_said(tmp_path):
    soups = Catalog.from_dict({"products": [
        {"sku": "soup_cup", "name": "绿豆沙 杯装", "aliases": ["绿豆沙杯装"], "link": 1, "unit": "杯", "price": 6, "stock": 50},
        {"sku": "soup_tub", "name": "绿豆沙 桶装", "aliases": ["绿豆沙桶装"], "link": 2, "unit": "桶", "price": 20, "stock": 20},
    ], "store": {"name": "测试糖水铺"}})
    state, review = chain_pasted(tmp_path, soups, "#接龙 绿豆沙 6元/杯 20元/桶\n例：小明 绿豆沙1杯\n"
                                                 "1. 小美 绿豆沙2杯\n2. 阿强 绿豆沙1桶")
    assert chain_quantities(state) == {"小美": {"soup_cup": 2}, "阿强": {"soup_tub": 1}}
    assert not review
