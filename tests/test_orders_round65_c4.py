"""Orders and 群接龙, round 65 (tuning helper c4: the chilli shop and winter warmth goods sets).

- A part pack of the listing shown goes to the listing of the same goods sold in the unit said only when it is a
  whole number of that listing's units: 来3两 or 来半斤 with a 250克 盒 of 花生 shown beside the loose 花生 by the 斤 is
  no whole 斤 either, and a person asks (来两斤 stays 4 盒).
- 个 of goods sold by the pair (双 / 副 / 对) whose spec counts the pair's two pieces (一副两只 护腕) may be one piece or
  one pair: a person asks. A pair whose spec counts no pieces (一副墨镜) is one thing, and 来一个 is one 副.
- A size said (41的) on an order of a listing whose name states its sizes (雪地靴 36-37码) and does not hold it is review:
  the viewer must say which pair fits. The sizes of a range in a name (36-37码) are each that listing's; the range said
  whole (40-41的), a size with 码, or with 号 where no link has that number, names that listing.
- 红的 names the one shade that is a red (玫红 beside 烟灰); a kind word of one goods in packs (袜子) with one shown: whole
  packs stay it, a part pack is the single; 10两 / 十五两 are a 斤 and more.
- 刚才扣的1是X N is that order; 算了 then an order settled on (就这个…) is that order; 再加一袋 with the loose goods shown
  is a change of their 袋.
- 两种颜色都来一副 / 大小各来一个 with one of two listings shown: both; 1青1红 in a chain of 尖椒 青 / 红; a gift for a
  grandchild is the note; a family word typed by its sound around a shorter one (护手爽) is that family word.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser

NUTS = Catalog.from_dict({"products": [
    {"sku": "peanut_loose", "name": "五香花生（散称）", "aliases": ["散装花生"], "link": 1, "unit": "斤", "price": 10,
     "stock": 50},
    {"sku": "peanut_box", "name": "五香花生 250克盒", "aliases": ["盒装花生"], "link": 2, "unit": "盒", "pack": "250克",
     "price": 6, "stock": 50},
    {"sku": "cashew_loose", "name": "盐焗腰果（散称）", "aliases": ["散装腰果"], "link": 3, "unit": "斤", "price": 40,
     "stock": 50},
    {"sku": "cashew_bag", "name": "盐焗腰果 500克袋", "aliases": ["袋装腰果"], "link": 4, "unit": "袋", "pack": "500克",
     "price": 38, "stock": 50},
]})


def _read(catalog, text, current):
    return IntentParser(catalog).parse(text, current).to_dict()


def test_a_part_pack_in_liang_of_a_box_shown_is_no_whole_jin_of_the_loose_goods():
    got = _read(NUTS, "来3两", "peanut_box")
    assert got["needs_review"] and got["kind"] == "order"


def test_half_a_jin_of_a_500g_bag_shown_is_asked_not_booked_as_loose():
    got = _read(NUTS, "来半斤", "cashew_bag")
    assert got["needs_review"]


def test_whole_packs_by_weight_stay_the_pack_shown():
    got = _read(NUTS, "来两斤", "peanut_box")
    assert not got["needs_review"] and got["items"][0]["sku"] == "peanut_box" and got["items"][0]["qty"] == 4


def test_a_whole_jin_with_the_bag_shown_is_the_bag():
    got = _read(NUTS, "来一斤", "cashew_bag")
    assert not got["needs_review"] and got["items"][0]["sku"] == "cashew_bag" and got["items"][0]["qty"] == 1


PAIRS = Catalog.from_dict({"products": [
    {"sku": "wrist", "name": "加绒护腕", "aliases": ["护腕"], "link": 1, "unit": "副", "spec": "一副两只，针织加绒",
     "price": 15, "stock": 30},
    {"sku": "shades", "name": "偏光墨镜", "aliases": ["墨镜"], "link": 2, "unit": "副", "spec": "UV400，带眼镜盒",
     "price": 59, "stock": 30},
]})


def test_ge_of_a_pair_whose_spec_counts_two_pieces_is_asked():
    got = _read(PAIRS, "来一个", "wrist")
    assert got["needs_review"] and got["kind"] == "order"


def test_fu_of_that_pair_is_booked():
    got = _read(PAIRS, "来两副", "wrist")
    assert not got["needs_review"] and got["items"][0]["qty"] == 2


def test_ge_of_a_pair_that_is_one_thing_counts_it():
    got = _read(PAIRS, "来一个", "shades")
    assert not got["needs_review"] and got["items"][0]["sku"] == "shades" and got["items"][0]["qty"] == 1


BOOTS = Catalog.from_dict({"products": [
    {"sku": "boot_s", "name": "雪地靴 36-37码", "aliases": ["雪地靴36-37码"], "link": 1, "unit": "双",
     "spec": "加绒内里，和 40-41码是同一款", "price": 99, "stock": 20},
    {"sku": "boot_l", "name": "雪地靴 40-41码", "aliases": ["雪地靴40-41码"], "link": 2, "unit": "双",
     "spec": "加绒内里，和 36-37码是同一款", "price": 99, "stock": 20},
]})


def test_a_size_the_shown_range_does_not_hold_is_asked():
    got = _read(BOOTS, "38的来一双", "boot_s")
    assert got["needs_review"] and got["kind"] == "order"
    assert _read(BOOTS, "37的来一双", "boot_l")["needs_review"] or \
        _read(BOOTS, "37的来一双", "boot_l")["items"][0]["sku"] == "boot_s"


def test_a_size_inside_the_shown_range_is_booked():
    got = _read(BOOTS, "41的来一双", "boot_l")
    assert not got["needs_review"] and got["items"][0]["sku"] == "boot_l"


def test_the_lower_end_of_a_range_names_its_listing():
    got = _read(BOOTS, "36的来一双", "boot_s")
    assert not got["needs_review"] and got["items"][0]["sku"] == "boot_s"


# -- a range of sizes said whole, a size inside a range with 码, in comments and chains ---------------------------------

def test_a_range_said_whole_names_its_listing():
    got = _read(BOOTS, "40-41的也来一双", "boot_s")
    assert not got["needs_review"] and [(i["sku"], i["qty"]) for i in got["items"]] == [("boot_l", 1)]


def test_a_size_with_ma_inside_one_range_names_that_listing():
    got = _read(BOOTS, "36码的来一双", None)
    assert not got["needs_review"] and got["items"][0]["sku"] == "boot_s"


def test_counts_first_then_ranges_in_a_chain_line(tmp_path):
    from copilot.orders.chains import chain_state
    from tests.doubles import chain_apply, chain_ledger, chain_review

    ledger = chain_ledger(tmp_path, BOOTS)
    chain_apply(ledger, "#接龙 雪地靴 36-37码 / 40-41码 99元/双\n例：小明 37码1双\n"
                        "1. 阿兰 1双40-41 1双36-37\n2. 小周2双36\n3. 老吴 40-41码1双")
    assert chain_state(ledger) == {"阿兰": {"boot_l": 1, "boot_s": 1}, "小周": {"boot_s": 2}, "老吴": {"boot_l": 1}}
    assert chain_review(ledger) == []


# -- a plain colour said for the one shade that is of it (红的 of 酒红) ------------------------------------------------

HATS = Catalog.from_dict({"products": [
    {"sku": "beret_navy", "name": "贝雷帽 藏蓝", "aliases": ["藏蓝色贝雷帽"], "link": 1, "unit": "顶", "price": 39,
     "stock": 20},
    {"sku": "beret_sky", "name": "贝雷帽 天蓝", "aliases": ["天蓝色贝雷帽"], "link": 2, "unit": "顶", "price": 39,
     "stock": 20},
    {"sku": "beret_khaki", "name": "贝雷帽 卡其", "aliases": ["卡其色贝雷帽"], "link": 3, "unit": "顶", "price": 39,
     "stock": 20},
]})

SCARVES = Catalog.from_dict({"products": [
    {"sku": "silk_rose", "name": "真丝方巾 玫红", "aliases": ["玫红色方巾"], "link": 1, "unit": "条", "price": 59,
     "stock": 20},
    {"sku": "silk_grey", "name": "真丝方巾 烟灰", "aliases": ["烟灰色方巾"], "link": 2, "unit": "条", "price": 59,
     "stock": 20},
]})


def test_a_plain_colour_names_the_one_shade_of_it():
    got = _read(SCARVES, "红的来一条", "silk_grey")
    assert not got["needs_review"] and [(i["sku"], i["qty"]) for i in got["items"]] == [("silk_rose", 1)]


def test_a_plain_colour_two_shades_end_with_names_neither():
    got = _read(HATS, "蓝的来一顶", "beret_khaki")  # 藏蓝 and 天蓝 are both blue: which one?
    assert got["needs_review"] or got["items"][0]["sku"] == "beret_khaki"


# -- a kind word of one goods in packs, with one of them shown --------------------------------------------------------

SOCKS = Catalog.from_dict({"products": [
    {"sku": "sock_one", "name": "纯棉船袜 单双", "aliases": ["单双船袜"], "link": 1, "unit": "双", "price": 6, "stock": 100},
    {"sku": "sock_box", "name": "纯棉船袜 6双装", "aliases": ["6双装船袜"], "link": 2, "unit": "盒", "pack": "6双",
     "price": 30, "stock": 40},
]})


def test_a_kind_word_with_whole_packs_of_the_box_shown_is_the_box():
    got = _read(SOCKS, "袜子12双", "sock_box")
    assert not got["needs_review"] and [(i["sku"], i["qty"]) for i in got["items"]] == [("sock_box", 2)]


def test_a_kind_word_with_a_part_pack_of_the_box_shown_is_the_single():
    got = _read(SOCKS, "袜子4双", "sock_box")
    assert not got["needs_review"] and [(i["sku"], i["qty"]) for i in got["items"]] == [("sock_one", 4)]


# -- ten 两 and more: 10两 is a 斤, not the 0两 of 10 or the "two" of 十两 ----------------------------------------------

TEA = Catalog.from_dict({"products": [
    {"sku": "longjing", "name": "龙井散茶", "aliases": ["龙井"], "link": 1, "unit": "两", "price": 30, "stock": 100,
     "limit_per_buyer": 20},
    {"sku": "dates", "name": "红枣（散称）", "aliases": ["红枣"], "link": 2, "unit": "斤", "price": 15, "stock": 100},
]})


def test_ten_liang_and_more_of_goods_sold_by_the_liang():
    for text, qty in (("来12两", 12), ("来十两", 10), ("来十五两", 15), ("来3两", 3)):
        got = _read(TEA, text, "longjing")
        assert not got["needs_review"] and got["items"][0]["qty"] == qty, text


def test_ten_liang_of_goods_sold_by_the_jin_is_a_jin():
    got = _read(TEA, "来10两", "dates")
    assert not got["needs_review"] and got["items"][0]["qty"] == 1


def test_settling_on_ten_liang_is_a_change_to_ten():
    got = _read(TEA, "那就12两吧", "longjing")
    assert got["kind"] == "modify" and not got["needs_review"] and got["items"][0]["qty"] == 12


# -- 刚才扣的1是X, 算了 then the goods settled on, a relative change in the unit of the shown goods' other pack ----------

def test_what_the_earlier_kou1_was_said_with_de_is_that_order():
    got = _read(NUTS, "刚才扣的1是盐焗腰果 一袋", None)
    assert got["kind"] == "order" and not got["needs_review"]
    assert [(i["sku"], i["qty"]) for i in got["items"]] == [("cashew_bag", 1)]


def test_never_mind_then_the_goods_settled_on_is_that_order():
    got = _read(PAIRS, "算了 就这个墨镜 一个", "shades")
    assert got["kind"] == "order" and not got["needs_review"] and got["items"][0]["sku"] == "shades"


def test_never_mind_then_other_goods_without_settling_words_is_asked():
    assert _read(PAIRS, "算了 墨镜来两个", "shades")["needs_review"]


def test_a_relative_change_in_the_unit_of_the_shown_goods_other_pack_is_that_pack():
    got = _read(NUTS, "再加一袋", "cashew_loose")
    assert got["kind"] == "modify" and not got["needs_review"]
    assert [(i["sku"], i["qty"]) for i in got["items"]] == [("cashew_bag", 1)]


# -- both kinds of the goods shown, counted without their word; 大小 of two listings told apart by 大 / 小 --------------

GLOVES = Catalog.from_dict({"products": [
    {"sku": "mitt_grey", "name": "羊绒手套 灰色", "aliases": ["灰色羊绒手套"], "link": 1, "unit": "副", "price": 49,
     "stock": 20},
    {"sku": "mitt_navy", "name": "羊绒手套 藏青", "aliases": ["藏青色羊绒手套"], "link": 2, "unit": "副", "price": 49,
     "stock": 20},
    {"sku": "mug_small", "name": "陶瓷马克杯 小号", "aliases": ["小号马克杯"], "link": 3, "unit": "个", "price": 25,
     "stock": 20},
    {"sku": "mug_big", "name": "陶瓷马克杯 大号", "aliases": ["大号马克杯"], "link": 4, "unit": "个", "price": 29,
     "stock": 20},
]})


def test_two_colours_each_with_one_of_them_shown_are_both():
    got = _read(GLOVES, "两种颜色都来一副", "mitt_navy")
    assert not got["needs_review"]
    assert sorted((i["sku"], i["qty"]) for i in got["items"]) == [("mitt_grey", 1), ("mitt_navy", 1)]


def test_big_and_small_each_with_one_shown_are_both():
    got = _read(GLOVES, "大小各来一个", "mug_small")
    assert not got["needs_review"]
    assert sorted((i["sku"], i["qty"]) for i in got["items"]) == [("mug_big", 1), ("mug_small", 1)]


def test_two_things_wanted_without_kinds_is_still_asked():
    assert _read(GLOVES, "两个都要", "mitt_navy")["needs_review"]


def test_a_count_of_kinds_beside_a_quantity_of_each_is_no_count_of_goods():
    got = _read(GLOVES, "羊绒手套两种都来一副", None)
    assert not got["needs_review"] and len(got["items"]) == 2


# -- a plain colour written apart in a name picks among the chain's offer (1青1红, 2斤青) ------------------------------

PEPPERS = Catalog.from_dict({"products": [
    {"sku": "pepper_green", "name": "尖椒 青", "aliases": ["青尖椒"], "link": 1, "unit": "斤", "price": 5, "stock": 50},
    {"sku": "pepper_red", "name": "尖椒 红", "aliases": ["红尖椒"], "link": 2, "unit": "斤", "price": 6, "stock": 50},
    {"sku": "huajiao", "name": "青花椒", "link": 3, "unit": "两", "price": 7, "stock": 50},
    {"sku": "hongzao", "name": "红枣", "link": 4, "unit": "斤", "price": 15, "stock": 50},
]})


def test_colours_written_apart_in_names_pick_in_a_chain_line(tmp_path):
    from copilot.orders.chains import chain_state
    from tests.doubles import chain_apply, chain_ledger, chain_review

    ledger = chain_ledger(tmp_path, PEPPERS)
    chain_apply(ledger, "#接龙 尖椒拼单 青尖椒5元/斤 红尖椒6元/斤\n例：小明 青尖椒2斤\n1. 阿芳1青1红\n2. 小林2斤青")
    assert chain_state(ledger) == {"阿芳": {"pepper_green": 1, "pepper_red": 1}, "小林": {"pepper_green": 2}}
    assert chain_review(ledger) == []


# -- N号 of no link, a size one listing's range holds; a grandchild the goods are for -------------------------------

def test_a_size_said_with_hao_where_no_link_has_it_names_the_range_holding_it():
    got = _read(BOOTS, "37号的雪地靴来一双", "boot_l")
    assert not got["needs_review"] and got["items"][0]["sku"] == "boot_s"


def test_a_link_number_with_hao_stays_the_link():
    got = _read(BOOTS, "2号来一双", "boot_s")
    assert not got["needs_review"] and got["items"][0]["sku"] == "boot_l"


def test_a_gift_for_a_grandchild_is_the_orders_note():
    got = _read(PAIRS, "墨镜来一副 给我孙子的", None)
    assert not got["needs_review"] and got["note"] == "给我孙子的"


# -- a family word typed by its sound around a shorter one (暖宝包 for 暖宝宝), then the unit picks the member ----------

CREAMS = Catalog.from_dict({"products": [
    {"sku": "cream_one", "name": "护手霜 单支", "aliases": ["单支护手霜"], "link": 1, "unit": "支", "price": 9,
     "stock": 100, "limit_per_buyer": 10},
    {"sku": "cream_set", "name": "护手霜 3支装", "aliases": ["3支装护手霜"], "link": 2, "unit": "盒", "pack": "3支",
     "price": 25, "stock": 50},
]})


def test_a_family_word_typed_by_its_sound_is_read_as_it():
    got = _read(CREAMS, "护手爽来2支", None)  # 爽 for 霜: 护手霜 by its sound, around 护手
    assert not got["needs_review"] and [(i["sku"], i["qty"]) for i in got["items"]] == [("cream_one", 2)]
