"""群接龙, round 6: a weight with a decimal glued to the product (排骨1.5) is read; a line whose product word is
itself another common word (香草 for 香菜) waits for review, and is booked once the member fixes it."""

from __future__ import annotations

from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

HEAD = "#接龙 明天的菜\n草莓 芒果 西红柿 都按斤\n例：张三 草莓2斤\n"


def _apply(ledger, text):
    return apply_chain(ledger, text, IntentParser(ledger.catalog).parse)


def test_a_decimal_weight_glued_to_the_product(ledger):
    _apply(ledger, HEAD + "1. 阿 梅 草莓1.5\n2. 小雨 芒果2.5\n3. Amy 王 西红柿1")
    assert chain_state(ledger) == {"阿 梅": {"strawberry": 1.5}, "小雨": {"mango": 2.5}, "Amy 王": {"tomato": 1}}
    assert ledger.lines(status=REVIEW) == []


def test_a_product_word_that_is_another_word_waits_for_review(ledger):
    _apply(ledger, HEAD + "1. 小雨 芒果2斤\n2. 胖虎 鸡旦1盒\n3. 阿飞 突击1只")
    assert chain_state(ledger) == {"小雨": {"mango": 2}, "胖虎": {"eggs": 1}}  # 鸡旦: a slip
    assert [ln.buyer for ln in ledger.lines(status=REVIEW)] == ["阿飞"]
    _apply(ledger, HEAD + "1. 小雨 芒果2斤\n2. 胖虎 鸡旦1盒\n3. 阿飞 土鸡1只")
    assert chain_state(ledger)["阿飞"] == {"chicken": 1}
    assert ledger.lines(status=REVIEW) == []


def test_a_line_that_names_the_goods_by_their_price(ledger):
    price = ledger.catalog.get("strawberry").price
    _apply(ledger, HEAD + f"1. 晴天 {price:g}一斤的来2斤\n2. 小李 0.1一斤的来2斤")
    assert chain_state(ledger) == {"晴天": {"strawberry": 2}}
    assert [ln.buyer for ln in ledger.lines(status=REVIEW)] == ["小李"]


def test_a_line_with_an_order_word_that_reads_nothing_waits_for_review(ledger):
    """来只鸭 (nothing of the shop), 要个大的: the member asked for something; the line is not dropped. 来只鸡 is the
    土鸡 the chain offers (鸡 ends its names alone; the eggs are 蛋)."""
    head = "#接龙 明天土鸡\n土鸡 一只一只卖\n例：小明 土鸡1\n"
    _apply(ledger, head + "1. 阿珍 来只鸭\n2. 小雨 土鸡1只\n3. 阿芳 要个大的\n4. 老周 来只鸡")
    assert chain_state(ledger) == {"小雨": {"chicken": 1}, "老周": {"chicken": 1}}
    assert sorted(ln.buyer for ln in ledger.lines(status=REVIEW)) == ["阿珍", "阿芳"]
