"""群接龙, round 22: a size with its unit, an age or a colour said on a member's line for a product listed once for
every size is kept on the order line's note (the pick list needs it), never read as a count; a bare number beside the
name stays for a person; a product name typed with a homophone that holds a chatter word (燕卖片 for 燕麦片: 卖) is
still the product."""

from __future__ import annotations

from doubles import chain_ledger

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

KIDS = Catalog.from_dict({"products": [
    {"sku": "tee", "name": "儿童纯棉短袖T恤", "aliases": ["短袖"], "link": 1, "unit": "件", "price": 39, "stock": 100,
     "spec": "尺码 90-150"},
    {"sku": "pants", "name": "儿童防蚊裤", "aliases": ["防蚊裤"], "link": 2, "unit": "条", "price": 49, "stock": 100,
     "spec": "尺码 90-150"},
]})

BREAKFAST = Catalog.from_dict({"products": [
    {"sku": "oats", "name": "燕麦片", "link": 1, "unit": "袋", "price": 19, "stock": 100},
    {"sku": "milk", "name": "纯牛奶", "link": 2, "unit": "箱", "price": 59, "stock": 50},
]})


def test_sizes_ages_and_colours_are_kept_on_the_line(tmp_path):
    ledger = chain_ledger(tmp_path, KIDS)
    apply_chain(ledger, "#接龙 童装团 短袖39元 防蚊裤49元\n例：小明 短袖120码 1件\n1. 阿花 短袖120码 2件\n"
                        "2. 阿梅 粉色短袖1件\n3. 小李 防蚊裤3岁 1条\n4. 老刘 短袖 120", IntentParser(KIDS).parse)
    assert chain_state(ledger) == {"阿花": {"tee": 2}, "阿梅": {"tee": 1}, "小李": {"pants": 1}}
    notes = {ln.buyer: ln.note for ln in ledger.lines() if ln.sku}
    assert "120码" in notes["阿花"] and "粉色" in notes["阿梅"] and "3岁" in notes["小李"]
    assert [ln.buyer for ln in ledger.lines(status=REVIEW)] == ["老刘"]  # 120 shirts or the 120 size: a person asks


def test_a_homophone_holding_a_chatter_word_is_still_the_product(tmp_path):
    ledger = chain_ledger(tmp_path, BREAKFAST)
    apply_chain(ledger, "#接龙 早餐团 燕麦片19元/袋 纯牛奶59元/箱\n例：小明 燕麦片1袋\n1. 阿花 燕卖片2袋\n"
                        "2. 小李 纯牛奶1箱", IntentParser(BREAKFAST).parse)
    assert chain_state(ledger) == {"阿花": {"oats": 2}, "小李": {"milk": 1}}
