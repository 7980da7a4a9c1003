"""Orders, round 65 (tuning helper c3: the candied-fruit, mahjong, rain-gear and kitchenware sets).

- 接龙: pack words (散称, 袋装, 500克袋) written in a header or an example line name no goods of their own, so a
  chain of one goods loose and in bags offers those two only, and 散装2斤 / 2袋 are read by the unit; a count in
  dozens (柿饼一打) and a count then a size a name holds (阿芬1副40, Lily 张 2副44) start the member's order.
- LABELS rule 9: one goods in several sizes or colours (names that differ only by a size, a colour, 大号 / 小号, 中杯 /
  大杯), said without the size, with one of them on screen, is the one on screen; with none shown, or of a family of
  *different* goods, it stays for a person. A size number two listings' names hold, said as a word, with one of them
  shown, is that one.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state
from copilot.orders.parser import IntentParser
from tests.doubles import chain_apply, chain_ledger, chain_review

SHOP = Catalog.from_dict({"products": [
    {"sku": "pan_28", "name": "铸铁平底锅 28cm", "aliases": ["平底锅28cm", "28平底锅"], "link": 1, "unit": "个",
     "price": 99, "stock": 20},
    {"sku": "pan_30", "name": "铸铁平底锅 30cm", "aliases": ["平底锅30cm", "30平底锅"], "link": 2, "unit": "个",
     "price": 109, "stock": 20},
    {"sku": "steamer_28", "name": "不锈钢蒸锅 28cm", "aliases": ["蒸锅28cm", "蒸锅"], "link": 3, "unit": "个",
     "price": 139, "stock": 20},
    {"sku": "cup_red", "name": "陶瓷马克杯 酒红", "aliases": ["酒红马克杯"], "link": 4, "unit": "个", "price": 29,
     "stock": 50},
    {"sku": "cup_white", "name": "陶瓷马克杯 奶白", "aliases": ["奶白马克杯"], "link": 5, "unit": "个", "price": 29,
     "stock": 50},
    {"sku": "apron_big", "name": "防水围裙 大号", "aliases": ["大号围裙"], "link": 6, "unit": "条", "price": 25,
     "stock": 30},
    {"sku": "apron_small", "name": "防水围裙 小号", "aliases": ["小号围裙"], "link": 7, "unit": "条", "price": 22,
     "stock": 30},
    {"sku": "spoon_wood", "name": "榉木汤勺", "aliases": ["木汤勺"], "link": 8, "unit": "把", "price": 12, "stock": 30},
    {"sku": "spoon_steel", "name": "不锈钢汤勺", "aliases": ["钢汤勺"], "link": 9, "unit": "把", "price": 15, "stock": 30},
]})


def _read(text: str, current: str | None = None):
    intent = IntentParser(SHOP).parse(text, current)
    return intent.kind.value, intent.needs_review, {i.sku: i.qty for i in intent.items}


def test_goods_in_two_sizes_said_without_the_size_is_the_one_shown():
    assert _read("平底锅要一个", "pan_30") == ("order", False, {"pan_30": 1})
    assert _read("平底锅 x2", "pan_28") == ("order", False, {"pan_28": 2})


def test_goods_in_two_colours_said_without_the_colour_is_the_one_shown():
    assert _read("马克杯拿两个", "cup_white") == ("order", False, {"cup_white": 2})


def test_goods_in_big_and_small_said_without_the_size_is_the_one_shown():
    assert _read("围裙来一条", "apron_small") == ("order", False, {"apron_small": 1})


def test_with_no_member_shown_it_stays_for_a_person():
    kind, review, _ = _read("平底锅要一个", "cup_red")
    assert (kind, review) == ("order", True)
    kind, review, _ = _read("马克杯拿两个")
    assert (kind, review) == ("order", True)


def test_a_family_of_different_goods_stays_for_a_person_with_a_member_shown():
    kind, review, _ = _read("汤勺来一把", "spoon_wood")  # 榉木 / 不锈钢: two goods, not sizes (rule 5)
    assert (kind, review) == ("order", True)


def test_a_size_number_two_listings_names_hold_is_the_one_shown():
    assert _read("28的来一个", "steamer_28") == ("order", False, {"steamer_28": 1})
    assert _read("28的来一个", "pan_28") == ("order", False, {"pan_28": 1})
    kind, review, _ = _read("28的来一个", "pan_30")  # neither 28cm shown: a pan or a steamer
    assert (kind, review) == ("order", True)


DRINKS = Catalog.from_dict({"products": [
    {"sku": "tea_m", "name": "柠檬红茶 中杯 500ml", "aliases": ["中杯柠檬红茶"], "link": 1, "unit": "杯", "price": 10,
     "stock": 50},
    {"sku": "tea_l", "name": "柠檬红茶 大杯 700ml", "aliases": ["大杯柠檬红茶"], "link": 2, "unit": "杯", "price": 13,
     "stock": 50},
    {"sku": "tea_jug", "name": "柠檬红茶 1.5L家庭装", "aliases": ["柠檬红茶家庭装"], "link": 3, "unit": "瓶", "price": 25,
     "stock": 20},
    {"sku": "rabbit_s", "name": "毛绒兔子 25cm", "aliases": ["25cm兔子"], "link": 4, "unit": "只", "price": 39, "stock": 20},
    {"sku": "rabbit_l", "name": "毛绒兔子 45cm", "aliases": ["45cm兔子"], "link": 5, "unit": "只", "price": 69, "stock": 20},
    {"sku": "cake_one", "name": "绿豆糕（单块）", "aliases": ["单块绿豆糕"], "link": 6, "unit": "块", "price": 3, "stock": 90},
    {"sku": "cake_box", "name": "绿豆糕礼盒 12块装", "aliases": ["绿豆糕礼盒"], "link": 7, "unit": "盒", "pack": "12块",
     "price": 32, "stock": 20},
]})


def _drink(text: str, current: str | None = None):
    intent = IntentParser(DRINKS).parse(text, current)
    return intent.kind.value, intent.needs_review, {i.sku: i.qty for i in intent.items}


def test_cup_sizes_beside_a_family_pack_the_cup_said_is_the_one_shown():
    assert _drink("红茶来一杯", "tea_l") == ("order", False, {"tea_l": 1})
    assert _drink("红茶来一瓶", "tea_l") == ("order", False, {"tea_jug": 1})  # the unit picks the pack (rule 2)


def test_a_word_of_the_names_in_two_sizes_is_the_one_shown():
    assert _drink("兔子来一只", "rabbit_l") == ("order", False, {"rabbit_l": 1})
    kind, review, _ = _drink("兔子来一只", "cake_one")
    assert (kind, review) == ("order", True)


def test_a_count_alone_of_a_word_of_two_packs_is_the_pack_shown():
    assert _drink("绿豆糕来俩", "cake_one") == ("order", False, {"cake_one": 2})


def test_a_weight_of_goods_in_jars_of_two_sizes_stays_for_a_person():
    jars = Catalog.from_dict({"products": [
        {"sku": "honey_250", "name": "槐花蜜 250g", "link": 1, "unit": "瓶", "pack": "250克", "price": 30, "stock": 20},
        {"sku": "honey_500", "name": "槐花蜜 500g", "link": 2, "unit": "瓶", "pack": "500克", "price": 55, "stock": 20},
    ]})
    intent = IntentParser(jars).parse("槐花蜜来一斤", "honey_250")  # one 500g jar, or two of the 250g shown?
    assert intent.needs_review and not intent.items
    intent = IntentParser(jars).parse("槐花蜜来一瓶", "honey_250")
    assert not intent.needs_review and [(i.sku, i.qty) for i in intent.items] == [("honey_250", 1)]


# -- a weight in 两 and a 子 word of several goods ------------------------------------------------------------------

PICKLES = Catalog.from_dict({"products": [
    {"sku": "kelp_loose", "name": "香辣海带丝（散称）", "aliases": ["散装海带丝"], "link": 1, "unit": "斤", "price": 12,
     "stock": 50},
    {"sku": "kelp_bag", "name": "香辣海带丝 200克袋", "aliases": ["袋装海带丝"], "link": 2, "unit": "袋", "pack": "200克",
     "price": 6, "stock": 50},
    {"sku": "radish_loose", "name": "脆萝卜（散称）", "aliases": ["脆萝卜"], "link": 3, "unit": "两", "price": 1.5,
     "stock": 200},
    {"sku": "radish_bag", "name": "脆萝卜 半斤袋", "aliases": ["袋装脆萝卜"], "link": 4, "unit": "袋", "pack": "250克",
     "price": 7, "stock": 50},
    {"sku": "plum_salt", "name": "盐津话梅 150克袋", "aliases": ["盐津话梅"], "link": 5, "unit": "袋", "pack": "150克",
     "price": 9, "stock": 50},
    {"sku": "plum_green", "name": "青梅 300克罐", "aliases": ["青梅"], "link": 6, "unit": "罐", "pack": "300克", "price": 18,
     "stock": 50},
]})


def _pickle(text: str, current: str | None = None):
    intent = IntentParser(PICKLES).parse(text, current)
    return intent.kind.value, intent.needs_review, {i.sku: i.qty for i in intent.items}


def test_a_weight_in_liang_of_a_bag_shown_goes_to_the_goods_sold_by_the_liang_only():
    assert _pickle("来三两", "radish_bag") == ("order", False, {"radish_loose": 3})
    kind, review, _ = _pickle("来三两", "kelp_bag")  # the loose 海带丝 is sold by the 斤: a person asks
    assert (kind, review) == ("order", True)


def test_a_zi_word_of_several_goods_is_a_family_the_unit_does_not_settle():
    kind, review, got = _pickle("梅子来一罐", None)  # 话梅 and 青梅: plums of two kinds (LABELS rule 5)
    assert (kind, review, got) == ("order", True, {})


# -- 接龙 ------------------------------------------------------------------------------------------------------------

DRIED = Catalog.from_dict({"products": [
    {"sku": "bun", "name": "手工青团（单个）", "aliases": ["单个青团", "手工青团单个"], "link": 6, "unit": "个", "price": 4,
     "stock": 90},
    {"sku": "bun_box", "name": "手工青团礼盒 8个装", "aliases": ["青团礼盒", "青团8个装", "手工青团礼盒"], "link": 7,
     "unit": "盒", "pack": "8个", "price": 30, "stock": 20},
    {"sku": "ludo_s", "name": "飞行棋 30号", "aliases": ["30号飞行棋"], "link": 8, "unit": "副", "price": 20, "stock": 20},
    {"sku": "ludo_l", "name": "飞行棋 36号", "aliases": ["36号飞行棋"], "link": 9, "unit": "副", "price": 30, "stock": 20},
]})


NUTS = Catalog.from_dict({"products": [
    {"sku": "seed_loose", "name": "五香瓜子（散称）", "aliases": ["五香瓜子散称", "散装瓜子", "散称瓜子", "散装五香瓜子"],
     "link": 1, "unit": "斤", "price": 12, "stock": 50},
    {"sku": "seed_bag", "name": "五香瓜子 250克袋", "aliases": ["五香瓜子250克袋", "五香瓜子袋装", "袋装五香瓜子"], "link": 2,
     "unit": "袋", "pack": "250克", "price": 7, "stock": 50},
    {"sku": "seed_caramel", "name": "焦糖瓜子 200克袋", "aliases": ["焦糖瓜子", "焦糖瓜子200克袋"], "link": 3, "unit": "袋",
     "pack": "200克", "price": 8, "stock": 50},
    {"sku": "pist_loose", "name": "开心果（散称）", "aliases": ["散装开心果", "散称开心果"], "link": 4, "unit": "斤",
     "price": 60, "stock": 50, "limit_per_buyer": 5},
    {"sku": "pist_bag", "name": "开心果 500克袋", "aliases": ["开心果500克袋", "袋装开心果", "开心果袋装"], "link": 5,
     "unit": "袋", "pack": "500克", "price": 58, "stock": 50, "limit_per_buyer": 4},
    {"sku": "cashew", "name": "腰果（散称）", "aliases": ["腰果", "散装腰果"], "link": 6, "unit": "斤", "price": 50,
     "stock": 50},
    {"sku": "almond", "name": "杏仁（散称）", "aliases": ["杏仁", "散装杏仁"], "link": 7, "unit": "斤", "price": 40,
     "stock": 50},
    {"sku": "hazel", "name": "榛子 150克袋", "aliases": ["榛子", "榛子150克袋"], "link": 8, "unit": "袋", "pack": "150克",
     "price": 15, "stock": 50},
]})


def test_pack_words_of_a_header_and_example_offer_no_other_goods(tmp_path):
    ledger = chain_ledger(tmp_path, NUTS)
    chain_apply(ledger, "#接龙 开心果团购 散称60元一斤 500克袋装58元一袋 散称每人限5斤 袋装每人限4袋\n例：小明 散装2斤\n"
                        "1. 王姐散装2斤\n2. 小K2袋\n3. 阿芬1斤2袋")
    assert chain_state(ledger) == {"王姐": {"pist_loose": 2}, "小K": {"pist_bag": 2},
                                   "阿芬": {"pist_loose": 1, "pist_bag": 2}}
    assert chain_review(ledger) == []


def test_a_count_in_dozens_starts_the_order_after_the_goods(tmp_path):
    ledger = chain_ledger(tmp_path, DRIED)
    chain_apply(ledger, "#接龙 手工青团 单个4元 8个装礼盒30元 礼盒每人限2盒\n例：小明 青团6个\n1. 小宝妈 青团一打")
    assert chain_state(ledger) == {"小宝妈": {"bun": 12}}


def test_a_count_then_a_size_the_names_hold_is_the_members_order(tmp_path):
    ledger = chain_ledger(tmp_path, DRIED)
    chain_apply(ledger, "#接龙 飞行棋 30号20元 36号30元\n例：小明 30号1副\n1. 阿芬1副30 1副36\n2. Lily 张 2副36")
    assert chain_state(ledger) == {"阿芬": {"ludo_s": 1, "ludo_l": 1}, "Lily 张": {"ludo_l": 2}}


def test_a_size_number_with_hao_in_one_name_names_it_said_bare():
    parser = IntentParser(DRIED)
    intent = parser.parse("36的来一副", "ludo_l")
    assert (intent.needs_review, [(i.sku, i.qty) for i in intent.items]) == (False, [("ludo_l", 1)])
    intent = parser.parse("30的来一副", "bun")
    assert (intent.needs_review, [(i.sku, i.qty) for i in intent.items]) == (False, [("ludo_s", 1)])


# -- 一提10卷: one pack, then what it holds -------------------------------------------------------------------------

ROLLS = Catalog.from_dict({"products": [
    {"sku": "roll", "name": "海苔卷（单卷）", "aliases": ["单卷海苔卷"], "link": 1, "unit": "卷", "price": 2, "stock": 200,
     "limit_per_buyer": 30},
    {"sku": "roll_ti", "name": "海苔卷 一提10卷", "aliases": ["海苔卷一提", "整提海苔卷"], "link": 2, "unit": "提",
     "pack": "10卷", "price": 18, "stock": 30},
]})


def _roll(text: str, current: str | None = None):
    intent = IntentParser(ROLLS).parse(text, current)
    return intent.kind.value, intent.needs_review, {i.sku: i.qty for i in intent.items}


def test_one_pack_then_what_it_holds_is_a_pack_of_the_same_goods():
    assert _roll("海苔卷来6卷") == ("order", False, {"roll": 6})  # the unit picks the listing (LABELS rule 2)
    assert _roll("来一提", "roll") == ("order", False, {"roll_ti": 1})
    assert _roll("来5卷", "roll_ti") == ("order", False, {"roll": 5})  # a part pack: the single
    assert _roll("海苔卷 x3", "roll") == ("order", False, {"roll": 3})


# -- a slip of a family word in sizes, 号 said ahead of an order, a change in another pack's unit --------------------

HOME = Catalog.from_dict({"products": [
    {"sku": "mop_l", "name": "旋转拖把 大号", "aliases": ["大号拖把"], "link": 1, "unit": "把", "price": 59, "stock": 20},
    {"sku": "mop_s", "name": "旋转拖把 小号", "aliases": ["小号拖把"], "link": 2, "unit": "把", "price": 49, "stock": 20},
    {"sku": "table", "name": "折叠餐桌", "aliases": ["餐桌", "折叠桌"], "link": 3, "unit": "张", "price": 199, "stock": 5},
    {"sku": "chair", "name": "折叠椅", "aliases": ["椅子"], "link": 4, "unit": "把", "price": 39, "stock": 20},
    {"sku": "ludo", "name": "飞行棋 36号", "aliases": ["36号飞行棋"], "link": 5, "unit": "副", "price": 30, "stock": 20},
]})


def _home(text: str, current: str | None = None):
    intent = IntentParser(HOME).parse(text, current)
    return intent.kind.value, intent.needs_review, {i.sku: i.qty for i in intent.items}


def test_a_family_word_typed_by_its_sound_is_the_size_shown():
    assert _home("拖巴来一把", "mop_s") == ("order", False, {"mop_s": 1})
    kind, review, _ = _home("拖巴来一把", "chair")  # neither size shown: a person asks
    assert (kind, review) == ("order", True)


def test_a_zi_word_of_one_listings_names_is_that_listing():
    assert _home("桌子来一张", "table") == ("order", False, {"table": 1})  # 折叠餐桌 / 折叠桌: one table


def test_a_size_with_hao_said_before_an_order_ahead_names_it():
    assert _home("36号先给我留一副") == ("order", False, {"ludo": 1})


def test_a_change_in_the_unit_of_another_pack_of_the_goods_shown_is_that_pack():
    intent = IntentParser(ROLLS).parse("再加一提", "roll")
    assert (intent.kind.value, intent.needs_review) == ("modify", False)
    assert [(i.sku, i.qty, i.relative) for i in intent.items] == [("roll_ti", 1, True)]


def test_a_weight_of_goods_loose_beside_half_jin_jars_is_the_loose_goods():
    jars = Catalog.from_dict({"products": [
        {"sku": "olive_loose", "name": "盐津橄榄（散称）", "aliases": ["散装橄榄"], "link": 1, "unit": "斤", "price": 30,
         "stock": 40},
        {"sku": "olive_jar", "name": "盐津橄榄 250克罐", "aliases": ["罐装橄榄"], "link": 2, "unit": "罐", "pack": "250克",
         "price": 18, "stock": 40},
    ]})
    parser = IntentParser(jars)
    got = parser.parse("盐津橄榄来两斤")  # four 半斤 jars would be said in 罐: two 斤 loose
    assert (got.needs_review, [(i.sku, i.qty) for i in got.items]) == (False, [("olive_loose", 2)])
    got = parser.parse("盐津橄榄来半斤")  # 半斤: a weight, so the loose goods (LABELS rule 2; round 66), not one jar
    assert (got.needs_review, [(i.sku, i.qty) for i in got.items]) == (False, [("olive_loose", 0.5)])


# -- the shown goods' own size said bare, its colours counted, a 子 word of one listing ------------------------------

STUDY = Catalog.from_dict({"products": [
    {"sku": "fan7", "name": "竹骨折扇 7寸", "aliases": ["7寸折扇"], "link": 1, "unit": "把", "price": 25, "stock": 20},
    {"sku": "fan8", "name": "竹骨折扇 8寸", "aliases": ["8寸折扇"], "link": 2, "unit": "把", "price": 30, "stock": 20},
    {"sku": "desk", "name": "折叠书桌", "aliases": ["书桌", "折叠桌"], "link": 3, "unit": "张", "price": 199, "stock": 5},
    {"sku": "mat_grey", "name": "书桌垫 灰色", "aliases": ["灰色书桌垫"], "link": 4, "unit": "张", "price": 29, "stock": 20},
    {"sku": "mat_white", "name": "书桌垫 米白", "aliases": ["米白书桌垫"], "link": 5, "unit": "张", "price": 29,
     "stock": 20},
]})


def _study(text: str, current: str | None = None):
    intent = IntentParser(STUDY).parse(text, current)
    return intent.kind.value, intent.needs_review, {i.sku: i.qty for i in intent.items}


def test_a_number_the_shown_listing_holds_as_its_size_said_with_de_names_it():
    assert _study("8的来一把", "fan8") == ("order", False, {"fan8": 1})


def test_the_count_of_the_shown_goods_colours_or_sizes_names_them_all():
    assert _study("两种颜色都来一张", "mat_grey") == ("order", False, {"mat_grey": 1, "mat_white": 1})
    assert _study("两种尺寸都来一把", "fan7") == ("order", False, {"fan7": 1, "fan8": 1})
    kind, review, _ = _study("两种颜色都来一张", "desk")  # the desk comes in one colour: which two?
    assert (kind, review) == ("order", True)
    kind, review, _ = _study("两个颜色都要", "mat_grey")  # how many of each is not said
    assert (kind, review) == ("order", True)


def test_a_zi_word_of_one_listing_whose_names_end_in_it_is_that_listing():
    assert _study("桌子来一张", "desk") == ("order", False, {"desk": 1})  # not the 书桌垫, whose names hold 桌 inside



def test_a_size_a_listing_is_named_by_is_that_listing_not_a_note():
    shoes = Catalog.from_dict({"products": [
        {"sku": "canvas_37", "name": "帆布鞋 37码", "aliases": ["37码帆布鞋"], "link": 1, "unit": "双", "price": 59,
         "stock": 20, "spec": "37 码"},
        {"sku": "canvas_38", "name": "帆布鞋 38码", "aliases": ["38码帆布鞋"], "link": 2, "unit": "双", "price": 59,
         "stock": 20, "spec": "偏大，平时穿 37-38 码的都能穿"},
    ]})
    intent = IntentParser(shoes).parse("1双37 1双38")  # one pair of each listing, not the 38码 with a note 37
    assert not intent.needs_review and sorted((i.sku, i.qty) for i in intent.items) == [("canvas_37", 1), ("canvas_38", 1)]
