"""The units have one source: the catalog's sale and pack units (base.products) are the parser's units too, so a
pack the catalog accepts is a quantity the parser reads; and a product's pack is read once per pack text."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog
from copilot.base.products import PACK_UNITS, SALE_UNITS, Product
from copilot.orders.amounts import UNIT, UNIT_WORDS, read_quantities
from copilot.orders.rules import parse

TEA = Catalog.from_dict({"products": [
    {"sku": "mum", "name": "菊花茶", "link": 1, "unit": "袋", "pack": "10小包", "price": 20, "stock": 50},
    {"sku": "flask", "name": "保温杯", "link": 2, "unit": "个", "price": 30, "stock": 9},
], "store": {"name": "测试茶铺"}})


def test_every_catalog_unit_but_a_size_is_a_parser_unit():
    assert set(PACK_UNITS) <= set(UNIT_WORDS)
    assert set(SALE_UNITS) - {"斤装"} <= set(UNIT_WORDS)
    assert "斤装" not in UNIT_WORDS  # 5斤装 names a box, it counts none


def test_longer_units_win_over_their_ends():
    for long in (u for u in UNIT_WORDS if len(u) > 1):
        for short in (u for u in UNIT_WORDS if u != long and long.endswith(u)):
            assert UNIT_WORDS.index(long) < UNIT_WORDS.index(short), (long, short)
    assert re.match(UNIT, "公斤").group(0) == "公斤" and re.match(UNIT, "小包").group(0) == "小包"
    assert [(q.value, q.unit) for q in read_quantities("要2公斤")] == [(2.0, "公斤")]


def test_a_pack_of_small_bags_is_read_in_small_bags():
    whole = parse("菊花茶要20小包", TEA, "flask")
    assert [(i.sku, i.qty) for i in whole.items] == [("mum", 2.0)] and not whole.needs_review
    part = parse("要2小包", TEA, "mum")  # a fifth of a 袋: a person asks
    assert part.needs_review and all(i.sku == "mum" for i in part.items)


def test_pack_size_follows_the_pack_of_each_copy():
    p = Product(sku="a", name="挂面", link=1, unit="袋", price=5, stock=5, pack="500克")
    assert p.pack_size == (500.0, "克") and p.pack_size is p.pack_size  # read once per pack text
    other = p.model_copy(update={"pack": "10小包"})
    assert other.pack_size == (10.0, "小包") and p.pack_size == (500.0, "克")
    assert Product(sku="b", name="面", link=2, unit="袋", price=5, stock=5).pack_size is None
