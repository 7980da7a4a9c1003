"""Classes B1, F1/F2 and J of the first-score misses, in general, on an invented store no eval set sells (a hair salon
supply shop): a measure word that counts the same single items as the sale unit converts (LABELS rule 1, from the one
lexicon ``orders.classifiers``), a pack word never does without ``pack``; a unit or a name written by sound or shape is
read as meant when exactly one product is that close; an order word with a measure word and no number (带把, 留条,
捎罐) is one, and the person it is for is no goods. ``tests/data/probe_units`` is the probe written before the mechanism
(a camping store; 21 of 35 read exactly before it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.rules import parse
from evals.intents import is_exact

SALON = Catalog.from_dict({"products": [
    {"sku": "cape", "name": "防水理发围布", "aliases": ["围布"], "link": 1, "unit": "张", "price": 25, "stock": 40},
    {"sku": "extension", "name": "接发假发片 40cm", "aliases": ["假发片"], "link": 2, "unit": "片", "price": 39,
     "stock": 40},
    {"sku": "curler", "name": "陶瓷卷发棒 32mm", "aliases": ["卷发棒"], "link": 3, "unit": "支", "price": 129,
     "stock": 20},
    {"sku": "ribbon", "name": "缎面发带丝带 10米", "aliases": ["丝带"], "link": 4, "unit": "卷", "price": 12, "stock": 60},
    {"sku": "apron", "name": "美发师围裙", "aliases": ["围裙"], "link": 5, "unit": "个", "price": 45, "stock": 30},
    {"sku": "dryer", "name": "负离子吹风机", "aliases": ["吹风机"], "link": 6, "unit": "台", "price": 199, "stock": 20},
    {"sku": "clips", "name": "鸭嘴发夹 20个装", "aliases": ["鸭嘴夹"], "link": 7, "unit": "盒", "pack": "20个",
     "price": 15, "stock": 50},
    {"sku": "mask", "name": "修护发膜 500ml", "aliases": ["发膜"], "link": 8, "unit": "罐", "price": 59, "stock": 40},
    {"sku": "dye", "name": "植物染发剂", "aliases": ["染发剂"], "link": 9, "unit": "盒", "price": 68, "stock": 40},
    {"sku": "net", "name": "隐形发网", "aliases": ["发网"], "link": 10, "unit": "袋", "price": 9, "stock": 80},
    {"sku": "gloves", "name": "染发手套", "link": 11, "unit": "双", "price": 5, "stock": 100},
    {"sku": "slippers", "name": "一次性拖鞋", "aliases": ["拖鞋"], "link": 12, "unit": "双", "price": 2, "stock": 200},
    {"sku": "comb", "name": "尖尾梳", "aliases": ["梳子"], "link": 13, "unit": "把", "price": 8, "stock": 60},
    {"sku": "towel", "name": "速干毛巾", "aliases": ["毛巾"], "link": 14, "unit": "条", "price": 12, "stock": 60},
    {"sku": "wig", "name": "竖卷假发", "aliases": ["竖卷"], "link": 16, "unit": "顶", "price": 35, "stock": 30},
    {"sku": "lights", "name": "镜前串灯 3米", "aliases": ["串灯"], "link": 15, "unit": "串", "price": 29, "stock": 30},
]})


def _read(text: str, current: str | None = None) -> tuple[str, list, bool]:
    intent = parse(text, SALON, current)
    return intent.kind.value, [(i.sku, i.qty) for i in intent.items], intent.needs_review


@pytest.mark.parametrize("text,current,want", [
    # flat things: 张 / 片 / 块 count the same sheet
    ("围布来两块", None, [("cape", 2)]),
    ("来一片", "cape", [("cape", 1)]),
    ("假发片来两张", None, [("extension", 2)]),
    # a roll: 卷 / 轴 / 盘 / 团
    ("丝带来一盘", None, [("ribbon", 1)]),
    ("来两团", "ribbon", [("ribbon", 2)]),
    # a string: 串 / 挂
    ("串灯来一挂", None, [("lights", 1)]),
    # a word of one whole thing said of goods sold by the 个 (一条围裙), and 只 of goods sold by a single-item word
    ("围裙来一条", None, [("apron", 1)]),
    ("来一只", "dryer", [("dryer", 1)]),
    # a pack declared converts what it holds (40个 of a 盒 of 20个)
    ("鸭嘴夹来40个", None, [("clips", 2)]),
])
def test_a_measure_word_of_the_same_single_items_converts(text, current, want):
    assert _read(text, current) == ("order", want, False)


@pytest.mark.parametrize("text,current", [
    ("卷发棒来一盒", None),  # a pack word without pack: how many in a box? a person asks
    ("吹风机来一箱", None),
    ("来一袋", "cape"),
    ("来一只", "gloves"),  # one of a pair is not a pair
    ("鸭嘴夹来5个", None),  # 5 of a box of 20: a part pack
])
def test_a_pack_word_or_a_part_never_converts(text, current):
    assert _read(text, current)[2] is True


def test_the_lexicon_is_one_table():
    from copilot.orders.classifiers import same_count

    assert same_count("盘", "卷") and same_count("挂", "串") and same_count("片", "块") and same_count("条", "个")
    assert not same_count("盒", "支") and not same_count("片", "个") and not same_count("只", "双")


@pytest.mark.parametrize("text,want", [
    ("发网来一带", [("net", 1)]),
    ("发网来两代", [("net", 2)]),
    ("发膜来两灌", [("mask", 2)]),
    ("染发剂来一合", [("dye", 1)]),
    ("手套 一付", [("gloves", 1)]),
])
def test_a_unit_written_by_its_sound_or_shape_is_read_as_meant(text, want):
    assert _read(text) == ("order", want, False)


def test_a_sound_alike_of_a_unit_reads_only_where_a_quantity_ends():
    from copilot.orders.classifiers import units_as_meant

    assert units_as_meant("这一带有发网吗") == "这一带有发网吗"
    assert units_as_meant("等两分钟") == "等两分钟"
    assert units_as_meant("十分好用") == "十分好用"
    assert units_as_meant("来一分") == "来一份"


@pytest.mark.parametrize("text,want", [
    ("托鞋来10双", [("slippers", 10)]),  # a misspelling the dictionary keeps as a rare entry (托鞋: 3)
    ("坚卷来一顶", [("wig", 1)]),  # a character of one look (坚 / 竖) in the table of common confusions
    ("围帐来两张", None),  # no name reads like it: not read as goods
])
def test_a_misspelt_name_is_read_when_one_product_reads_that_close(text, want):
    kind, items, review = _read(text)
    if want is None:
        assert review and items == []
    else:
        assert (kind, items, review) == ("order", want, False)


@pytest.mark.parametrize("text,want", [
    ("给我老婆带把梳子", [("comb", 1)]),
    ("帮我老公捎罐发膜", [("mask", 1)]),
    ("给我爸也留条毛巾", [("towel", 1)]),
    ("给老妈也来一双手套", [("gloves", 1)]),
    ("发膜带一罐", [("mask", 1)]),
])
def test_an_order_word_with_a_measure_word_and_a_person_is_an_order(text, want):
    assert _read(text) == ("order", want, False)


def test_a_bare_carry_word_is_no_order():
    assert _read("发膜带吗")[0] != "order"


def test_probe_written_before_the_mechanism_is_read():
    """All but two rows: 帐篷 alone beside 帐篷绳 (a rope named after what it serves) is the family-word class, not a
    unit or a typo."""
    root = Path(__file__).parent / "data" / "probe_units"
    catalog = Catalog.load(root)
    rows = [json.loads(line) for line in (root / "comments.jsonl").read_text(encoding="utf-8").splitlines()]
    missed = [r["text"] for r in rows if not is_exact(r, parse(r["text"], catalog, r["current_sku"]).to_dict())]
    assert missed == ["账篷来一顶", "给我老公带顶帐篷"]
