"""Parser round 13: rules a shop assistant applies to any store's comments (a kind word with 子 or 儿, 橙子 beside
脐橙, names no one product; 拍了 said beside a question reports a purchase, the question is what is asked; a name typed with a homophone is
read before 几 or 退 inside it; a clause naming again the goods just ordered adds nothing; 去年还卖52呢 is a remark;
in a 接龙 of 鲈鱼片 and 鲈鱼块, 2块 is the 鲈鱼块 when no offered product is sold by the 块)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.intent import Kind
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser
from copilot.orders.rules import parse
from copilot.orders.schema import REVIEW

FRUIT = Catalog.from_dict({"products": [
    {"sku": "navel", "name": "赣南脐橙", "aliases": ["脐橙"], "link": 1, "unit": "斤", "price": 6, "stock": 50},
    {"sku": "sugar", "name": "冰糖橙子", "link": 2, "unit": "斤", "price": 8, "stock": 50},
    {"sku": "pear", "name": "砀山梨子", "link": 3, "unit": "斤", "price": 4, "stock": 50},
], "store": {"name": "测试水果店"}})
MEAT = Catalog.from_dict({"products": [
    {"sku": "ribs", "name": "猪肋排", "aliases": ["排骨"], "link": 1, "unit": "斤", "price": 38, "stock": 50},
    {"sku": "greens", "name": "上海青", "aliases": ["青菜"], "link": 2, "unit": "把", "price": 3, "stock": 50},
], "store": {"name": "测试肉铺"}})


@pytest.mark.parametrize("current, text", [(None, "橙子来2斤"), ("navel", "橙子要3斤")])
def test_a_kind_word_with_zi_names_no_one_product(current, text):
    intent = parse(text, FRUIT, current)  # 橙子 ends 冰糖橙子, but 脐橙 is an orange too
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert not [i for i in intent.items if i.qty is not None]


def test_a_zi_word_of_one_kind_still_books():
    intent = parse("梨子来2斤", FRUIT, None)  # no other product is a pear
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"pear": 2}


@pytest.mark.parametrize("text", ["我拍了排骨和青菜 一共多少钱", "拍了 怎么付款", "刚拍下了排骨 什么时候能取"])
def test_a_purchase_reported_beside_a_question_is_the_question(text):
    intent = parse(text, MEAT, "ribs")
    assert intent.kind is Kind.QUESTION, intent.reason


def test_a_bare_paid_claim_still_goes_to_review():
    intent = parse("排骨拍了", MEAT, "greens")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason
    assert [i.sku for i in intent.items] == ["ribs"]


DELI = Catalog.from_dict({"products": [
    {"sku": "ham", "name": "火腿肠", "link": 1, "unit": "根", "price": 3, "stock": 50},
    {"sku": "eggs", "name": "土鸡蛋", "aliases": ["鸡蛋"], "link": 2, "unit": "盒", "price": 20, "stock": 50},
], "store": {"name": "测试便利店"}})


@pytest.mark.parametrize("text, items", [("火退肠2根", {"ham": 2}), ("几蛋来两盒", {"eggs": 2})])
def test_a_name_typed_with_a_homophone_is_read_before_the_words_inside_it(text, items):
    intent = parse(text, DELI, None)  # 退 (return) and 几 (how many) are the typo's, not the viewer's
    assert intent.kind is Kind.ORDER, intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("text, kind", [("鸡蛋几盒起送", Kind.QUESTION), ("火腿肠退2根", Kind.CANCEL),
                                        ("火腿肠退了吧", Kind.CANCEL)])
def test_the_words_beside_a_name_said_right_still_count(text, kind):
    assert parse(text, DELI, "ham").kind is kind


BONES = Catalog.from_dict({"products": [
    {"sku": "bone", "name": "煲汤筒骨", "aliases": ["筒骨"], "link": 1, "unit": "斤", "price": 18, "stock": 50},
    {"sku": "ribs", "name": "猪肋排", "aliases": ["排骨"], "link": 2, "unit": "斤", "price": 38, "stock": 50},
], "store": {"name": "测试肉铺"}})


def test_a_clause_naming_again_the_product_just_ordered_adds_nothing():
    intent = parse("筒骨来2斤 煲汤", BONES, "bone")  # 煲汤 of 煲汤筒骨: its use, the same goods
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"bone": 2}


def test_another_product_named_without_a_quantity_still_goes_to_review():
    intent = parse("筒骨来2斤 排骨", BONES, "bone")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent.reason


@pytest.mark.parametrize("text", ["38一斤的排骨 去年还卖45呢", "上次都抢光了呢", "以前才卖20呢"])
def test_a_closing_ne_after_what_was_is_a_remark(text):
    intent = parse(text, MEAT, "ribs")
    assert intent.kind is Kind.OTHER and not intent.items, intent.reason


@pytest.mark.parametrize("text", ["去年的排骨呢？", "上次还有青菜呢 今天有吗", "排骨呢", "去年卖多少呢"])
def test_a_ne_that_asks_still_asks(text):
    assert parse(text, MEAT, "ribs").kind is Kind.QUESTION


FISH = Catalog.from_dict({"products": [
    {"sku": "slices", "name": "鲈鱼片", "link": 1, "unit": "份", "price": 25, "stock": 50},
    {"sku": "chunks", "name": "鲈鱼块", "link": 2, "unit": "份", "price": 22, "stock": 50},
    {"sku": "stick", "name": "油条", "link": 3, "unit": "根", "price": 2, "stock": 50},
], "store": {"name": "测试鱼档"}})


def test_a_unit_word_no_offered_product_is_sold_in_names_the_variant_it_ends(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", FISH, "2026-11-30")
    apply_chain(ledger, "#接龙 鲈鱼片25/份 鲈鱼块22/份\n例：小明 鱼片1份\n1. 小王 1片2块\n2. 阿梅 2块",
                IntentParser(FISH).parse)
    assert chain_state(ledger) == {"小王": {"slices": 1, "chunks": 2}, "阿梅": {"chunks": 2}}


def test_a_unit_word_a_product_on_offer_is_sold_in_stays_a_unit(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", FISH, "2026-11-30")
    apply_chain(ledger, "#接龙 鲈鱼片25/份 鲈鱼块22/份 油条2/根\n例：小明 鱼片1份\n1. 阿梅 2根\n2. 小王 2份",
                IntentParser(FISH).parse)
    assert chain_state(ledger) == {"阿梅": {"stick": 2}}  # 根 is 油条's unit; 2份 is of either fish
    assert [ln.buyer for ln in ledger.lines(status=REVIEW)] == ["小王"]
