"""群接龙, round 8: a header's short word alone before a count (Tony 大2) starts the order, not the nickname; a
count glued before a product (小胖 2三鲜) is the product's, not the nickname's; a two-character word that ends
one offered product's name (白菜 of 猪肉白菜) is read as that product."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state
from tests.doubles import chain_apply, chain_ledger, chain_review

SHOP = Catalog.from_dict({"products": [
    {"sku": "latte_big", "name": "大杯拿铁", "link": 1, "unit": "杯", "price": 18, "stock": 50},
    {"sku": "latte_small", "name": "小杯美式", "link": 2, "unit": "杯", "price": 12, "stock": 50},
    {"sku": "mooncake_lotus", "name": "蛋黄莲蓉月饼", "link": 3, "unit": "盒", "price": 68, "stock": 30},
    {"sku": "mooncake_nut", "name": "五仁月饼", "aliases": ["五仁"], "link": 4, "unit": "盒", "price": 58, "stock": 30},
    {"sku": "mooncake_bean", "name": "红豆沙月饼", "link": 5, "unit": "盒", "price": 48, "stock": 30},
    {"sku": "dumpling_pork", "name": "猪肉白菜水饺", "aliases": ["猪肉白菜"], "link": 6, "unit": "袋", "price": 22,
     "stock": 30},
    {"sku": "dumpling_shrimp", "name": "虾仁水饺", "aliases": ["虾仁"], "link": 7, "unit": "袋", "price": 28, "stock": 30},
]})


def _ledger(tmp_path):
    return chain_ledger(tmp_path, SHOP)


_apply = chain_apply
_review = chain_review


def test_a_short_word_alone_before_its_count_is_the_order(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 咖啡 大杯拿铁18 小杯美式12\n例：小明 大1小1\n1. Tony 大2\n2. 阿 梅 小2 已付\n3. 花姐 小1 大1")
    want = {"Tony": {"latte_big": 2}, "阿 梅": {"latte_small": 2}, "花姐": {"latte_small": 1, "latte_big": 1}}
    assert chain_state(ledger) == want
    assert _review(ledger) == []


def test_a_count_glued_before_a_product_is_the_products(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 月饼 蛋黄莲蓉68 五仁58 红豆沙48\n例：小明 1五仁1莲蓉\n"
                   "1. 小(二)胖 2五仁1莲蓉\n2. 阿梅 1豆沙2五仁\n3. 小胖 2莲蓉")
    want = {"小(二)胖": {"mooncake_nut": 2, "mooncake_lotus": 1}, "阿梅": {"mooncake_bean": 1, "mooncake_nut": 2},
            "小胖": {"mooncake_lotus": 2}}
    assert chain_state(ledger) == want
    assert _review(ledger) == []


def test_a_nickname_number_with_a_space_stays_the_nickname(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 月饼 蛋黄莲蓉68 五仁58\n1. 小美 520 五仁月饼2")
    assert chain_state(ledger) == {"小美 520": {"mooncake_nut": 2}}


def test_a_two_character_word_ending_one_offered_name_is_that_product(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 水饺 猪肉白菜22 虾仁28\n例：小明 1白菜1虾仁\n1. 阿梅 1白菜2虾仁\n2. 小胖 2白菜")
    assert chain_state(ledger) == {"阿梅": {"dumpling_pork": 1, "dumpling_shrimp": 2}, "小胖": {"dumpling_pork": 2}}
    assert _review(ledger) == []
