"""Family words, read from the head nouns of the catalog's names (classes C2 and L of the first-score misses), in
invented stores no eval set holds.

- A word names the KIND of the listings it is the head of (the noun a name ends with, before its specs): 花盆 is the
  陶土花盆, not the 花盆托盘 (a tray, whose head is 托盘), also with the tray on screen; a word that heads several
  listings (手套 of two 园艺手套) is their family, one of several (review).
- Only a listing whose head is a thing made for the word (a rope, a cage, a sleeve, a rack, a tray: 帐篷绳) is no
  kind of it; one that holds the word as its stuff or filling (核桃仁, 核桃酥 of 核桃) keeps the word a family.
- A word said as a qualifier (蛋黄的) is not read by its head.
- 都 over a family word is no pair: the comment must count or spread over its members (两种手套都来一双, 手套各来一双),
  however many the family holds (LABELS rules 5 and 7).

``tests/data/probe_family`` is the probe written before the mechanism (a kitchenware store; 24 of 37 read exactly
before it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from doubles import parsed, shop

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse
from evals.intents import is_exact

GARDEN = shop("测试园艺小铺",
              ("pot", "陶土花盆 20cm", "个", 25, {"aliases": ["红陶盆"]}),
              ("pot_tray", "花盆托盘", "个", 8, {"aliases": ["接水盘"]}),
              ("shears", "修枝剪刀", "把", 39, {"aliases": ["修枝剪"]}),
              ("sheath", "剪刀皮套", "个", 15, {}),
              ("hose", "伸缩水管 15米", "根", 59, {}),
              ("reel", "水管收纳车", "台", 99, {}),
              ("glove_red", "园艺手套 红色", "双", 12, {}),
              ("glove_green", "园艺手套 绿色", "双", 12, {}))
NUTS = shop("测试干果铺",
            ("walnut", "纸皮核桃", "袋", 30, {}),
            ("kernel", "核桃仁 250g", "袋", 35, {}),
            ("cookie", "核桃酥", "盒", 20, {}))


@pytest.mark.parametrize(("text", "current", "items"), [
    ("花盆来一个", None, {"pot": 1}),
    ("花盆 x2", "pot_tray", {"pot": 2}),
    ("剪刀来一把", None, {"shears": 1}),
    ("剪刀 1把", "sheath", {"shears": 1}),
    ("水管来一根", "reel", {"hose": 1}),
])
def test_a_word_names_the_listing_it_is_the_head_of(text, current, items):
    intent, got = parsed(GARDEN, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == items, intent


@pytest.mark.parametrize(("text", "current"), [("手套来一双", None), ("手套 x1", "pot")])
def test_a_word_that_heads_several_listings_is_their_family(text, current):
    intent, got = parsed(GARDEN, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review and not got, intent


def test_the_stuff_or_filling_of_another_listing_keeps_the_word_a_family():
    intent, got = parsed(NUTS, "核桃来一袋", None)
    assert intent.needs_review and not got, intent


@pytest.mark.parametrize(("text", "current"), [("手套都来一双", "glove_red"), ("手套都要一双", None),
                                               ("手套各来一双", "glove_red")])  # 各 as 都: which ones? (gen-each, class L)
def test_all_of_a_family_of_two_without_a_count_is_confirmed(text, current):
    intent, got = parsed(GARDEN, text, current)
    assert intent.kind == Kind.ORDER and intent.needs_review and not got, intent


@pytest.mark.parametrize("text", ["两种手套都来一双", "手套两种各来一双", "红色绿色各来一双"])
def test_all_of_a_family_counted_or_spread_is_booked(text):
    intent, got = parsed(GARDEN, text, "glove_red")
    assert not intent.needs_review and got == {"glove_red": 1, "glove_green": 1}, intent


def test_a_family_word_typed_by_its_sound_alone_stays_the_family():
    lamps = shop("测试灯具店", ("lamp_s", "6号宫灯 一对", "对", 40, {"aliases": ["6号宫灯"]}),
                 ("lamp_l", "10号宫灯 一对", "对", 60, {"aliases": ["10号宫灯"]}))
    intent, got = parsed(lamps, "宫登 x1", "lamp_s")
    assert intent.needs_review and not got, intent


LUNCH = shop("测试便当用品店", ("box", "不锈钢饭盒 双层", "个", 39, {"aliases": ["饭盒"]}),
             ("box_warm", "插电加热饭盒", "个", 89, {}),
             ("bag", "保温便当袋", "个", 19, {}))


@pytest.mark.parametrize(("current", "items"), [("box_warm", None), ("box", {"box": 1}), ("bag", {"box": 1})])
def test_a_name_that_is_the_kind_of_the_shown_listing_asks(current, items):
    """饭盒 is a name of the 不锈钢饭盒 and the head of the shown 插电加热饭盒: either (a person asks)."""
    intent, got = parsed(LUNCH, "饭盒来一个", current)
    assert intent.kind == Kind.ORDER and intent.needs_review is (items is None), intent
    assert got == (items or {}), intent


def test_a_word_read_by_its_head_after_a_bare_measure_word_is_one():
    """给我妈带个花盆: 带 and a measure word before the goods, no number, is one of the listing the word heads."""
    intent, got = parsed(GARDEN, "给我妈带个花盆", None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and got == {"pot": 1}, intent


def test_probe_written_before_the_mechanism_is_read():
    """All but two rows: 带盒 after a person word (婆婆带盒筷子) is the bare-measure class, and a one-character kind
    spread with 每样 (碗每样来一个) is not read as its members."""
    root = Path(__file__).parent / "data" / "probe_family"
    catalog = Catalog.load(root)
    rows = [json.loads(line) for line in (root / "comments.jsonl").read_text(encoding="utf-8").splitlines()]
    missed = [r["text"] for r in rows if not is_exact(r, parse(r["text"], catalog, r["current_sku"]).to_dict())]
    # 围裙来一条 with the black 防油围裙 shown beside the red (f019) is labelled review; LABELS rule 9 (settled after the
    # probe was written) reads it as the colour on screen
    assert missed == ["给我婆婆带盒筷子", "围裙来一条", "碗每样来一个"]
