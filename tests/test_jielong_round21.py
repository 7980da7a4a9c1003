"""群接龙, round 21: a nickname glued to its count ends before a one-character variant word only when that word names
an offered product (小早2 in a chain of 晚熟脐橙 alone is member 小早); counts only, each in a unit one offered
product is sold in (1扎3支 of a single stem by the 个 with pack 1支 and a bunch by the 扎), are an order of each, and
2整扎 is 2 扎; a year said before a name (2018赤霞珠2瓶) is the name's."""

from __future__ import annotations

from doubles import chain_ledger

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

ORANGES = Catalog.from_dict({"products": [
    {"sku": "early", "name": "早熟脐橙", "link": 1, "unit": "斤", "price": 6, "stock": 300},
    {"sku": "late", "name": "晚熟脐橙", "link": 2, "unit": "斤", "price": 8, "stock": 300},
]})

FLOWERS = Catalog.from_dict({"products": [
    {"sku": "rose_one", "name": "红玫瑰 单支", "link": 1, "unit": "个", "price": 8, "stock": 200, "pack": "1支"},
    {"sku": "rose_bunch", "name": "红玫瑰 整扎", "link": 2, "unit": "扎", "price": 79, "stock": 30, "pack": "11支"},
]})

WINE = Catalog.from_dict({"products": [
    {"sku": "red", "name": "2018年赤霞珠干红", "aliases": ["赤霞珠"], "link": 1, "unit": "瓶", "price": 128, "stock": 50},
    {"sku": "white", "name": "霞多丽干白", "aliases": ["霞多丽"], "link": 2, "unit": "瓶", "price": 98, "stock": 50},
]})


def test_a_variant_letter_of_a_product_not_on_offer_stays_in_the_nickname(tmp_path):
    ledger = chain_ledger(tmp_path, ORANGES)
    apply_chain(ledger, "#接龙 晚熟脐橙 8元/斤\n例：小明 2\n1. 小早2\n2. 阿强 3", IntentParser(ORANGES).parse)
    assert chain_state(ledger) == {"小早": {"late": 2}, "阿强": {"late": 3}}


def test_a_variant_letter_of_an_offered_product_still_starts_the_order(tmp_path):
    ledger = chain_ledger(tmp_path, ORANGES)
    apply_chain(ledger, "#接龙 脐橙团 早熟6元/斤 晚熟8元/斤\n例：小明 早2\n1. 李姐早2", IntentParser(ORANGES).parse)
    assert chain_state(ledger) == {"李姐": {"early": 2}}


def test_counts_in_the_units_of_the_offer_are_an_order_of_each(tmp_path):
    ledger = chain_ledger(tmp_path, FLOWERS)
    apply_chain(ledger, "#接龙 红玫瑰 单支8元 整扎79元（11支）\n例：小明 1扎\n1. 阿花 1扎3支\n2. 小李 2整扎\n"
                        "3. 老王 5支\n4. 小周 半扎\n5. 阿梅 1扎，2支", IntentParser(FLOWERS).parse)
    assert chain_state(ledger) == {"阿花": {"rose_bunch": 1, "rose_one": 3}, "小李": {"rose_bunch": 2},
                                   "老王": {"rose_one": 5}, "阿梅": {"rose_bunch": 1, "rose_one": 2}}
    assert [ln.buyer for ln in ledger.lines(status=REVIEW)] == ["小周"]  # half a bunch: a person asks


def test_a_year_before_a_name_is_no_count(tmp_path):
    ledger = chain_ledger(tmp_path, WINE)
    apply_chain(ledger, "#接龙 红酒团 2018赤霞珠128元/瓶 霞多丽98元/瓶\n例：小明 赤霞珠1瓶\n1. 阿花 2018赤霞珠2瓶\n"
                        "2. 2018 霞多丽1瓶", IntentParser(WINE).parse)
    assert chain_state(ledger) == {"阿花": {"red": 2}, "2018": {"white": 1}}
