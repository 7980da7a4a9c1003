"""群接龙, round 15: a nickname glued to the first item of a line that goes on after a space (李姐全麦1 红豆2) is
the nickname's end, and the space parts two items of the order, not the nickname from the order."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state
from tests.doubles import chain_apply, chain_ledger, chain_review

BAKERY = Catalog.from_dict({"products": [
    {"sku": "toast_wheat", "name": "全麦吐司", "link": 1, "unit": "袋", "price": 12, "stock": 50},
    {"sku": "toast_bean", "name": "红豆吐司", "link": 2, "unit": "袋", "price": 14, "stock": 50},
    {"sku": "tart", "name": "葡式蛋挞", "aliases": ["蛋挞"], "link": 3, "unit": "盒", "price": 18, "stock": 50},
]})
HEADER = "#接龙 吐司 全麦12/袋 红豆14/袋\n例：小明 1全麦1红豆\n"


def _ledger(tmp_path):
    return chain_ledger(tmp_path, BAKERY)


_apply = chain_apply
_review = chain_review


def test_a_nickname_glued_to_the_first_of_two_items_keeps_both_items(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, HEADER + "1. 李姐全麦1 红豆2\n2. 王叔（5栋）红豆1 全麦1")
    assert chain_state(ledger) == {"李姐": {"toast_wheat": 1, "toast_bean": 2},
                                   "王叔（5栋）": {"toast_bean": 1, "toast_wheat": 1}}
    assert _review(ledger) == []


def test_the_edit_to_two_items_stays_the_same_member(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, HEADER + "1. 李姐全麦2")
    _apply(ledger, HEADER + "1. 李姐全麦1 红豆1")
    assert chain_state(ledger) == {"李姐": {"toast_wheat": 1, "toast_bean": 1}}


def test_nickname_digits_or_a_one_character_end_before_a_space_stay_the_nickname(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, HEADER + "1. 小王88 全麦2\n2. 小红豆2 全麦1\n3. 阿梅 全麦1 红豆1")
    assert chain_state(ledger) == {"小王88": {"toast_wheat": 2}, "小红豆2": {"toast_wheat": 1},
                                   "阿梅": {"toast_wheat": 1, "toast_bean": 1}}


def test_a_payment_said_on_a_line_in_any_words_keeps_the_order(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, HEADER + "1. 小美 全麦2 钱转了\n2. 阿梅 红豆1 转过去了\n3. 老刘 全麦1 已付12\n4. 花姐 红豆2 付过了")
    assert chain_state(ledger) == {"小美": {"toast_wheat": 2}, "阿梅": {"toast_bean": 1}, "老刘": {"toast_wheat": 1},
                                   "花姐": {"toast_bean": 2}}
    assert _review(ledger) == []


def test_the_usual_on_a_line_and_a_second_number_go_to_review(tmp_path):
    ledger = _ledger(tmp_path)
    _apply(ledger, HEADER + "1. 小美 老样子\n2. 阿梅 全麦2 3\n3. 老刘 全麦2 不对 3")
    assert chain_state(ledger) == {"老刘": {"toast_wheat": 3}}
    assert _review(ledger) == ["小美", "阿梅"]
