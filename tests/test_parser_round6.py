"""Parser round 6: rules a shop assistant applies to any store's comments (a typo that is itself the name of
another thing is booked for review with the product and quantity kept; a decimal weight glued to the
product; 来只鸭 is one duck; a price said with its unit picks the goods, and must be theirs)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.lexicon import is_thing
from copilot.orders.rules import parse

MARKET = Catalog.from_dict({"products": [
    {"sku": "squid", "name": "鱿鱼", "link": 1, "unit": "斤", "price": 30, "stock": 30},
    {"sku": "razor", "name": "蛏子", "link": 2, "unit": "斤", "price": 25, "stock": 30},
    {"sku": "toast", "name": "吐司", "link": 3, "unit": "袋", "price": 12, "stock": 30},
    {"sku": "ribs", "name": "排骨", "link": 4, "unit": "斤", "price": 38, "stock": 30},
    {"sku": "wonton", "name": "馄饨", "link": 5, "unit": "份", "price": 12, "stock": 30},
    {"sku": "oil", "name": "菜籽油", "link": 6, "unit": "瓶", "price": 60, "stock": 30},
    {"sku": "duck", "name": "烤鸭", "aliases": ["鸭子"], "link": 7, "unit": "只", "price": 60, "stock": 30},
    {"sku": "scallop", "name": "扇贝", "link": 11, "unit": "斤", "price": 30, "stock": 30},
    {"sku": "roll", "name": "花卷", "link": 8, "unit": "个", "price": 2, "stock": 50},
    {"sku": "bun", "name": "包子", "link": 9, "unit": "个", "price": 2, "stock": 50},
    {"sku": "pork", "name": "五花肉", "link": 10, "unit": "斤", "price": 22, "stock": 30},
]})


ONE_EACH = Catalog.from_dict({"products": [  # no two names end alike: round 4's doubt does not apply
    {"sku": "razor", "name": "蛏子", "link": 1, "unit": "斤", "price": 25, "stock": 30},
    {"sku": "scallop", "name": "扇贝", "link": 2, "unit": "斤", "price": 30, "stock": 30},
    {"sku": "roll", "name": "花卷", "link": 3, "unit": "个", "price": 2, "stock": 50},
    {"sku": "mantou", "name": "馒头", "link": 4, "unit": "个", "price": 1, "stock": 50},
]})
BUNS = Catalog.from_dict({"products": [
    {"sku": "bun", "name": "包子", "link": 1, "unit": "个", "price": 2, "stock": 50},
    {"sku": "roll", "name": "花卷", "link": 2, "unit": "个", "price": 2, "stock": 50},
]})


@pytest.mark.parametrize("current, text, items", [
    ("bun", "豹子2个", {"bun": 2}),           # 豹子 (a leopard) for 包子
    ("bun", "来2个豹子", {"bun": 2}),
    ("razor", "橙子2斤", {"razor": 2}),      # 橙子 (oranges) for 蛏子: another thing the viewer may mean
    ("roll", "花圈来2个", {"roll": 2}),       # 花圈 (a wreath) for 花卷
])
def test_a_typo_that_is_another_word_is_booked_for_review_with_the_product(current, text, items):
    intent = parse(text, BUNS if current == "bun" else ONE_EACH, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items
    assert "不太确定" in intent.reason


@pytest.mark.parametrize("current, text, items", [
    ("ribs", "排古来2斤", {"ribs": 2}),       # no word: a slip of the keyboard
    ("ribs", "拍骨来2斤", {"ribs": 2}),
    ("wonton", "混沌来2份", {"wonton": 2}),   # every character by its phonetic kin: the common written form
    ("toast", "土司来2袋", {"toast": 2}),     # 土 is 吐 without its radical
    ("oil", "菜子油1瓶", {"oil": 1}),         # 子 is 籽 without its radical
    ("duck", "鸭子来一只", {"duck": 1}),      # an alias, no typo
    ("pork", "五花两斤", {"pork": 2}),        # a part of the name, no typo
    ("pork", "五华肉两斤", {"pork": 2}),      # no word: a sound-alike slip
])
def test_typos_and_parts_that_are_read_without_doubt(current, text, items):
    intent = parse(text, MARKET, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


def test_the_word_list_holds_things_and_not_slips_places_or_other_words():
    assert is_thing("橙子") and is_thing("花圈") and is_thing("老鸦") and is_thing("香草")
    assert not is_thing("排古") and not is_thing("牛乃") and not is_thing("菜子油") and not is_thing("鸭")
    assert not is_thing("五华") and not is_thing("混沌") and not is_thing("由于")


@pytest.mark.parametrize("current, text, kind, items, review", [
    ("ribs", "排骨1.5", "order", {"ribs": 1.5}, False),     # a decimal glued to a product sold by weight
    ("squid", "鱿鱼 2.5", "order", {"squid": 2.5}, False),
    ("duck", "烤鸭1.5", "order", {"duck": 1.5}, True),      # half a duck: not a whole count, a person looks
    ("ribs", "排骨35.8", "other", {}, False),               # no half: a price, not 35.8 斤
])
def test_a_decimal_glued_to_the_product(current, text, kind, items, review):
    intent = parse(text, MARKET, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("current, text, kind, items, review", [
    ("duck", "来只鸭", "order", {"duck": 1}, False),          # 来只 is 来一只: one, of the word after it
    ("squid", "要条鱼", "order", {"squid": None}, True),       # 条 does not convert for a 斤 product
    ("wonton", "来份馄饨吧", "order", {"wonton": 1}, False),
    ("duck", "来个赞", "other", {}, False),                   # no goods after the unit
    ("duck", "来只猫", "other", {}, False),
])
def test_an_order_word_and_a_unit_before_a_product_is_one(current, text, kind, items, review):
    intent = parse(text, MARKET, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    if not review:
        assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("current, text, kind, items, review", [
    ("ribs", "38一斤的排骨来2斤", "order", {"ribs": 2}, False),      # the price names the goods, no quantity
    ("ribs", "38块一斤的来2斤", "order", {"ribs": 2}, False),        # the one on screen at that price
    ("ribs", "要2斤38元一斤的排骨", "order", {"ribs": 2}, False),
    ("ribs", "45一斤的排骨来2斤", "order", {"ribs": 2}, False),      # named, and 45 is nobody's price: misremembered
    ("ribs", "30一斤的排骨来2斤", "order", {"ribs": 2}, True),       # 30 is 鱿鱼's and 扇贝's price: which goods?
    ("ribs", "45一斤的来2斤", "order", {"ribs": 2}, True),           # not named, not its price: which goods?
    ("duck", "38一斤的来2斤", "order", {"duck": None}, True),        # 烤鸭 is 60 a 只: not the one on screen
    ("ribs", "排骨38一斤贵了", "other", {}, False),                   # talk about the price, no 的 goods
    ("ribs", "38一斤的排骨", "other", {}, False),
])
def test_a_price_with_its_unit_picks_the_goods(current, text, kind, items, review):
    intent = parse(text, MARKET, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    if not review or all(v is not None for v in items.values()):
        assert {i.sku: i.qty for i in intent.items} == items


def test_with_nothing_on_screen_the_price_said_names_the_one_product_sold_at_it():
    assert {i.sku: i.qty for i in parse("38一斤的来2斤", MARKET, None).items} == {"ribs": 2}
    two_at_12 = parse("12一袋的来2袋", MARKET, None)  # 吐司 and 馄饨 both cost 12: which one?
    assert two_at_12.needs_review and two_at_12.kind is Kind.ORDER


@pytest.mark.parametrize("current, text, review", [
    ("ribs", "排骨来2斤 五花肉也来点", True),     # other goods, how much not said: not dropped for the 2斤
    ("ribs", "排骨2斤，我老公也要", True),         # someone else wants some too, after the quantity: how much?
    ("ribs", "我妈也要 2斤", False),               # the quantity after it is theirs
    ("ribs", "同上 2斤", False),
])
def test_a_vague_clause_is_dropped_only_for_the_quantity_that_follows_it(current, text, review):
    intent = parse(text, MARKET, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, review), intent.reason


@pytest.mark.parametrize("text, review", [
    ("来2斤 再考虑一下", True),
    ("先来2斤吧 我再看看", True),
    ("给我留2斤 明天再确认", True),
    ("来2斤 先不要", True),
    ("来2斤 还没想好", True),
    ("先来2斤 不够再加", False),      # decided: more may come later
    ("来2斤 明天来拿", False),
])
def test_an_order_with_the_buyer_still_deciding_is_reviewed(text, review):
    intent = parse(text, MARKET, "ribs")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, review), intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"ribs": 2}


@pytest.mark.parametrize("text, kind, review", [
    ("排骨不要了 换五花肉", "modify", True),    # one for another: not a cancel of both
    ("排骨不要了 改五花肉", "modify", True),
    ("排骨五花肉都不要了", "cancel", False),
    ("排骨不要了 五花肉不要了", "cancel", False),
])
def test_a_cancel_then_another_product_to_change_to(text, kind, review):
    intent = parse(text, MARKET, "ribs")
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
