"""群接龙 round 63, general readings found on the picture-book (intents_blind60), baking (intents_blind61) and camping
(intents_blind62) chains, tried on invented stores:

- a bare number in a chain that offers several packs of one goods (鸡蛋 单枚 and a 20枚盒) counts in the unit the
  header says to write (写几盒就行) or limits a member to (每人限2盒): the listing sold in that unit;
- 精装 / 平装 said after a book's full title in the header is that book's binding, not another title's 精装 listing.
"""

from __future__ import annotations

from doubles import chain_pasted, chain_quantities

from copilot.base.catalog import Catalog

EGGS = Catalog.from_dict({"products": [
    {"sku": "egg_one", "name": "土鸡蛋（散卖）", "link": 1, "unit": "枚", "price": 1.2, "stock": 300},
    {"sku": "egg_box", "name": "土鸡蛋 20枚盒装", "link": 2, "unit": "盒", "pack": "20枚", "price": 22, "stock": 30,
     "limit_per_buyer": 3},
]})

BOOKS = Catalog.from_dict({"products": [
    {"sku": "moon_hc", "name": "月亮的味道 精装", "aliases": ["精装月亮的味道"], "link": 1, "unit": "本", "price": 40,
     "stock": 20},
    {"sku": "moon_pb", "name": "月亮的味道 平装", "aliases": ["平装月亮的味道"], "link": 2, "unit": "本", "price": 20,
     "stock": 20},
    {"sku": "bear", "name": "我爸爸", "link": 3, "unit": "本", "price": 30, "stock": 20, "limit_per_buyer": 3},
]})


def _run(catalog, tmp_path, *pastes):
    state, review = chain_pasted(tmp_path, catalog, *pastes)
    return chain_quantities(state), sorted(review)


def test_a_bare_number_counts_in_the_unit_the_header_writes_or_limits(tmp_path):
    state, review = _run(EGGS, tmp_path, "#接龙 土鸡蛋20枚一盒 22元 每人限3盒\n例：小明 1\n1. 小美2\n2. 阿强 1。")
    assert state == {"小美": {"egg_box": 2}, "阿强": {"egg_box": 1}} and review == []
    state, review = _run(EGGS, tmp_path / "b", "#接龙 土鸡蛋 写几盒就行\n例：小明 1\n1. 老王 3")
    assert state == {"老王": {"egg_box": 3}} and review == []


def test_a_binding_after_a_title_is_that_books(tmp_path):
    state, review = _run(BOOKS, tmp_path, "#接龙 我爸爸 精装30元一本 每人限3本\n例：小明 1\n1. 小美2\n2. 阿强 1")
    assert state == {"小美": {"bear": 2}, "阿强": {"bear": 1}} and review == []


PICKLES = Catalog.from_dict({"products": [
    {"sku": "mustard_loose", "name": "榨菜丝（散称）", "link": 1, "unit": "两", "price": 1.2, "stock": 300},
    {"sku": "mustard_bag", "name": "榨菜丝 一斤袋", "link": 2, "unit": "袋", "pack": "1斤", "price": 11, "stock": 40},
]})


def test_a_price_per_jin_offers_the_goods_sold_by_the_liang(tmp_path):
    from copilot.orders.jielong import read_chain
    from copilot.orders.parser import IntentParser
    chain = read_chain("#接龙 榨菜丝 散称12元一斤 一斤袋装11元一袋\n例：小明 散的1斤\n1. 小美 袋装2袋",
                       PICKLES, IntentParser(PICKLES).parse)
    assert [p.sku for p in chain.offered] == ["mustard_loose", "mustard_bag"]


BAKING = Catalog.from_dict({"products": [
    {"sku": "butter_s", "name": "黄油 200g", "link": 1, "unit": "块", "pack": "200g", "price": 22, "stock": 30},
    {"sku": "butter_l", "name": "黄油 454g", "link": 2, "unit": "盒", "pack": "454g", "price": 45, "stock": 30},
    {"sku": "yeast_box", "name": "酵母 5g×10小包", "aliases": ["盒装酵母"], "link": 3, "unit": "盒", "pack": "10包",
     "price": 12, "stock": 30},
    {"sku": "cream", "name": "淡奶油 1L", "link": 4, "unit": "盒", "price": 50, "stock": 60, "limit_per_buyer": 6},
    {"sku": "cream_case", "name": "淡奶油 1L 整箱12盒", "aliases": ["淡奶油整箱"], "link": 5, "unit": "箱",
     "pack": "12盒", "price": 580, "stock": 10, "limit_per_buyer": 1},
    {"sku": "flour_1", "name": "高筋面粉 1kg", "link": 6, "unit": "袋", "pack": "1kg", "price": 12, "stock": 30},
    {"sku": "flour_5", "name": "高筋面粉 2.5kg", "link": 7, "unit": "袋", "pack": "2.5kg", "price": 28, "stock": 30},
]})


def _offered(text):
    from copilot.orders.jielong import read_chain
    from copilot.orders.parser import IntentParser
    return [p.sku for p in read_chain(text, BAKING, IntentParser(BAKING).parse).offered]


def test_a_pack_word_of_the_offered_goods_offers_no_other_goods_in_that_pack():
    assert _offered("#接龙 黄油团 200g一块22元 454g一盒45元 块装限6块 盒装限3盒\n例：小明 2块\n1. 小美 1盒") == [
        "butter_s", "butter_l"]


def test_the_size_a_case_holds_offers_no_single():
    assert _offered("#接龙 淡奶油整箱团 1L×12盒 580元一箱 每人限1箱\n例：小明 1箱\n1. 小美 12盒") == ["cream_case"]


def test_the_examples_word_widens_no_offer_to_other_sizes():
    assert _offered("#接龙 高筋面粉1kg 12元 每人限5袋\n例：小明 高筋2袋\n1. 小美 高筋1袋") == ["flour_1"]


def test_a_bare_count_then_the_kind_wished_is_that_count(tmp_path):
    lamps = Catalog.from_dict({"products": [
        {"sku": "lamp", "name": "露营灯", "link": 1, "unit": "盏", "price": 59, "stock": 20}]})
    state, review = _run(lamps, tmp_path, "#接龙 露营灯 59元\n例：小明 1\n1. 阿强 2 要带挂钩的")
    assert state == {"阿强": {"lamp": 2}} and review == []


def test_a_spec_with_its_price_glued_after_is_listed():
    books = Catalog.from_dict({"products": [
        {"sku": "flap_02", "name": "翻翻书 0-2岁", "link": 1, "unit": "本", "price": 30, "stock": 20},
        {"sku": "flap_25", "name": "翻翻书 2-5岁", "link": 2, "unit": "本", "price": 35, "stock": 20}]})
    from copilot.orders.jielong import read_chain
    from copilot.orders.parser import IntentParser
    chain = read_chain("#接龙 翻翻书 0-2岁30元 2-5岁35元 各限3本\n例：小明 0-2岁1本\n1. 小美 2-5岁1本",
                       books, IntentParser(books).parse)
    assert [p.sku for p in chain.offered] == ["flap_02", "flap_25"]


def test_a_weight_alone_is_the_goods_sold_by_weight_before_a_bag_of_that_weight(tmp_path):
    state, review = _run(PICKLES, tmp_path, "#接龙 榨菜丝 散称12元一斤 一斤袋装11元一袋\n例：小明 散的1斤\n1. 小雨1斤")
    assert state == {"小雨": {"mustard_loose": 10}} and review == []


def test_an_ordinal_starts_the_order_after_a_nickname_with_digits():
    from copilot.orders.members import split_member
    series = Catalog.from_dict({"products": [
        {"sku": "vol3", "name": "神奇校车 第3册 单本", "aliases": ["校车第3册"], "link": 1, "unit": "本", "price": 20,
         "stock": 20},
        {"sku": "set1", "name": "神奇校车 第一辑", "link": 2, "unit": "套", "price": 96, "stock": 20}]})
    assert split_member("乐乐2020 第3册2本", series, list(series)) == ("乐乐2020", "第3册2本")
    assert split_member("乐乐 第3册2本", series, list(series)) == ("乐乐", "第3册2本")
