"""群接龙, round 41: a family word after a gauge that one member's name holds (12号花盆) offers that member; flavours
a named product holds half and half (麻辣五香各一半 beside a 拼盘) are no offer of those flavours; a count in the unit an
offered product is sold in, glued after a nickname's last character (阿芬2张1米5), is the order, not flavour
initials (原2辣1)."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state
from tests.doubles import chain_apply, chain_ledger, chain_review

SHOP = Catalog.from_dict({"products": [
    {"sku": "pot_8", "name": "8号陶瓷花盆 一套", "aliases": ["8号花盆"], "link": 1, "unit": "套", "pack": "3个",
     "price": 30, "stock": 40, "limit": 3},
    {"sku": "pot_12", "name": "12号陶瓷花盆 一套", "aliases": ["12号花盆"], "link": 2, "unit": "套", "pack": "3个",
     "price": 45, "stock": 40, "limit": 3},
    {"sku": "platter", "name": "卤味拼盘", "aliases": ["拼盘"], "link": 3, "unit": "份", "price": 39, "stock": 40},
    {"sku": "neck_hot", "name": "麻辣鸭脖", "link": 4, "unit": "盒", "price": 20, "stock": 40},
    {"sku": "neck_five", "name": "五香鸭脖", "link": 5, "unit": "盒", "price": 20, "stock": 40},
    {"sku": "mat_15", "name": "竹凉席 1.5米", "aliases": ["1米5凉席", "小凉席"], "link": 6, "unit": "张", "price": 60,
     "stock": 40},
    {"sku": "mat_18", "name": "竹凉席 1.8米", "aliases": ["1米8凉席", "大凉席"], "link": 7, "unit": "张", "price": 80,
     "stock": 40},
]})


def _ledger(tmp_path):
    return chain_ledger(tmp_path, SHOP)


_apply = chain_apply
_review = chain_review


def test_a_family_word_after_a_gauge_offers_the_one_member_holding_it(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 12号白瓷花盆 一套3个 45元 每人限3套\n例：小明 12号1套\n"
                   "1. 阿梅 12号花盆2套\n2. 老 陈 6个\n3. 小芳 1")
    assert chain_state(ledger) == {"阿梅": {"pot_12": 2}, "老 陈": {"pot_12": 2}, "小芳": {"pot_12": 1}}
    assert _review(ledger) == []


def test_a_gauge_held_by_no_member_keeps_the_family(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 10号白瓷花盆 一套3个\n例：小明 8号1套\n1. 阿梅 6个")
    assert chain_state(ledger) == {}
    assert _review(ledger) == ["阿梅"]


def test_flavours_a_named_product_holds_half_and_half_are_no_offer(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 周六卤味拼盘 麻辣五香各一半 39元一份\n例：小明 1份\n"
                   "1. 阿梅 2\n2. 老陈 1份 送3栋\n3. 小芳 拼盘1份")
    assert chain_state(ledger) == {"阿梅": {"platter": 2}, "老陈": {"platter": 1}, "小芳": {"platter": 1}}
    assert _review(ledger) == []


def test_flavours_without_a_named_product_are_still_the_offer(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 鸭脖 麻辣 五香 20元一盒\n例：小明 麻辣1\n1. 阿梅 麻辣2 五香1")
    assert chain_state(ledger) == {"阿梅": {"neck_hot": 2, "neck_five": 1}}


def test_a_count_in_the_sold_unit_after_a_nicknames_last_character_is_the_order(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, "#接龙 竹凉席 1米5的60元 1米8的80元\n例：小明 1米5凉席1张\n"
                   "1. 阿芬2张1米5\n2. 大(胖)子1张1米8\n3. 李姐大凉席2张")
    want = {"阿芬": {"mat_15": 2}, "大(胖)子": {"mat_18": 1}, "李姐": {"mat_18": 2}}
    assert chain_state(ledger) == want
    assert _review(ledger) == []
