"""The units have one source: the catalog's sale and pack units (base.products) are the parser's units too, so a
pack the catalog accepts is a quantity the parser reads; and a product's pack is read once per pack text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from copilot.base.catalog import Catalog
from copilot.base.products import PACK_UNITS, SALE_UNITS, Product
from copilot.orders.amounts import UNIT, UNIT_WORDS, read_quantities
from copilot.orders.rules import parse

README = Path(__file__).resolve().parents[1] / "knowledge" / "README.md"
TEA = Catalog.from_dict({"products": [
    {"sku": "mum", "name": "菊花茶", "link": 1, "unit": "袋", "pack": "10小包", "price": 20, "stock": 50},
    {"sku": "flask", "name": "保温杯", "link": 2, "unit": "个", "price": 30, "stock": 9},
], "store": {"name": "测试茶铺"}})


def test_every_catalog_unit_but_a_size_is_a_parser_unit():
    assert set(PACK_UNITS) <= set(UNIT_WORDS)
    assert set(SALE_UNITS) - {"斤装", "两"} <= set(UNIT_WORDS)
    assert "斤装" not in UNIT_WORDS  # 5斤装 names a box, it counts none
    assert "两" not in UNIT_WORDS  # "two" as often as a tenth of a 斤: 8两, 二两 are read on their own


def test_the_catalog_format_lists_every_unit():
    rows = {line.split("|")[1].strip(): line for line in README.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ")}
    assert [u for u in SALE_UNITS if u != "斤装" and u not in rows["unit"]] == []
    assert [u for u in PACK_UNITS if u not in rows["pack"]] == []


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


PRESSED = Catalog.from_dict({"products": [
    {"sku": "cake", "name": "老树普洱", "link": 1, "unit": "饼", "price": 180, "stock": 20},
    {"sku": "tong", "name": "普洱整提", "link": 2, "unit": "提", "pack": "7饼", "price": 1200, "stock": 5},
    {"sku": "green", "name": "散装绿茶", "link": 3, "unit": "两", "price": 30, "stock": 100},
    {"sku": "taste", "name": "岩茶品鉴装", "link": 4, "unit": "盒", "pack": "12泡", "price": 99, "stock": 10},
], "store": {"name": "测试茶叶店"}})


def test_pressed_tea_is_sold_by_the_cake_and_a_tong_declares_its_cakes():
    assert PRESSED.get("tong").pack_size == (7.0, "饼") and PRESSED.get("taste").pack_size == (12.0, "泡")
    assert [(i.sku, i.qty) for i in parse("来2饼", PRESSED, "cake").items] == [("cake", 2.0)]
    tong = parse("要14饼", PRESSED, "tong")
    assert [(i.sku, i.qty) for i in tong.items] == [("tong", 2.0)] and not tong.needs_review


@pytest.mark.parametrize("text, qty", [("来3两", 3.0), ("要半斤", 5.0), ("要1斤2两", 12.0), ("二两", 2.0)])
def test_loose_tea_sold_by_the_liang_converts_every_weight(text, qty):
    intent = parse(text, PRESSED, "green")
    assert [(i.sku, i.qty) for i in intent.items] == [("green", qty)] and not intent.needs_review
