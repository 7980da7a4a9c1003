"""群接龙, round 23: a header word written against a product's name that is a word of that name (小熊纯棉T恤: 纯棉 of
the T恤, not of the 纯棉 睡衣 the shop also sells) offers that product alone; a member's line of a sized listing with a
bare size beside its count (``3件160``, ``衬衫1件 170``, ``1件160 1件170``, ``一双37一双38``) books the count, the size
its note; a size alone stays for a person. Every store here is invented (no children's clothing shop)."""

from __future__ import annotations

from doubles import chain_ledger

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.jielong import offered_products
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

WOMEN = Catalog.from_dict({"products": [
    {"sku": "shirt", "name": "真丝印花衬衫", "aliases": ["衬衫"], "link": 1, "unit": "件", "price": 189, "stock": 100,
     "limit_per_buyer": 5, "spec": "尺码 155/160/165/170/175"},
    {"sku": "silk_dress", "name": "真丝连衣裙 黑色", "aliases": ["黑色连衣裙"], "link": 2, "unit": "件", "price": 299,
     "stock": 50, "spec": "尺码 155-175"},
    {"sku": "silk_dress_red", "name": "真丝连衣裙 红色", "aliases": ["红色连衣裙"], "link": 3, "unit": "件",
     "price": 299, "stock": 50, "spec": "尺码 155-175"},
    {"sku": "loafer", "name": "软底乐福鞋", "aliases": ["乐福鞋"], "link": 4, "unit": "双", "price": 199, "stock": 40,
     "spec": "鞋码 35-40 码"},
]})


def test_a_header_word_against_a_named_product_offers_that_product_alone():
    offered = offered_products("#接龙 印花真丝衬衫 189元/件", WOMEN)
    assert [p.sku for p in offered] == ["shirt"]
    both = offered_products("#接龙 真丝连衣裙 黑色 红色 299元/件", WOMEN)
    assert {p.sku for p in both} == {"silk_dress", "silk_dress_red"}  # the word alone still offers its family


def test_bare_sizes_beside_counts_on_chain_lines(tmp_path):
    ledger = chain_ledger(tmp_path, WOMEN)
    parse = IntentParser(WOMEN).parse
    chain = ("#接龙 印花真丝衬衫 189元/件 写清楚尺码\n例：小明 160 1件\n"
             "1. 小芳 3件160\n2. 王姐 1件160 1件170\n3. Lily 165 2件\n4. 阿梅 170\n")
    apply_chain(ledger, chain, parse)
    state = chain_state(ledger)
    assert state["小芳"] == {"shirt": 3.0} and state["王姐"] == {"shirt": 2.0} and state["Lily"] == {"shirt": 2.0}
    assert {ln.buyer for ln in ledger.lines(status=REVIEW)} == {"阿梅"}  # a size alone: how many is not said
    notes = {ln.buyer: ln.note for ln in ledger.lines() if ln.buyer in ("小芳", "Lily")}
    assert "160" in notes["小芳"] and "165" in notes["Lily"]


def test_sizes_after_a_unit_are_no_prices_on_a_chain_line(tmp_path):
    ledger = chain_ledger(tmp_path, WOMEN)
    chain = ("#接龙 乐福鞋 衬衫 周五截单\n例：小明 乐福鞋1双 37\n"
             "1. 小芳 乐福鞋 一双37一双38\n2. 王姐 衬衫1件 170 乐福鞋2双 一双36一双39\n")
    apply_chain(ledger, chain, IntentParser(WOMEN).parse)
    state = chain_state(ledger)
    assert state["小芳"] == {"loafer": 2.0}  # not 一双 at 37 yuan: sizes of a sized listing, no prices
    assert state["王姐"] == {"shirt": 1.0, "loafer": 2.0}  # 一双36一双39: the 2双's sizes, not two more pairs
    assert not ledger.lines(status=REVIEW)
