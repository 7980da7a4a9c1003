"""One character that ends the names of the product on screen alone is its kind, even where another product's
name holds it as a modifier: 鸡 of 走地鸡 beside 走地鸡蛋 (the eggs are 蛋, not 鸡), said with the shown bird's unit or
none. The other product shown, or a unit only the other is sold in, leaves it to a person."""

from __future__ import annotations

import pytest
from doubles import booked

from copilot.base.catalog import Catalog
from copilot.orders.rules import parse

FARM = Catalog.from_dict({"products": [
    {"sku": "hen", "name": "农家走地鸡", "aliases": ["走地鸡"], "link": 1, "unit": "只", "price": 98, "stock": 10},
    {"sku": "hen_eggs", "name": "农家走地鸡蛋", "aliases": ["走地鸡蛋"], "link": 2, "unit": "盒", "price": 30,
     "stock": 40},
    {"sku": "duck", "name": "高邮麻鸭", "link": 3, "unit": "只", "price": 88, "stock": 6},
], "store": {"name": "测试农家铺"}})


@pytest.mark.parametrize("text, current, items", [
    ("要2只鸡", "hen", {"hen": 2}),
    ("鸡来一只", "hen", {"hen": 1}),
    ("鸡蛋来两盒", "hen", {"hen_eggs": 2}),
    ("鸭来一只", "duck", {"duck": 1}),
])
def test_shown_kind_word_books(text, current, items):
    assert booked(parse(text, FARM, current)) == items


@pytest.mark.parametrize("text, current", [
    ("鸡来两盒", "hen"),   # the bird is not sold by the 盒: a person asks
    ("鸡来一只", "hen_eggs"),  # the eggs shown: which goods is not said
])
def test_kind_word_of_another_unit_or_screen_asks(text, current):
    intent = parse(text, FARM, current)
    assert intent.needs_review and not intent.items
