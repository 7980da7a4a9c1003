"""Parser round 43, probed on invented stores unlike the 粽子 shop and the fishing-tackle shop it was found in.

LABELS rule 5 (its unit sentence): a family word whose members are different goods is not settled by the unit said,
on screen or not (核桃来一盒 with 生核桃 by the 斤 beside 核桃酥饼 by the 盒: the viewer may not know how each is sold);
rule 2 still picks among packs of the same goods (花茶来一盒 with 茉莉花茶 单袋 beside 茉莉花茶 整盒)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

PASTRY = Catalog.from_dict({"products": [
    {"sku": "walnut", "name": "生核桃", "link": 1, "unit": "斤", "price": 18, "stock": 50},
    {"sku": "walnut_cake", "name": "核桃酥饼", "link": 2, "unit": "盒", "price": 25, "stock": 50},
    {"sku": "jasmine_bag", "name": "茉莉花茶 单袋", "link": 3, "unit": "袋", "price": 6, "stock": 50},
    {"sku": "jasmine_box", "name": "茉莉花茶 整盒", "link": 4, "unit": "盒", "pack": "10袋", "price": 55, "stock": 50},
    {"sku": "yolk_cake", "name": "蛋黄酥饼", "link": 5, "unit": "个", "price": 8, "stock": 50},
    {"sku": "yolk", "name": "咸蛋黄", "link": 6, "unit": "盒", "price": 20, "stock": 50},
]})


def _read(text, current, catalog=PASTRY):
    intent = parse(text, catalog, current)
    return intent, {i.sku: i.qty for i in intent.items}


@pytest.mark.parametrize("current, text", [
    (None, "核桃来一盒"),          # 生核桃 by the 斤, 核桃酥饼 by the 盒: two goods
    ("walnut_cake", "核桃的来两盒"),  # the one sold so on screen: still two goods
    (None, "蛋黄来一盒"),          # 蛋黄酥饼 by the 个, 咸蛋黄 by the 盒
    ("yolk", "蛋黄的也来两个"),
])
def test_unit_does_not_settle_a_family_word_of_different_goods(current, text):
    intent, _ = _read(text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review, intent


@pytest.mark.parametrize("current, text, want", [
    ("jasmine_bag", "花茶来一盒", {"jasmine_box": 1}),  # packs of the same goods: rule 2
    ("walnut", "核桃酥饼来一盒", {"walnut_cake": 1}),     # the goods named whole
    ("walnut", "来两斤", {"walnut": 2}),
])
def test_unit_still_picks_among_packs_of_the_same_goods(current, text, want):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason
