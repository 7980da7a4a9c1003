"""Class C2 widened of the first-score misses, in general (LABELS rule 5): a word of ordinary Chinese that names a
CATEGORY over several listed products without being a part of all their names (肉丸 over 猪肉丸 and 牛丸, 水果 over
苹果 and 香蕉, 零食 over 薯片 and 饼干, the catalog's own ``category``) is one of several: review, even when one name
holds the word or one of them is on screen; what sets one apart (猪肉 of 猪肉丸, its full name) still books it, and a
count of kinds that is the family's size (两种…各) names them all. Invented stores no eval set sells;
``tests/data/probe_hyper`` is the probe written before the mechanism (a hot-pot supplies store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.categories import covers, lexicon
from copilot.orders.rules import parse
from evals.intents import is_exact

MART = Catalog.from_dict({"products": [
    {"sku": "pork_ball", "name": "手打猪肉丸 500g", "link": 1, "unit": "袋", "price": 25, "stock": 50},
    {"sku": "beef_ball", "name": "潮汕牛丸 500g", "link": 2, "unit": "袋", "price": 35, "stock": 50},
    {"sku": "fish_cake", "name": "鱼饼 300g", "link": 3, "unit": "袋", "price": 15, "stock": 50},
    {"sku": "apple", "name": "红富士苹果 5斤", "link": 4, "unit": "箱", "price": 39, "stock": 30},
    {"sku": "banana", "name": "海南香蕉", "link": 5, "unit": "斤", "price": 4, "stock": 100},
    {"sku": "chips", "name": "原味薯片 70g", "link": 6, "unit": "包", "price": 7, "stock": 80},
    {"sku": "cookie", "name": "黄油曲奇饼干", "link": 7, "unit": "盒", "price": 18, "stock": 40},
    {"sku": "dish_soap", "name": "柠檬洗洁精 1.5kg", "link": 8, "unit": "瓶", "category": "清洁用品", "price": 12,
     "stock": 40},
    {"sku": "laundry", "name": "薰衣草洗衣液 2kg", "link": 9, "unit": "瓶", "category": "清洁用品", "price": 29,
     "stock": 40},
    {"sku": "slipper", "name": "棉拖鞋", "link": 10, "unit": "双", "price": 19, "stock": 40},
    {"sku": "sandal", "name": "沙滩凉鞋", "link": 11, "unit": "双", "price": 29, "stock": 40},
    {"sku": "cola", "name": "百事可乐 2L", "link": 12, "unit": "瓶", "price": 8, "stock": 40},
    {"sku": "juice", "name": "鲜榨橙汁 1L", "link": 13, "unit": "瓶", "price": 15, "stock": 40},
    {"sku": "sports_drink", "name": "运动饮料 600ml", "link": 14, "unit": "瓶", "price": 6, "stock": 40},
    {"sku": "knife", "name": "不锈钢水果刀", "link": 15, "unit": "把", "price": 9, "stock": 40},
]})


def _read(text: str, current: str | None = None) -> tuple[list, bool, str]:
    intent = parse(text, MART, current)
    return [(i.sku, i.qty) for i in intent.items], intent.needs_review, intent.reason


@pytest.mark.parametrize("text,current", [
    # a general modifier before the head: 肉 over 猪肉 and 牛 (肉丸 is the end of one name only)
    ("肉丸来一袋", None),
    ("来两袋肉丸", None),
    ("肉丸 x2", "fish_cake"),
    # ... with one of them on screen: the viewer may mean the other
    ("肉丸来两袋", "pork_ball"),
    ("肉丸要一袋", "beef_ball"),
    # a category word said alone, over names that end with its members
    ("水果来一箱", None),
    ("水果要两斤", "banana"),
    ("零食来两包", "chips"),
    ("饮料来一瓶", None),
    ("饮料来两瓶", "sports_drink"),  # 饮料 ends one name (运动饮料): still one of several
    # the catalog's own category
    ("清洁用品来一瓶", None),
    # 都 over the category word alone (LABELS 5)
    ("肉丸都来一袋", None),
])
def test_a_category_word_over_several_listings_is_review(text, current):
    items, review, reason = _read(text, current)
    assert review and not [q for _, q in items if q], (text, items, reason)
    assert "种" in reason and "没说要哪一种" in reason or "都要" in reason, reason


@pytest.mark.parametrize("text,current,want", [
    # what sets one member apart books it: its modifier (猪肉 of 猪肉丸), its name, its own end word
    ("猪肉来一袋", None, [("pork_ball", 1)]),
    ("猪肉的来两袋", "beef_ball", [("pork_ball", 2)]),
    ("牛丸来两袋", "pork_ball", [("beef_ball", 2)]),
    ("手打猪肉丸 x1", "beef_ball", [("pork_ball", 1)]),
    ("苹果来一箱", None, [("apple", 1)]),
    ("香蕉来3斤", "apple", [("banana", 3)]),
    ("薯片来两包", None, [("chips", 2)]),
    ("拖鞋来一双", "sandal", [("slipper", 1)]),
    ("洗衣液来一瓶", None, [("laundry", 1)]),
    ("可乐来一瓶", "juice", [("cola", 1)]),
    ("运动饮料来一瓶", "cola", [("sports_drink", 1)]),
    ("水果刀来一把", None, [("knife", 1)]),  # 水果 inside a name's word is no category said
    # the category word, then the member: 肉丸要猪肉的
    ("肉丸要猪肉的 来两袋", None, [("pork_ball", 2)]),
    # a count of kinds that is the family's size names them all
    ("两种肉丸各来一袋", None, [("pork_ball", 1), ("beef_ball", 1)]),
    ("两种肉丸都来一袋", "chips", [("pork_ball", 1), ("beef_ball", 1)]),
    # no product word: the one on screen
    ("来两袋", "pork_ball", [("pork_ball", 2)]),
])
def test_what_sets_one_apart_still_books(text, current, want):
    items, review, reason = _read(text, current)
    assert not review and items == want, (text, items, reason)


def test_covers_reads_modifier_and_head():
    """肉丸 covers 猪肉丸 (its end) and 牛丸 (牛 is 肉, before the head 丸), not 鱼饼 or 鱼丸's other heads."""
    by = {p.sku: p for p in MART}
    assert covers("肉丸", by["pork_ball"]) and covers("肉丸", by["beef_ball"])
    assert not covers("肉丸", by["fish_cake"]) and not covers("肉丸", by["chips"])
    assert covers("水果", by["apple"]) and covers("水果", by["banana"]) and not covers("水果", by["chips"])
    assert covers("清洁用品", by["laundry"]) and not covers("清洁用品", by["cola"])


def test_lexicon_is_general_chinese_lines():
    """Every line of ``data/categories.txt`` has category words and members, all Chinese, each word on one line."""
    seen: set[str] = set()
    for words, members in lexicon():
        assert words and members
        assert all("\u4e00" <= ch <= "\u9fff" for w in (*words, *members) for ch in w)
        assert not seen & set(words), seen & set(words)
        seen |= set(words)


def test_probe_hyper_all_exact():
    """The probe written before the mechanism: category words in many phrasings, labelled by LABELS.md."""
    root = Path(__file__).parent / "data" / "probe_hyper"
    parser_catalog = Catalog.load(root)
    misses = []
    for line in (root / "comments.jsonl").read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        got = parse(c["text"], parser_catalog, c.get("current_sku")).to_dict()
        if not is_exact(c, got):
            misses.append((c["text"], got["items"], got["reason"]))
    assert not misses, misses
