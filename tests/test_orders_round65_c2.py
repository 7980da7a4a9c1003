"""Orders and 群接龙, round 65 (tuning helper c2: the pastry and kitchenware sets).

- A 接龙 header that writes what one listing's pack holds with that pack's unit (青团(6只/盒)30元, 每盒6只, 6只装)
  offers the goods in that pack only; the same goods' single, which the header neither names nor counts nor prices in
  its own unit, is not on offer, so a member's 青团12只 is 2 boxes, never 12 singles nobody ordered.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state
from tests.doubles import chain_apply, chain_ledger, chain_review

SNACKS = Catalog.from_dict({"products": [
    {"sku": "qt_single", "name": "艾草青团（单只）", "aliases": ["单只青团"], "link": 1, "unit": "只", "price": 5,
     "stock": 100, "limit_per_buyer": 12},
    {"sku": "qt_box", "name": "艾草青团 6只盒装", "aliases": ["青团盒装", "盒装青团"], "link": 2, "unit": "盒", "pack": "6只",
     "price": 28, "stock": 30, "limit_per_buyer": 3},
    {"sku": "ricecake", "name": "桂花年糕（称重）", "aliases": ["桂花年糕"], "link": 3, "unit": "斤", "price": 12,
     "stock": 40},
]})


def test_a_header_writing_a_boxs_contents_offers_the_box_not_the_single(tmp_path):
    ledger = chain_ledger(tmp_path, SNACKS)
    chain_apply(ledger, "#接龙 清明青团 青团(6只/盒)28元 桂花年糕12元/斤 青团每人限3盒\n例：小明 青团1盒\n"
                        "1. 阿珍 青团2盒\n2. 7栋老刘 青团12只\n3. 小敏 桂花年糕2斤")
    assert chain_state(ledger) == {"阿珍": {"qt_box": 2}, "7栋老刘": {"qt_box": 2}, "小敏": {"ricecake": 2}}
    assert chain_review(ledger) == []


def test_a_header_pricing_the_single_too_keeps_it_on_offer(tmp_path):
    ledger = chain_ledger(tmp_path, SNACKS)  # control: 5元/只 offers the single beside the box
    chain_apply(ledger, "#接龙 清明青团 青团5元/只 6只一盒28元\n例：小明 青团1盒\n1. 阿珍 青团3只\n2. 老刘 青团1盒")
    assert chain_state(ledger) == {"阿珍": {"qt_single": 3}, "老刘": {"qt_box": 1}}
