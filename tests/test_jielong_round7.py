"""群接龙, round 7: the amount of a paid remark (已付27, 已转 18元) is no quantity; a count glued to a typo of a
product's name (特拉1) is read; 份 of skewers sold per 把 of 10 串 waits for review."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state
from tests.doubles import chain_apply, chain_ledger, chain_review

TEA = Catalog.from_dict({"products": [
    {"sku": "jasmine", "name": "茉莉花茶", "link": 1, "unit": "罐", "price": 45, "stock": 30},
    {"sku": "oolong", "name": "铁观音", "link": 2, "unit": "罐", "price": 60, "stock": 30},
    {"sku": "skewer", "name": "牛肉串", "link": 3, "unit": "把", "spec": "每把 10 串", "price": 35, "stock": 30},
    {"sku": "cookie", "name": "手工曲奇", "link": 4, "unit": "盒", "price": 28, "stock": 30},
    {"sku": "sesame", "name": "黑芝麻汤圆", "link": 5, "unit": "袋", "price": 15, "stock": 30},
    {"sku": "peanut", "name": "花生汤圆", "link": 6, "unit": "袋", "price": 15, "stock": 30},
]})
HEAD = "#接龙 周末茶叶预定 茉莉花茶45一罐 铁观音60一罐\n例：小明 茉莉花茶1\n"


def _ledger(tmp_path):
    return chain_ledger(tmp_path, TEA)


_apply = chain_apply
_review = chain_review


def test_the_amount_of_a_paid_remark_is_no_quantity(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, HEAD + "1. 小林 茉莉花茶2 已付90\n2. 阿芳 铁观音1 茉莉花茶1 已转105元\n3. 老丁 铁观音2罐（已付120）")
    want = {"小林": {"jasmine": 2}, "阿芳": {"oolong": 1, "jasmine": 1}, "老丁": {"oolong": 2}}
    assert chain_state(ledger) == want
    assert _review(ledger) == []
    _apply(ledger, HEAD + "1. 小林 茉莉花茶2 已付90\n2. 阿芳 铁观音1 茉莉花茶1 已转105元\n3. 老丁 铁观音2罐（已付120）")
    assert chain_state(ledger) == want  # pasted again: nothing changes


def test_a_paid_amount_after_a_bare_count_or_shorthand(tmp_path):
    ledger = _ledger(tmp_path)
    head = "#接龙 手工曲奇 28一盒\n例：小明 2\n"
    _apply(ledger, head + "1. 阿强 3 已付84\n2. 王奶奶：1 已转28元\n3. 小雨2")
    assert chain_state(ledger) == {"阿强": {"cookie": 3}, "王奶奶": {"cookie": 1}, "小雨": {"cookie": 2}}
    assert _review(ledger) == []
    ledger = _ledger(tmp_path / "tea")
    _apply(ledger, HEAD + "1. 阿芳 1茉莉2铁观音 已付165")
    assert chain_state(ledger) == {"阿芳": {"jasmine": 1, "oolong": 2}}


def test_a_paid_remark_before_a_quantity_with_its_unit_keeps_the_quantity(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, HEAD + "1. 小林 已付 茉莉花茶2罐\n2. 阿芳 铁观音 已付 1罐")
    assert chain_state(ledger) == {"小林": {"jasmine": 2}, "阿芳": {"oolong": 1}}


def test_a_count_glued_to_a_typo_of_a_name(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, HEAD + "1. 陈哥 铁观因1\n2. 小美 茉莉花荼2")
    assert chain_state(ledger) == {"陈哥": {"oolong": 1}, "小美": {"jasmine": 2}}


def test_fen_of_skewers_sold_per_bundle_waits_for_review(tmp_path):
    ledger = _ledger(tmp_path)
    head = "#接龙 周六烤串 牛肉串35一把（10串）\n例：小明 牛肉串1把\n"
    _apply(ledger, head + "1. 阿 梅 牛肉串两份\n2. 小雨 牛肉串2把")
    assert chain_state(ledger) == {"小雨": {"skewer": 2}}
    assert _review(ledger) == ["阿 梅"]
    _apply(ledger, head + "1. 阿 梅 牛肉串两把\n2. 小雨 牛肉串2把")
    assert chain_state(ledger) == {"阿 梅": {"skewer": 2}, "小雨": {"skewer": 2}}
    assert _review(ledger) == []


def test_a_paid_amount_after_parts_of_names(tmp_path):
    """芝麻2 花生1 已付45 in a chain of 黑芝麻汤圆 and 花生汤圆: the parts name one product each, 45 is money."""
    ledger = _ledger(tmp_path)
    head = "#接龙 冬至汤圆 黑芝麻/花生 15元一袋\n例：小明 芝麻2\n"
    _apply(ledger, head + "1、汤圆妈妈 芝麻2 花生1 已付45\n2、阿强 3芝麻\n3、李姐 花生1 已转15元")
    assert chain_state(ledger) == {"汤圆妈妈": {"sesame": 2, "peanut": 1}, "阿强": {"sesame": 3}, "李姐": {"peanut": 1}}
    assert _review(ledger) == []
