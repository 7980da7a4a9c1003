"""群接龙, round 43: a nickname glued to a product word and its count with its unit, then a space and a second item
(王姐梅干菜3只 豆沙2只), is the member 王姐 (never a member named by the order, booked the second item only); 挂 after a
count is the same string as 串 (蒜辫2挂), while 挂面 / 挂钩 stay names; a length said as 2米4 before a count in words
(2米4一根), or beside a word counting the same stick (2米8 1支 of a rod sold by the 根), picks that length; a product
written with the count its own name holds (竹签50支 of 烧烤竹签 50支), beside another product, asks for that count
through its pack."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state
from tests.doubles import chain_apply, chain_ledger, chain_review

SHOP = Catalog.from_dict({"products": [
    {"sku": "bun_veg", "name": "香菇青菜包", "link": 1, "unit": "只", "price": 2, "stock": 80},
    {"sku": "bun_pork", "name": "梅干菜肉包", "link": 2, "unit": "只", "price": 3, "stock": 80},
    {"sku": "bun_bean", "name": "红豆沙包", "link": 3, "unit": "只", "price": 2, "stock": 80},
    {"sku": "garlic", "name": "紫皮蒜辫", "aliases": ["蒜辫", "大蒜辫"], "link": 4, "unit": "串", "price": 25,
     "stock": 30},
    {"sku": "noodles", "name": "龙须挂面", "aliases": ["挂面"], "link": 5, "unit": "把", "price": 6, "stock": 30},
    {"sku": "hooks", "name": "无痕挂钩", "aliases": ["挂钩"], "link": 6, "unit": "包", "price": 5, "stock": 30},
    {"sku": "pole_24", "name": "不锈钢晾衣杆 2.4米", "aliases": ["2米4晾衣杆", "短杆"], "link": 7, "unit": "根",
     "price": 35, "stock": 20},
    {"sku": "pole_28", "name": "不锈钢晾衣杆 2.8米", "aliases": ["2米8晾衣杆", "长杆"], "link": 8, "unit": "根",
     "price": 45, "stock": 20},
    {"sku": "charcoal", "name": "果木木炭", "aliases": ["木炭"], "link": 9, "unit": "袋", "price": 20, "stock": 30},
    {"sku": "skewers", "name": "烧烤竹签 50支", "aliases": ["竹签"], "link": 10, "unit": "把", "pack": "50支",
     "price": 5, "stock": 30},
]})


def _ledger(tmp_path):
    return chain_ledger(tmp_path, SHOP)


_apply = chain_apply
_review = chain_review


def test_a_nickname_glued_to_a_count_with_its_unit_then_a_second_item_is_the_member(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 包子接龙 香菇青菜包 / 梅干菜肉包 / 红豆沙包 明早7点出锅\n例：小明 青菜2只\n"
                   "1. 王姐梅干菜3只 豆沙2只\n2. 阿强 青菜4只")
    assert chain_state(ledger) == {"王姐": {"bun_pork": 3, "bun_bean": 2}, "阿强": {"bun_veg": 4}}
    assert _review(ledger) == []


def test_gua_after_a_count_is_a_string_and_gua_names_stay_names(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 年货 紫皮蒜辫 龙须挂面 无痕挂钩\n例：小明 蒜辫1串\n"
                   "1. 老周 蒜辫2挂\n2. 阿梅 挂面2把\n3. 小芳 一挂蒜辫\n4. 陈叔 挂钩1包")
    want = {"老周": {"garlic": 2}, "阿梅": {"noodles": 2}, "小芳": {"garlic": 1}, "陈叔": {"hooks": 1}}
    assert chain_state(ledger) == want
    assert _review(ledger) == []


def test_a_length_said_as_metres_and_a_digit_before_a_count_picks_that_length(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 不锈钢晾衣杆 2.4米 / 2.8米\n例：小明 2米4 1根\n"
                   "1. 李姐 2米4一根\n2. 老周 2米8 1支\n3. 阿芬 2米8两根")
    assert chain_state(ledger) == {"李姐": {"pole_24": 1}, "老周": {"pole_28": 1}, "阿芬": {"pole_28": 2}}
    assert _review(ledger) == []


def test_the_count_a_name_holds_beside_another_product_is_asked_through_the_pack(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 烧烤用品 果木木炭20元一袋 烧烤竹签50支一把5元\n例：小明 木炭1袋\n"
                   "1. 阿杰 木炭1袋 竹签50支\n2. 小雨 竹签100支\n3. 老王 木炭2袋、竹签30支")
    assert chain_state(ledger) == {"阿杰": {"charcoal": 1, "skewers": 1}, "小雨": {"skewers": 2}}
    assert _review(ledger) == ["老王"]  # 30支 is a part of a 把 of 50支: a person asks
