"""Remarks on an order and members named with 各, on invented stores (a noodle shop and a hardware counter), not the
words of any eval set: once the goods and the quantity are read, what is left is the order's note unless it names
other goods of the catalog or another quantity of them (``orders.remarks``); words that each pick one member of one
family of the catalog, said with 各, book each member (``pairing.each_member``). The probe store of the same classes
is /work/analysis/probe/notes (a pizza shop)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

NOODLES = Catalog.from_dict({"products": [
    {"sku": "rice_tomato", "name": "番茄过桥米线", "link": 1, "unit": "份", "price": 22, "stock": 50},
    {"sku": "rice_mushroom", "name": "菌汤过桥米线", "link": 2, "unit": "份", "price": 24, "stock": 50},
    {"sku": "brisket_rice", "name": "番茄牛腩饭", "link": 3, "unit": "份", "price": 28, "stock": 30},
    {"sku": "egg", "name": "卤蛋", "link": 4, "unit": "个", "price": 2, "stock": 100},
    {"sku": "ham", "name": "火腿肠", "link": 5, "unit": "根", "price": 3, "stock": 100},
    {"sku": "soy_milk", "name": "现磨豆浆", "aliases": ["豆浆"], "link": 6, "unit": "杯", "price": 5, "stock": 80},
    {"sku": "oat_milk", "name": "燕麦奶 1L", "aliases": ["燕麦奶"], "link": 7, "unit": "盒", "price": 19, "stock": 20},
    {"sku": "chili_oil", "name": "秘制辣椒油 200g", "aliases": ["辣椒油"], "link": 8, "unit": "瓶", "price": 15, "stock": 20},
]})

HARDWARE = Catalog.from_dict({"products": [
    {"sku": "tape_5", "name": "防水胶带 5米", "link": 1, "unit": "卷", "price": 12, "stock": 40},
    {"sku": "tape_10", "name": "防水胶带 10米", "link": 2, "unit": "卷", "price": 20, "stock": 40},
    {"sku": "brush_2", "name": "猪鬃油漆刷 2寸", "link": 3, "unit": "把", "price": 6, "stock": 40},
    {"sku": "brush_4", "name": "猪鬃油漆刷 4寸", "link": 4, "unit": "把", "price": 9, "stock": 40},
    {"sku": "putty", "name": "耐水腻子粉 20kg", "link": 5, "unit": "袋", "price": 45, "stock": 20},
]})


def _read(text, current, catalog=NOODLES):
    intent = parse(text, catalog, current)
    return intent, {i.sku: i.qty for i in intent.items}


@pytest.mark.parametrize("current, text, want, note", [
    ("rice_tomato", "来一份 要煮软一点的", {"rice_tomato": 1}, "要煮软一点的"),      # a description with 的
    ("rice_tomato", "来两份 粉煮硬一点", {"rice_tomato": 2}, "粉煮硬一点"),          # a degree with 一点
    ("rice_mushroom", "菌汤米线来一份 不要木耳", {"rice_mushroom": 1}, "不要木耳"),  # a part of the goods left out
    ("soy_milk", "豆浆 x2 要现磨好的", {"soy_milk": 2}, "要现磨好的"),               # a count with no unit
    ("rice_tomato", "来一份 三分辣", {"rice_tomato": 1}, "三分辣"),                  # a degree in tenths
    ("rice_tomato", "来一份 帮我把粉烫软", {"rice_tomato": 1}, "帮我把粉烫软"),      # a request to the cook
])
def test_a_remark_beside_the_order_is_its_note(current, text, want, note):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason
    assert note in intent.note


@pytest.mark.parametrize("current, text, want, note", [
    ("rice_tomato", "来一份 多加点辣椒油", {"rice_tomato": 1}, "多加点辣椒油"),      # 辣椒油 is sold as a 200g bottle
    ("rice_tomato", "番茄米线加辣椒油来一份", {"rice_tomato": 1}, "加辣椒油"),       # the add-in glued before 来
    ("soy_milk", "来一杯 换燕麦奶", {"soy_milk": 1}, "换燕麦奶"),                    # 燕麦奶 by the 盒: the milk swapped
    ("rice_tomato", "来两份 一份加辣椒油一份加醋", {"rice_tomato": 2}, "一份加辣椒油一份加醋"),  # by piece
    ("soy_milk", "豆浆来3杯 2杯少糖1杯不加糖", {"soy_milk": 3}, "2杯少糖1杯不加糖"),
    ("rice_tomato", "来两份 一份不要辣", {"rice_tomato": 2}, "一份不要辣"),
])
def test_an_add_in_or_a_split_by_piece_is_a_remark(current, text, want, note):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason
    assert note in intent.note


@pytest.mark.parametrize("current, text", [
    ("rice_tomato", "米线来一份 卤蛋来两个"),   # the add-in's goods counted: another order
    ("rice_tomato", "来一份 加个卤蛋"),          # 卤蛋 sold by the 个 (no pack by weight): one more egg, or asked
    ("rice_tomato", "来一份 加火腿肠"),
    ("rice_tomato", "来一份 菌汤的"),             # a word of the other member's name: which one, not a remark
    ("soy_milk", "来一杯 加一盒燕麦奶"),        # a count of other goods after 加: not a remark
    ("rice_tomato", "来两份 一份加卤蛋三份加火腿肠"),  # the shares add up to more than the order
])
def test_goods_counted_in_a_remark_are_no_note(current, text):
    intent, got = _read(text, current)
    assert intent.needs_review or len(got) > 1, intent
    assert not any(w in intent.note for w in ("卤蛋", "火腿肠", "一盒燕麦奶", "菌汤")), intent.note


@pytest.mark.parametrize("text", ["要煮软一点的", "帮我把粉烫软"])
def test_a_remark_alone_books_nothing(text):
    intent, _ = _read(text, "rice_tomato")
    assert not (intent.kind == Kind.ORDER and intent.items and not intent.needs_review), intent


@pytest.mark.parametrize("catalog, current, text, want", [
    (NOODLES, None, "番茄的菌汤的各来一份", {"rice_tomato": 1, "rice_mushroom": 1}),  # 番茄 of the 牛腩饭 too
    (NOODLES, "soy_milk", "番茄菌汤各来一份", {"rice_tomato": 1, "rice_mushroom": 1}),
    (HARDWARE, "putty", "5米的10米的各来一卷", {"tape_5": 1, "tape_10": 1}),
    (HARDWARE, "putty", "油漆刷2寸4寸各来一把", {"brush_2": 1, "brush_4": 1}),   # the family word says the kind
])
def test_members_named_by_attribute_with_ge(catalog, current, text, want):
    """(each member's word picks one member of one family; the family word said with them is the kind)"""
    intent, got = _read(text, current, catalog)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason



_PROBE = Path(__file__).parent / "data" / "notes_probe"  # the pizza shop of /work/analysis/probe/notes, labelled by LABELS.md
_ROWS = [json.loads(line) for line in (_PROBE / "comments.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("row", [r for r in _ROWS if r["cls"] in ("G1", "G2", "N")], ids=lambda r: r["id"])
def test_notes_probe_store(row):
    from evals.intents import is_exact
    got = parse(row["text"], Catalog.load(_PROBE), row["current_sku"]).to_dict()
    assert is_exact(row, got), got


@pytest.mark.parametrize("row", [r for r in _ROWS if r["cls"] == "C"], ids=lambda r: r["id"])
def test_notes_probe_goods_after_jia_are_no_note(row):
    got = parse(row["text"], Catalog.load(_PROBE), row["current_sku"]).to_dict()
    assert got["needs_review"] or len(got["items"]) == len(row["items"]), got
