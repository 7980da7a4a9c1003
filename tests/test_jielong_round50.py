"""群接龙 round 50, general readings found on the juice-bar (intents_blind51) and accessories-shop (intents_blind52)
chains, tried on invented stores:

- the same goods sold by the 杯 and in a 桶 whose name glues its size to the pack word (酸梅汤 1.5L桶装): one goods in
  two packs, so the unit said picks the listing (LABELS rule 2), in a chain line as in a comment;
- a size said as a name (1L 2瓶) that several of the shop's goods hold and exactly one offered product does is that
  product, as the chain's offer tells;
- 单瓶 (单 and the single's unit) in a chain that offers goods by the 瓶 and in a 整箱 of them names the single;
- 项链 over 毛衣链 and 银项链: a category word of general Chinese covering two offered products is their family,
  though only one name holds it (review, never a guess booked); with only one of them offered, the chain says which.
"""

from __future__ import annotations

from doubles import chain_pasted, chain_quantities

from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser

DRINKS = Catalog.from_dict({"products": [
    {"sku": "plum_cup", "name": "酸梅汤 杯装 500ml", "link": 1, "unit": "杯", "price": 8, "stock": 50},
    {"sku": "plum_tub", "name": "酸梅汤 1.5L桶装", "aliases": ["酸梅汤桶装"], "link": 2, "unit": "桶", "price": 25,
     "stock": 20, "limit_per_buyer": 2},
    {"sku": "soy_cup", "name": "原味豆浆 小杯", "link": 3, "unit": "杯", "price": 3, "stock": 50},
    {"sku": "soy_1l", "name": "原味豆浆 1L家庭装", "aliases": ["1L豆浆"], "link": 4, "unit": "瓶", "price": 10,
     "stock": 30},
    {"sku": "rice_wine", "name": "甜米酒 1L", "aliases": ["1L米酒"], "link": 5, "unit": "瓶", "price": 18, "stock": 30},
    {"sku": "soda", "name": "苏打水 400ml", "link": 6, "unit": "瓶", "price": 5, "stock": 120},
    {"sku": "soda_case", "name": "苏打水 整箱12瓶", "aliases": ["整箱苏打水"], "link": 7, "unit": "箱", "price": 55,
     "stock": 10, "pack": "12瓶"},
]})
NECKLACES = Catalog.from_dict({"products": [
    {"sku": "sweater_chain", "name": "毛衣链 70cm", "aliases": ["毛衣链"], "link": 1, "unit": "条", "price": 29,
     "stock": 30},
    {"sku": "silver", "name": "银项链 45cm", "aliases": ["银项链"], "link": 2, "unit": "条", "price": 59, "stock": 30},
    {"sku": "scarf", "name": "印花丝巾", "aliases": ["丝巾"], "link": 3, "unit": "条", "price": 39, "stock": 30},
]})


def _run(catalog, tmp_path, *pastes):
    state, review = chain_pasted(tmp_path, catalog, *pastes)
    return state, sorted(review)


def test_a_size_glued_to_the_pack_word_is_the_same_goods_told_apart_by_the_unit(tmp_path):
    state, review = _run(DRINKS, tmp_path, "#接龙 酸梅汤 8元/杯 25元/桶 原味豆浆 小杯3元\n例：小明 酸梅汤1杯\n"
                                           "1. 小美 酸梅汤2杯 豆浆小杯1杯\n2. 阿强 酸梅汤1桶\n3. 老王 酸梅汤1杯")
    assert chain_quantities(state) == {"小美": {"plum_cup": 2, "soy_cup": 1}, "阿强": {"plum_tub": 1}, "老王": {"plum_cup": 1}}
    assert review == []


def test_the_unit_picks_the_pack_in_a_comment_too():
    parse = IntentParser(DRINKS).parse
    assert [(i.sku, i.qty) for i in parse("酸梅汤来两杯").items] == [("plum_cup", 2)]
    assert [(i.sku, i.qty) for i in parse("酸梅汤来一桶").items] == [("plum_tub", 1)]
    assert parse("酸梅汤来一瓶").needs_review


def test_a_size_several_goods_hold_names_the_one_offered(tmp_path):
    state, review = _run(DRINKS, tmp_path, "#接龙 原味豆浆\n    小杯 3元\n    1L家庭装 10元/瓶\n例：小明 1L 1瓶\n"
                                           "1. 小美 1L 2瓶\n2. 阿强 1L1瓶\n3. 老王 小杯2杯")
    assert chain_quantities(state) == {"小美": {"soy_1l": 2}, "阿强": {"soy_1l": 1}, "老王": {"soy_cup": 2}}
    assert review == []


def test_dan_and_the_unit_names_the_single_of_the_goods_offered_in_two_packs(tmp_path):
    state, review = _run(DRINKS, tmp_path, "#接龙 苏打水 单瓶5元 整箱12瓶55元\n例：小明 整箱1箱\n"
                                           "1. 小美 单瓶4瓶\n2. 阿强 整箱1箱\n3. 老王 单瓶的2瓶")
    assert chain_quantities(state) == {"小美": {"soda": 4}, "阿强": {"soda_case": 1}, "老王": {"soda": 2}}
    assert review == []


def test_a_category_word_over_two_offered_products_is_review_until_the_member_says(tmp_path):
    head = "#接龙 毛衣链29元/条 银项链59元/条 印花丝巾39元/条\n例：小明 毛衣链1条+丝巾1条\n"
    state, review = _run(NECKLACES, tmp_path / "family", head + "1. 小美 项链1条\n2. 阿强 银项链1条 丝巾1条")
    assert chain_quantities(state) == {"阿强": {"silver": 1, "scarf": 1}}
    assert review == ["小美"]
    state, review = _run(NECKLACES, tmp_path / "family", head + "1. 小美 毛衣链1条\n2. 阿强 银项链1条 丝巾1条")
    assert chain_quantities(state) == {"小美": {"sweater_chain": 1}, "阿强": {"silver": 1, "scarf": 1}}
    assert review == []


def test_a_category_word_over_one_offered_product_is_that_product(tmp_path):
    state, review = _run(NECKLACES, tmp_path, "#接龙 银项链 59元/条\n例：小明 项链1条\n1. 小美 项链1条\n2. 阿强 2条")
    assert chain_quantities(state) == {"小美": {"silver": 1}, "阿强": {"silver": 2}}
    assert review == []


def test_a_category_word_over_two_products_is_review_in_a_comment():
    parse = IntentParser(NECKLACES).parse
    assert parse("项链来一条").needs_review
    assert parse("项链来一条", "silver").needs_review
    assert [(i.sku, i.qty) for i in parse("银项链来一条").items] == [("silver", 1)]
