"""群接龙 round 58, general readings found on the labour-supplies (intents_blind57) and frozen-food (intents_blind58)
chains, tried on invented stores:

- a chain for one pack of goods the shop sells in two packs: the header that prices the goods in one unit only
  (36元/箱) offers the listing sold in that unit; what the pack holds (12瓶装, 20颗一盒) is no offer of the single, a
  word every listing of the goods starts with (冰柠檬茶, the single's alias) names the goods, not the single, and a
  pack word glued to the goods (冰柠檬茶整箱团) is their pack, not another product whose alias that word starts; a bare
  number is then that pack, and a count of the pieces it holds (24瓶) is whole packs of it;
- in a chain of one product, a colour before the count (阿强 红2, 萌 萌 蓝2) is the member's pick, not the end of her
  nickname, and a count then a colour (3 黄的) is that count; a size worn glued to the nickname (小K43码 2双) is the
  order's size, not the nickname's end;
- a listing named for what its pack holds and its own unit (抹布 5条捆, a 捆 of 5条) is the same goods as the single
  (抹布 单条): the unit said picks the listing, in a chain line as in a comment;
- a weight alone (1公斤, 500克) in a chain of goods sold loose by weight and in a pack is the loose listing, converted,
  and the weight one listing's name says (2kg of 2kg袋装) is that pack; goods whose listing says they are sold by the
  whole 斤 (按整斤卖) take no 半斤, in a chain line or a comment;
- counts written first and glued after the nickname (阿美1黑芝麻2花生) are the counts of each item, where the last
  item is a short word of a name (花生 of 花生汤圆), not an alias: the 1 is no part of the nickname;
- a count with its unit and no goods after an item (抹布1捆 3条) is more of the same goods in the unit it says;
- 鸡肉的 of 鸡肉白菜馄饨 beside 香菇鸡肉馄饨: the particle 的 is no slip for the 白 of one name, so the word stays the
  family word of both (a person asks), in a comment as in a chain line;
- 那就10对吧 is ten pairs (对 after a count of two digits too), not the tag question 对吧;
- a measure word that counts the same single items (根 of a 支, 块 of a 片: LABELS rule 1) picks, among packs of the
  same goods, the listing sold by that item (绿豆冰棍来两根 = 2 of the single beside its 10支装 盒);
- a glowing colour said without 色 (荧光绿) and whom the goods are for, a part of its own after the order (给我儿子,
  给我家老头), are the order's note.
"""

from __future__ import annotations

from doubles import chain_pasted, chain_quantities

from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser

CAPS = Catalog.from_dict({"products": [
    {"sku": "cap", "name": "棒球帽", "aliases": ["鸭舌帽"], "link": 1, "unit": "顶", "price": 25, "stock": 60,
     "limit_per_buyer": 3, "spec": "红、黑、白、灰四色"},
    {"sku": "slippers", "name": "居家棉拖鞋", "aliases": ["棉拖鞋", "棉拖"], "link": 2, "unit": "双", "price": 19,
     "stock": 80, "limit_per_buyer": 4, "spec": "36-45码"},
]})
RAGS = Catalog.from_dict({"products": [
    {"sku": "rag", "name": "抹布 单条", "aliases": ["单条抹布"], "link": 1, "unit": "条", "price": 3, "stock": 200,
     "limit_per_buyer": 20},
    {"sku": "rag_5", "name": "抹布 5条捆", "aliases": ["整捆抹布"], "link": 2, "unit": "捆", "price": 12,
     "stock": 40, "pack": "5条", "limit_per_buyer": 4},
    {"sku": "sponge", "name": "百洁海绵", "aliases": ["海绵"], "link": 3, "unit": "块", "price": 1, "stock": 300},
]})
PEANUTS = Catalog.from_dict({"products": [
    {"sku": "peanut", "name": "五香花生（散称）", "aliases": ["散称花生", "散装花生"], "link": 1, "unit": "斤", "price": 12,
     "stock": 100, "limit_per_buyer": 10, "spec": "散称按整斤卖，1 斤起"},
    {"sku": "peanut_bag", "name": "五香花生 2kg袋装", "aliases": ["袋装花生", "2kg花生"], "link": 2, "unit": "袋",
     "price": 45, "stock": 20, "pack": "4斤", "limit_per_buyer": 3},
    {"sku": "melon_seed", "name": "焦糖瓜子（散称）", "aliases": ["焦糖瓜子"], "link": 3, "unit": "斤", "price": 15, "stock": 50},
]})
DUMPLINGS = Catalog.from_dict({"products": [
    {"sku": "sesame", "name": "速冻汤圆 黑芝麻", "aliases": ["黑芝麻汤圆", "黑芝麻"], "link": 1, "unit": "袋", "price": 12,
     "stock": 60},
    {"sku": "peanut_ty", "name": "速冻汤圆 花生", "aliases": ["花生汤圆"], "link": 2, "unit": "袋", "price": 12, "stock": 60},
    {"sku": "red_bean", "name": "速冻汤圆 红豆", "aliases": ["红豆汤圆"], "link": 3, "unit": "袋", "price": 12, "stock": 60},
]})
WONTONS = Catalog.from_dict({"products": [
    {"sku": "chicken_cabbage", "name": "鸡肉白菜馄饨", "aliases": ["鸡肉白菜"], "link": 1, "unit": "袋", "price": 15,
     "stock": 50},
    {"sku": "mushroom_chicken", "name": "香菇鸡肉馄饨", "aliases": ["香菇鸡肉"], "link": 2, "unit": "袋", "price": 16,
     "stock": 50},
]})
FROZEN = Catalog.from_dict({"products": [
    {"sku": "lolly", "name": "绿豆冰棍 单支", "aliases": ["单支冰棍"], "link": 1, "unit": "支", "price": 2, "stock": 200},
    {"sku": "lolly_box", "name": "绿豆冰棍 10支装", "aliases": ["冰棍10支装"], "link": 2, "unit": "盒", "price": 18,
     "stock": 30, "pack": "10支"},
    {"sku": "cutlet", "name": "黑椒鸡排 单片", "aliases": ["单片鸡排"], "link": 3, "unit": "片", "price": 6, "stock": 100},
    {"sku": "cutlet_box", "name": "黑椒鸡排 5片装", "aliases": ["鸡排5片装"], "link": 4, "unit": "盒", "price": 28,
     "stock": 30, "pack": "5片"},
    {"sku": "wrist", "name": "运动护腕", "aliases": ["护腕"], "link": 5, "unit": "对", "price": 9, "stock": 50,
     "limit_per_buyer": 12},
]})
TEA_SHOP = Catalog.from_dict({"products": [
    {"sku": "tea", "name": "冰柠檬茶 单瓶", "aliases": ["冰柠檬茶", "单瓶柠檬茶"], "link": 1, "unit": "瓶", "price": 4,
     "stock": 200, "limit_per_buyer": 12},
    {"sku": "tea_case", "name": "冰柠檬茶 12瓶装", "aliases": ["柠檬茶12瓶装"], "link": 2, "unit": "箱", "price": 36,
     "stock": 30, "pack": "12瓶", "limit_per_buyer": 3},
    {"sku": "water", "name": "山泉水 单瓶", "aliases": ["单瓶山泉水"], "link": 3, "unit": "瓶", "price": 2, "stock": 300},
    {"sku": "water_case", "name": "山泉水 24瓶装", "aliases": ["整箱山泉水", "山泉水整箱"], "link": 4, "unit": "箱",
     "price": 30, "stock": 20, "pack": "24瓶"},
    {"sku": "mint", "name": "薄荷糖 单颗", "aliases": ["单颗薄荷糖"], "link": 5, "unit": "颗", "price": 1, "stock": 500},
    {"sku": "mint_box", "name": "薄荷糖 20颗装", "aliases": ["薄荷糖盒装"], "link": 6, "unit": "盒", "price": 15,
     "stock": 40, "pack": "20颗", "limit_per_buyer": 4},
]})


def _run(catalog, tmp_path, *pastes):
    state, review = chain_pasted(tmp_path, catalog, *pastes)
    return chain_quantities(state), sorted(review)


def test_a_header_pricing_only_the_pack_offers_the_pack_whatever_it_holds(tmp_path):
    state, review = _run(TEA_SHOP, tmp_path, "#接龙 薄荷糖 20颗一盒 15元/盒 每人限4盒 直接写几盒\n例：小明 1\n"
                                             "1. 小美2\n2. 阿强 1。\n3. 老王：3\n4. 丽丽 40颗")
    assert state == {"小美": {"mint_box": 2}, "阿强": {"mint_box": 1}, "老王": {"mint_box": 3}, "丽丽": {"mint_box": 2}}
    assert review == []


def test_a_pack_word_glued_to_the_goods_is_their_pack_not_another_products(tmp_path):
    state, review = _run(TEA_SHOP, tmp_path, "#接龙 冰柠檬茶整箱团 12瓶装36元/箱 每人限3箱（单瓶请到店里买）\n例：小明 2\n"
                                             "1. 小美 2\n2. 阿强 24瓶\n3. 老王 1箱")
    assert state == {"小美": {"tea_case": 2}, "阿强": {"tea_case": 2}, "老王": {"tea_case": 1}}
    assert review == []


def test_a_header_that_prices_both_packs_still_offers_both(tmp_path):
    state, review = _run(TEA_SHOP, tmp_path, "#接龙 冰柠檬茶 单瓶4元 12瓶装36元/箱\n例：小明 冰柠檬茶2瓶\n"
                                             "1. 小美 冰柠檬茶1箱\n2. 阿强 冰柠檬茶6瓶")
    assert state == {"小美": {"tea_case": 1}, "阿强": {"tea": 6}}
    assert review == []


def test_a_colour_before_or_after_the_count_is_the_pick_in_a_one_product_chain(tmp_path):
    state, review = _run(CAPS, tmp_path, "#接龙 棒球帽 25元/顶 红黑白灰 写颜色和数量 每人限3顶\n例：小明 红1\n"
                                         "1. 阿强 红2\n2. 萌 萌 黑1\n3. 老王 2 灰的\n4. 丽丽 白色 1")
    assert state == {"阿强": {"cap": 2}, "萌 萌": {"cap": 1}, "老王": {"cap": 2}, "丽丽": {"cap": 1}}
    assert review == []


def test_a_size_worn_glued_to_the_nickname_is_the_orders(tmp_path):
    state, review = _run(CAPS, tmp_path, "#接龙 居家棉拖鞋 19元/双 36-45码 写码数和双数\n例：小明 40码1双\n"
                                         "1. 小K38码 2双\n2. 阿强 42码1双\n3. Lily39码 1双")
    assert state == {"小K": {"slippers": 2}, "阿强": {"slippers": 1}, "Lily": {"slippers": 1}}
    assert review == []


def test_a_pack_named_for_what_it_holds_and_its_unit_is_the_same_goods():
    parse = IntentParser(RAGS).parse
    assert [(i.sku, i.qty) for i in parse("抹布来2捆").items] == [("rag_5", 2)]
    assert [(i.sku, i.qty) for i in parse("抹布来3条").items] == [("rag", 3)]
    assert [(i.sku, i.qty) for i in parse("来10条", "rag_5").items] == [("rag_5", 2)]


def test_the_unit_picks_the_pack_named_for_what_it_holds_in_a_chain(tmp_path):
    state, review = _run(RAGS, tmp_path, "#接龙 抹布 单条3元 整捆5条12元\n例：小明 抹布1捆\n"
                                         "1. 小美 抹布1捆\n2. 阿强 抹布6条\n3. 老王 一捆")
    assert state == {"小美": {"rag_5": 1}, "阿强": {"rag": 6}, "老王": {"rag_5": 1}}
    assert review == []


def test_a_weight_alone_is_the_loose_goods_and_a_named_weight_the_pack(tmp_path):
    state, review = _run(PEANUTS, tmp_path, "#接龙 五香花生 散称12元/斤 2kg袋装45元/袋 散称限10斤\n例：小明 散称2斤\n"
                                            "1. 小美 1公斤\n2. 阿强 2kg\n3. 老王 500克\n4. 丽丽 花生半斤")
    assert state == {"小美": {"peanut": 2}, "阿强": {"peanut_bag": 1}, "老王": {"peanut": 1}}
    assert review == ["丽丽"]


def test_goods_sold_by_the_whole_jin_take_no_half_in_a_comment():
    parse = IntentParser(PEANUTS).parse
    assert parse("来半斤", "peanut").needs_review
    assert parse("来一斤半", "peanut").needs_review
    assert [(i.sku, i.qty) for i in parse("来两斤", "peanut").items] == [("peanut", 2)]
    assert [(i.sku, i.qty) for i in parse("来半斤", "melon_seed").items] == [("melon_seed", 0.5)]


def test_counts_first_glued_after_the_nickname_are_the_items_counts(tmp_path):
    state, review = _run(DUMPLINGS, tmp_path, "#接龙 速冻汤圆 黑芝麻 花生 红豆 12元/袋\n例：小明 黑芝麻2袋\n"
                                              "1. 阿美1黑芝麻2花生\n2. 老王2红豆\n3. 丽丽 花生1")
    assert state == {"阿美": {"sesame": 1, "peanut_ty": 2}, "老王": {"red_bean": 2}, "丽丽": {"peanut_ty": 1}}
    assert review == []


def test_a_bare_count_after_an_item_is_more_of_those_goods_in_its_unit(tmp_path):
    state, review = _run(RAGS, tmp_path, "#接龙 抹布 单条3元 整捆5条12元\n例：小明 抹布1捆\n"
                                         "1. 小美 抹布1捆 3条\n2. 阿强 抹布2条 4条")
    assert state == {"小美": {"rag_5": 1, "rag": 3}}
    assert review == ["阿强"]


def test_a_family_word_said_with_de_is_no_slip_for_one_name():
    parse = IntentParser(WONTONS).parse
    for shown in (None, "chicken_cabbage", "mushroom_chicken"):
        assert parse("鸡肉的来两袋", shown).needs_review
    assert [(i.sku, i.qty) for i in parse("白菜的来两袋").items] == [("chicken_cabbage", 2)]


def test_a_count_of_pairs_before_dui_ba_is_no_tag_question():
    parse = IntentParser(FROZEN).parse
    said = parse("那就10对吧", "wrist")
    assert (said.kind.value, [(i.sku, i.qty) for i in said.items]) == ("modify", [("wrist", 10)])
    assert parse("这个是纯棉的对吧", "wrist").kind.value == "question"


def test_a_measure_word_of_the_same_single_item_picks_the_single_listing():
    parse = IntentParser(FROZEN).parse
    assert [(i.sku, i.qty) for i in parse("绿豆冰棍来两根").items] == [("lolly", 2)]
    assert [(i.sku, i.qty) for i in parse("鸡排来三块", "cutlet_box").items] == [("cutlet", 3)]
    assert [(i.sku, i.qty) for i in parse("绿豆冰棍来一盒").items] == [("lolly_box", 1)]


def test_a_glowing_colour_and_whom_the_goods_are_for_are_the_orders_note():
    parse = IntentParser(FROZEN).parse
    said = parse("护腕来两对 要荧光绿", "wrist")
    assert ([(i.sku, i.qty) for i in said.items], said.note) == ([("wrist", 2)], "要荧光绿")
    said = parse("来一对 给我儿子", "wrist")
    assert ([(i.sku, i.qty) for i in said.items], said.note) == ([("wrist", 1)], "给我儿子")
    said = parse("来三对 给我家老头", "wrist")
    assert ([(i.sku, i.qty) for i in said.items], said.note) == ([("wrist", 3)], "给我家老头")
