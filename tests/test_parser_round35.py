"""Parser round 35 (lead, tuning set 30): 唇膏 in everyday speech is a lipstick as well as a lip balm, so said alone
in a shop that sells both (here an invented gift shop) a person asks which; the names themselves still book.
"""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind

GIFTS = shop("测试礼品店", ("balm", "薄荷润唇膏", "支", 15, {"aliases": ["润唇膏"]}),
             ("lipstick", "丝绒口红 礼盒", "盒", 129, {"aliases": ["口红礼盒"]}),
             ("card", "手写贺卡", "张", 5, {"aliases": ["贺卡"]}))


@pytest.mark.parametrize(("text", "current"), [("唇膏来一支", None), ("唇膏来一支", "balm"), ("要两个唇膏", "card")])
def test_lip_stick_said_beside_a_lipstick_and_a_lip_balm_asks(text, current):
    intent, items = parsed(GIFTS, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review and not items


@pytest.mark.parametrize(("text", "current", "want"), [("润唇膏来一支", None, {"balm": 1}),
                                                       ("口红礼盒来一盒", "balm", {"lipstick": 1}),
                                                       ("来两支", "balm", {"balm": 2})])
def test_the_lip_goods_own_names_still_book(text, current, want):
    intent, items = parsed(GIFTS, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


def test_without_a_lipstick_on_sale_lip_balm_is_read_without_doubt():
    only_balm = shop("测试药店", ("balm", "薄荷润唇膏", "支", 15, {"aliases": ["润唇膏"]}),
                     ("mask", "医用口罩", "包", 10, {"aliases": ["口罩"]}))
    intent, items = parsed(only_balm, "唇膏来一支", None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {"balm": 1}
