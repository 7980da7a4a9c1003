"""群接龙, round 20: the header names products by a word of their names and a size of them (幼犬2kg 60/袋,
成犬10kg 230/袋): those products are on offer, and a member's short word of one of them is that one."""

from __future__ import annotations

from doubles import chain_ledger

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

DOGS = Catalog.from_dict({"products": [
    {"sku": "puppy", "name": "牧野幼犬粮2kg", "aliases": ["幼犬粮2kg", "幼犬粮"], "link": 1, "unit": "袋", "price": 60,
     "stock": 50},
    {"sku": "adult_s", "name": "牧野成犬粮2kg", "aliases": ["成犬粮2kg"], "link": 2, "unit": "袋", "price": 55,
     "stock": 50},
    {"sku": "adult_l", "name": "牧野成犬粮10kg", "aliases": ["成犬粮10kg"], "link": 3, "unit": "袋", "price": 230,
     "stock": 50},
    {"sku": "leash", "name": "牵引绳", "link": 4, "unit": "根", "price": 30, "stock": 50},
]})


def test_a_word_and_a_size_in_the_header_put_the_product_on_offer(tmp_path):
    ledger = chain_ledger(tmp_path, DOGS)
    apply_chain(ledger, "#接龙 狗粮团 幼犬2kg 60/袋 成犬2kg 55/袋 成犬10kg 230/袋\n例：小明 成犬2kg 1袋\n"
                        "1. 阿梅 1袋成犬10kg 2袋幼犬\n2. 老周 1袋幼犬\n3. 小李 成犬 1袋",
                IntentParser(DOGS).parse)
    assert chain_state(ledger) == {"阿梅": {"adult_l": 1, "puppy": 2}, "老周": {"puppy": 1}}
    assert sorted(ln.buyer for ln in ledger.lines(status=REVIEW)) == ["小李"]  # 成犬: the 2kg or the 10kg?
