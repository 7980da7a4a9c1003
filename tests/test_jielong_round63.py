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
