"""群接龙, round 16: the header's short names. A word the shop shares (百香果 of 百香果汽水 and 百香果干) names the
offered product it belongs to, and a link-like number that starts names (1号 of 一号肉) names the offered one."""

from __future__ import annotations

from doubles import chain_ledger

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

DRINKS = Catalog.from_dict({"products": [
    {"sku": "soda_pf", "name": "百香果汽水", "link": 1, "unit": "瓶", "price": 5, "stock": 99},
    {"sku": "soda_peach", "name": "白桃汽水", "link": 2, "unit": "瓶", "price": 5, "stock": 99},
    {"sku": "pf_dried", "name": "百香果干", "link": 3, "unit": "袋", "price": 8, "stock": 99},
]})
BUTCHER = Catalog.from_dict({"products": [
    {"sku": "ribs", "name": "猪肋排", "aliases": ["排骨"], "link": 1, "unit": "斤", "price": 32, "stock": 50},
    {"sku": "belly", "name": "五花肉", "link": 4, "unit": "斤", "price": 18, "stock": 50},
    {"sku": "shoulder", "name": "一号肉", "aliases": ["1号肉"], "link": 5, "unit": "斤", "price": 16, "stock": 50},
    {"sku": "ham", "name": "四号肉", "aliases": ["4号肉"], "link": 6, "unit": "斤", "price": 17, "stock": 50},
]})


def _apply(ledger, text):
    return apply_chain(ledger, text, IntentParser(ledger.catalog).parse)


def _review(ledger):
    return sorted(ln.buyer for ln in ledger.lines(status=REVIEW))


def test_a_shared_flavour_word_names_the_offered_drink(tmp_path):
    ledger = chain_ledger(tmp_path, DRINKS)
    _apply(ledger, "#接龙 汽水团购 百香果5元/瓶 白桃5元/瓶\n例：小明 1百香果1白桃\n"
                   "1. 李姐百香果2\n2. 阿梅 1百香果1白桃\n3. 大熊 百香果1瓶\n4. 白桃 1百香果")
    assert chain_state(ledger) == {"李姐": {"soda_pf": 2}, "阿梅": {"soda_pf": 1, "soda_peach": 1},
                                   "大熊": {"soda_pf": 1}, "白桃": {"soda_pf": 1}}
    assert _review(ledger) == []


def test_the_shared_word_stays_for_review_when_the_chain_offers_both(tmp_path):
    ledger = chain_ledger(tmp_path, DRINKS)
    _apply(ledger, "#接龙 百香果专场 百香果汽水5元/瓶 百香果干8元/袋\n例：小明 百香果汽水1瓶\n1. 李姐 百香果2")
    assert chain_state(ledger) == {}
    assert _review(ledger) == ["李姐"]


def test_a_numbered_cut_is_the_offered_one_not_the_link(tmp_path):
    ledger = chain_ledger(tmp_path, BUTCHER)
    _apply(ledger, "#接龙 猪肉团 1号肉16/斤 4号肉17/斤\n例：小明 1号2斤\n"
                   "1、小李 1号2斤\n2、阿珍 4号1斤\n3、老周 1号1斤 4号1斤")
    assert chain_state(ledger) == {"小李": {"shoulder": 2}, "阿珍": {"ham": 1}, "老周": {"shoulder": 1, "ham": 1}}
    assert _review(ledger) == []


def test_a_number_whose_link_is_on_offer_too_is_not_guessed(tmp_path):
    ledger = chain_ledger(tmp_path, BUTCHER)
    _apply(ledger, "#接龙 猪肉团 排骨32/斤 1号肉16/斤\n例：小明 排骨2斤\n1、小李 1号2斤")
    assert _review(ledger) == ["小李"]
