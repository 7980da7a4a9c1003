"""Orders, round 66 (tuning helper c6): readings of Chinese a store owner recognises, each with examples of our own.

- a colour said of one part of the goods (保温杯 蓝盖 / 红盖, 相框 金边 / 银边) tells listings of one goods apart as the
  colour alone does, so the goods word with one of them shown is the one shown (LABELS rule 9);
- 就 before a colour (就红的来一个) settles on that listing;
- 只 counts one whole thing sold by the 块 (一只手表 is 一块);
- 够用了 said of the goods with no order word (三层够用了) is a remark, no order;
- 肉圆 / 鱼圆 are how much of the south says 肉丸 / 鱼丸 (``data/synonyms.txt``, read inside a longer word too);
- a place word that one product's alias puts before its own name (汕头 of 汕头沙茶酱), glued before other goods, says
  where those goods are from;
- 散装的 / 散称的 said with goods in a bag on screen names the loose listing of those goods (as 单的 names the single);
- in a 接龙, a bare width glued to the nickname or after the count (王姐12 2条, 小K1条12) is the offered width, even when
  it is the link of goods the chain does not offer; 牛肉丸 in a chain of 牛肉丸 and 猪肉丸 is no bare 肉丸;
- 剁椒 / 小米椒 are the everyday words for 剁辣椒 / 小米辣; 天蓝的给我女儿: the colour picks, whom it is for is a note;
- a weight of goods sold loose by weight beside jars of them is the loose goods (LABELS rule 2: the unit picks);
- an amount that is two or more boxes of the size shown and exactly one box of another size of it (来300克 with the
  150克 shown beside the 300克) is asked about: two small or one big;
- 穿着不闷脚吧, 不会开胶吧: how the goods are in use, guessed for the host to confirm, is a question;
- 我老公穿XL 我穿L 各来一件: who wears which size names those sizes, one of each;
- a colour said that no listing of goods sold in colours holds (绿色的 of 蓝盖 / 红盖) is asked, not booked as the shown.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW


def _catalog(*rows):
    products = []
    for i, row in enumerate(rows):
        sku, name, unit, *pack = row
        products.append({"sku": sku, "name": name, "aliases": [], "link": i + 1, "unit": unit, "price": 10,
                         "stock": 50, **({"pack": pack[0]} if pack else {})})
    return Catalog.from_dict({"products": products})


CUPS = _catalog(("cup_blue", "保温杯 蓝盖", "个"), ("cup_red", "保温杯 红盖", "个"), ("kettle", "烧水壶", "个"))
WATCHES = _catalog(("watch", "电子手表", "块"), ("rack", "三层鞋架", "个"))


def _read(catalog, text, current=None):
    return IntentParser(catalog).parse(text, current).to_dict()


def _items(got):
    return [(i["sku"], i["qty"]) for i in got["items"]]


def test_a_colour_of_one_part_tells_one_goods_apart_and_the_one_shown_is_meant():
    got = _read(CUPS, "保温杯来两个", "cup_red")
    assert _items(got) == [("cup_red", 2)] and not got["needs_review"]
    assert _read(CUPS, "保温杯 x1", "cup_blue")["items"][0]["sku"] == "cup_blue"


def test_the_goods_word_with_no_member_shown_still_asks():
    assert _read(CUPS, "保温杯来两个", "kettle")["needs_review"]


def test_jiu_before_a_colour_settles_on_that_listing():
    got = _read(CUPS, "那就蓝的来一个吧", "cup_red")
    assert _items(got) == [("cup_blue", 1)] and not got["needs_review"]


def test_zhi_counts_a_watch_sold_by_the_kuai():
    got = _read(WATCHES, "来两只", "watch")
    assert _items(got) == [("watch", 2)] and not got["needs_review"]


def test_enough_for_use_is_a_remark_not_an_order():
    assert _read(WATCHES, "三层够用了", "rack")["kind"] == "other"
    got = _read(WATCHES, "来一个 够用了", "rack")
    assert _items(got) == [("rack", 1)]


# --- names said another way, qualifiers, and the kin of the goods shown

BALLS = _catalog(("pork_loose", "猪肉丸（散称）", "斤"), ("pork_bag", "猪肉丸 500克袋", "袋", "500克"),
                 ("fish_loose", "鱼丸（散称）", "斤"), ("sauce", "沙茶酱", "罐"),
                 ("paste_s", "鱼滑 200克", "盒", "200克"), ("paste_l", "鱼滑 400克", "盒", "400克"),
                 ("tofu_s", "千页豆腐 200克", "盒", "200克"))
SAUCES = Catalog.from_dict({"products": [
    {"sku": "sauce", "name": "沙茶酱", "aliases": ["汕头沙茶酱"], "link": 1, "unit": "罐", "price": 16, "stock": 30},
    {"sku": "beef", "name": "牛肉丸（散称）", "aliases": [], "link": 2, "unit": "斤", "price": 48, "stock": 30},
    {"sku": "beef_bag", "name": "牛肉丸 1000克袋", "aliases": [], "link": 3, "unit": "袋", "pack": "1000克",
     "price": 90, "stock": 30}]})


def test_rou_yuan_is_how_the_south_says_rou_wan():
    got = _read(BALLS, "猪肉圆来两袋", "sauce")
    assert _items(got) == [("pork_bag", 2)] and not got["needs_review"]
    assert _items(_read(BALLS, "鱼圆 x3", "fish_loose")) == [("fish_loose", 3)]


def test_a_place_word_of_one_alias_glued_before_other_goods_says_where_they_are_from():
    assert _read(SAUCES, "汕头牛肉丸 太香了", "beef")["kind"] == "other"
    assert _items(_read(SAUCES, "汕头沙茶酱来一罐", "beef")) == [("sauce", 1)]
    assert _read(SAUCES, "汕头的来一罐", "beef")["needs_review"]  # said alone: which goods? a person asks


def test_a_pack_word_several_listings_hold_names_the_one_of_the_goods_shown():
    got = _read(BALLS, "散称的来三斤", "pork_bag")
    assert _items(got) == [("pork_loose", 3)] and not got["needs_review"]
    assert _read(BALLS, "散称的来三斤", "sauce")["needs_review"]  # nothing of those goods shown


# --- 接龙 lines

STRAPS = Catalog.from_dict({"products": [
    {"sku": "clock", "name": "木质座钟", "aliases": [], "link": 12, "unit": "台", "price": 99, "stock": 10},
    {"sku": "band_12", "name": "硅胶表带 12mm", "aliases": ["12mm表带"], "link": 1, "unit": "条", "price": 20, "stock": 30},
    {"sku": "band_16", "name": "硅胶表带 16mm", "aliases": ["16mm表带"], "link": 2, "unit": "条", "price": 20, "stock": 30}]})
MEATBALLS = Catalog.from_dict({"products": [
    {"sku": "beef", "name": "牛肉丸（散称）", "aliases": ["散称牛肉丸"], "link": 1, "unit": "斤", "price": 48, "stock": 30},
    {"sku": "beef_bag", "name": "牛肉丸 500克袋", "aliases": ["袋装牛肉丸"], "link": 2, "unit": "袋", "pack": "500克",
     "price": 50, "stock": 30},
    {"sku": "pork", "name": "猪肉丸（散称）", "aliases": ["散称猪肉丸"], "link": 3, "unit": "斤", "price": 28, "stock": 30}]})


def _chain(catalog, tmp_path, text):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", catalog, "2026-12-01")
    apply_chain(ledger, text, IntentParser(catalog).parse)
    return chain_state(ledger), sorted(ln.buyer for ln in ledger.lines(status=REVIEW))


def test_a_width_glued_to_the_nickname_or_after_the_count_is_the_offered_width(tmp_path):
    state, review = _chain(STRAPS, tmp_path, "#接龙 硅胶表带 12mm/16mm 20元一条\n例：小明 12mm 1条\n"
                                             "1. 王姐12 2条\n2. 小K1条12\n3. 阿芬 16 1条\n4. 乐乐2021 1条")
    assert state == {"王姐": {"band_12": 2}, "小K": {"band_12": 1}, "阿芬": {"band_16": 1}}
    assert review == ["乐乐2021"]  # a year in the nickname, no width: which band?


def test_an_animal_before_rou_wan_names_that_meat_in_a_chain(tmp_path):
    state, review = _chain(MEATBALLS, tmp_path, "#接龙 丸子拼团 牛肉丸48/斤 猪肉丸28/斤\n例：小明 牛肉丸1斤\n"
                                                 "1. 阿May 牛肉丸2斤\n2. 小周 猪肉圆1斤 牛肉丸1斤\n3. 老王 肉丸2斤")
    assert state == {"阿May": {"beef": 2}, "小周": {"pork": 1, "beef": 1}}
    assert review == ["老王"]  # 肉丸 alone: beef or pork


# --- short names, whom the goods are for, a weight beside jars, sizes, and questions asked with 吧

JARS = _catalog(("chili_s", "剁辣椒 300克瓶", "瓶", "300克"), ("chili_l", "剁辣椒 600克瓶", "瓶", "600克"),
                ("umb_red", "晴雨伞 大红", "把"), ("umb_blue", "晴雨伞 天蓝", "把"))
HONEY = _catalog(("honey_loose", "枣花蜜（散装）", "斤"), ("honey_jar", "枣花蜜 500克瓶", "瓶", "500克"))


def test_duo_jiao_is_the_everyday_short_of_duo_la_jiao():
    assert _items(_read(JARS, "剁椒来一瓶", "chili_l")) == [("chili_l", 1)]


def test_whom_the_goods_are_for_after_the_colour_is_a_note_and_the_colour_still_picks():
    got = _read(JARS, "天蓝的给我女儿 来一把", "umb_red")
    assert _items(got) == [("umb_blue", 1)] and "给我女儿" in got["note"]


def test_a_weight_of_goods_sold_loose_beside_jars_is_the_loose_goods():
    got = _read(HONEY, "枣花蜜来两斤")
    assert _items(got) == [("honey_loose", 2)] and not got["needs_review"]
    assert _items(_read(HONEY, "来一斤", "honey_loose")) == [("honey_loose", 1)]
    assert _items(_read(HONEY, "枣花蜜来两瓶")) == [("honey_jar", 2)]


SHRIMP = _catalog(("paste_s", "虾滑 150克", "盒", "150克"), ("paste_l", "虾滑 300克", "盒", "300克"),
                  ("prawn_l", "虾仁 大号 500克", "盒", "500克"), ("prawn_m", "虾仁 中号 500克", "盒", "500克"),
                  ("boots", "雨靴", "双"))


def test_one_big_box_or_two_small_ones_is_asked():
    got = _read(SHRIMP, "来300克", "paste_s")
    assert got["kind"] == "order" and got["needs_review"]
    assert _items(_read(SHRIMP, "来600克", "paste_l")) == [("paste_l", 2)]  # no box holds 600克: two of the shown
    assert _items(_read(SHRIMP, "来一斤", "prawn_l")) == [("prawn_l", 1)]  # one of the shown, not the other size


def test_how_the_goods_are_in_use_asked_with_ba_is_a_question():
    assert _read(SHRIMP, "穿着不闷脚吧", "boots")["kind"] == "question"
    assert _read(SHRIMP, "不会开胶吧", "boots")["kind"] == "question"
    assert _items(_read(SHRIMP, "来一双吧", "boots")) == [("boots", 1)]


COATS = _catalog(("coat_m", "冲锋衣 M", "件"), ("coat_l", "冲锋衣 L", "件"))


def test_who_wears_which_size_then_each_is_one_of_each_size():
    got = _read(COATS, "我闺女穿M 我穿L 各来一件", "coat_l")
    assert sorted(_items(got)) == [("coat_l", 1), ("coat_m", 1)] and not got["needs_review"]
    assert _items(_read(COATS, "我老公穿L 来一件", "coat_m")) == [("coat_l", 1)]


def test_a_colour_no_listing_of_the_goods_holds_is_asked():
    got = _read(CUPS, "绿色的来一个", "cup_red")
    assert got["needs_review"] and not got["items"]
    assert _items(_read(CUPS, "蓝的来一个", "cup_red")) == [("cup_blue", 1)]
