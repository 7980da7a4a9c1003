"""Parser round 38, probed on invented stores (a bakery, a rice-and-oil shop, a tea house), none of the sets' own:
LABELS rule 2 in full. A unit said alone that another listing of the shown goods is sold in picks that listing,
whichever pack is on screen (来一箱 with the 单瓶 shown, 来6瓶 with the 整箱 shown); a quantity the shown listing's
declared pack makes whole stays the shown pack (要48瓶 with a 24瓶 箱 shown: 2 箱, rule 1); a part pack with no
listing sold in the unit, or a unit two listings share, stays for a person. In a 接龙 the offer is the screen: a
chain of one pack keeps a line in another pack's unit for a person, a chain of both packs picks by the unit."""

from __future__ import annotations

from doubles import chain_ledger

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.parser import IntentParser
from copilot.orders.rules import parse
from copilot.orders.schema import REVIEW

SODA = Catalog.from_dict({"products": [
    {"sku": "soda_one", "name": "苏打气泡水 单瓶", "link": 1, "unit": "瓶", "price": 4, "stock": 300,
     "limit_per_buyer": 30},
    {"sku": "soda_case", "name": "苏打气泡水 整箱", "link": 2, "unit": "箱", "pack": "24瓶", "price": 80, "stock": 20,
     "limit_per_buyer": 3},
    {"sku": "bread", "name": "全麦吐司", "link": 3, "unit": "袋", "price": 15, "stock": 40},
]})

TEA = Catalog.from_dict({"products": [
    {"sku": "tea_one", "name": "老班章生普 单饼", "link": 1, "unit": "个", "pack": "1饼", "price": 300, "stock": 40},
    {"sku": "tea_ti", "name": "老班章生普 整提", "link": 2, "unit": "提", "pack": "7饼", "price": 2000, "stock": 10},
    {"sku": "brick", "name": "安化黑茶 茯砖", "link": 3, "unit": "块", "price": 120, "stock": 20},
]})

# a 提 with no listing sold by the 饼: 3饼 is a part of the 提 and nothing else
TEA_TI_ONLY = Catalog.from_dict({"products": [
    {"sku": "tea_ti", "name": "老班章生普 整提", "link": 2, "unit": "提", "pack": "7饼", "price": 2000, "stock": 10},
    {"sku": "brick", "name": "安化黑茶 茯砖", "link": 3, "unit": "块", "price": 120, "stock": 20},
]})

# two listings of the same oil sold by the 桶: 来一桶 with the 箱 shown names neither alone
OIL = Catalog.from_dict({"products": [
    {"sku": "oil_small", "name": "压榨花生油（5L装）", "link": 1, "unit": "桶", "price": 89, "stock": 40},
    {"sku": "oil_big", "name": "压榨花生油（10L装）", "link": 2, "unit": "桶", "price": 169, "stock": 40},
    {"sku": "oil_case", "name": "压榨花生油（整箱）", "link": 3, "unit": "箱", "pack": "4桶", "price": 340, "stock": 10},
]})


def _read(text, current, catalog=SODA):
    intent = parse(text, catalog, current)
    return intent, {i.sku: i.qty for i in intent.items}


def test_a_unit_said_alone_picks_the_other_pack_of_the_shown_goods():
    intent, items = _read("来一箱", "soda_one")  # the 单瓶 shown, the 箱 is the 整箱's
    assert not intent.needs_review and items == {"soda_case": 1}
    intent, items = _read("来6瓶", "soda_case")  # the 整箱 shown, the 瓶 is the 单瓶's (a quarter case is no order)
    assert not intent.needs_review and items == {"soda_one": 6}


def test_a_pack_of_one_declared_is_the_listing_sold_in_that_unit():
    intent, items = _read("来3饼", "tea_ti", TEA)  # 单饼 is sold by the 个 with pack 1饼
    assert not intent.needs_review and items == {"tea_one": 3}
    intent, items = _read("来一提", "tea_one", TEA)
    assert not intent.needs_review and items == {"tea_ti": 1}


def test_whole_packs_of_the_shown_listing_stay_the_shown_pack():
    intent, items = _read("要48瓶", "soda_case")  # 48瓶 = 2 箱 by the shown listing's pack (rule 1)
    assert not intent.needs_review and items == {"soda_case": 2}
    intent, items = _read("要14饼", "tea_ti", TEA)
    assert not intent.needs_review and items == {"tea_ti": 2}


def test_a_part_pack_with_no_listing_sold_in_the_unit_stays_for_a_person():
    intent, _ = _read("来3饼", "tea_ti", TEA_TI_ONLY)
    assert intent.needs_review


def test_a_unit_two_listings_share_stays_for_a_person():
    intent, _ = _read("来一桶", "oil_case", OIL)  # the 5L or the 10L?
    assert intent.needs_review
    intent, items = _read("来一箱", "oil_small", OIL)  # one listing by the 箱: the case
    assert not intent.needs_review and items == {"oil_case": 1}


def test_other_goods_sold_in_the_unit_are_not_picked():
    intent, _ = _read("来一袋", "soda_one")  # the 吐司 is sold by the 袋, but it is other goods
    assert intent.needs_review


def test_a_chain_of_one_pack_keeps_another_packs_unit_for_a_person(tmp_path):
    """The chain's offer is its screen: a line in the unit of a pack it does not offer is asked, said with an order
    word or not (the parser alone would pick the 整箱 for 来一箱)."""
    ledger = chain_ledger(tmp_path, SODA)
    apply_chain(ledger, "#接龙 苏打气泡水 单瓶4元\n例：小明 6瓶\n1. 小周 6瓶\n2. 阿梅 1箱\n3. 老吴 来一箱\n",
                IntentParser(SODA).parse)
    assert chain_state(ledger) == {"小周": {"soda_one": 6.0}}
    assert {ln.buyer for ln in ledger.lines(status=REVIEW)} == {"阿梅", "老吴"}


def test_a_chain_offering_both_packs_picks_by_the_unit(tmp_path):
    ledger = chain_ledger(tmp_path, SODA)
    apply_chain(ledger, "#接龙 苏打气泡水 单瓶4元 整箱80元\n例：小明 6瓶\n1. 小周 6瓶\n2. 阿梅 1箱\n",
                IntentParser(SODA).parse)
    assert chain_state(ledger) == {"小周": {"soda_one": 6.0}, "阿梅": {"soda_case": 1.0}}


NOODLES = Catalog.from_dict({"products": [
    {"sku": "sauerkraut_cup", "name": "老坛酸菜面 单桶", "link": 1, "unit": "桶", "price": 5, "stock": 100},
    {"sku": "sauerkraut_box", "name": "老坛酸菜面 整箱12桶", "aliases": ["整箱泡面"], "link": 2, "unit": "箱",
     "pack": "12桶", "price": 50, "stock": 10},
    {"sku": "ramen", "name": "韩式辣拉面 单袋", "link": 3, "unit": "袋", "price": 6, "stock": 60},
]})


def test_instant_noodles_said_without_a_unit_is_any_of_them():
    intent, _ = _read("泡面 x2", None, NOODLES)  # 泡面 is any instant noodles, not only the 整箱泡面
    assert intent.needs_review
    intent, _ = _read("泡面来两袋", "ramen", NOODLES)  # the 拉面 by the 袋, or a pack of the 酸菜面?
    assert intent.needs_review


def test_the_unit_still_picks_the_pack_of_the_goods_the_word_names():
    intent, items = _read("泡面来两桶", "ramen", NOODLES)  # only the 酸菜面 is sold by the 桶
    assert not intent.needs_review and items == {"sauerkraut_cup": 2}
    intent, items = _read("泡面来一箱", None, NOODLES)
    assert not intent.needs_review and items == {"sauerkraut_box": 1}


MATS = Catalog.from_dict({"products": [
    {"sku": "mat_15", "name": "宝宝爬行垫 15mm", "aliases": ["15mm爬行垫", "15毫米爬行垫", "15mm爬爬垫"], "link": 1, "unit": "张", "price": 99,
     "stock": 30},
    {"sku": "mat_20", "name": "宝宝爬行垫 加厚20mm", "aliases": ["20mm爬行垫", "加厚爬行垫"], "link": 2, "unit": "张",
     "price": 129, "stock": 30},
    {"sku": "bumper", "name": "床围 1.5米", "link": 20, "unit": "套", "price": 159, "stock": 20},
    {"sku": "rattle", "name": "摇铃玩具", "link": 15, "unit": "个", "price": 19, "stock": 20},
]})


def test_a_thickness_in_latin_letters_names_its_product():
    """20mm is the mat's thickness, not link 20 (the 床围): a size in Latin letters is a word of one name, as 20毫米 is."""
    intent, items = _read("20mm的来一张", "mat_15", MATS)
    assert not intent.needs_review and items == {"mat_20": 1}
    intent, items = _read("15mm的来两张", "mat_15", MATS)
    assert not intent.needs_review and items == {"mat_15": 2}
