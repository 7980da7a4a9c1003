"""Parser round 5: rules a shop assistant applies to any store's comments (a family word is the head of its
kinds' names, not the start of other goods; 来几个 is an order without a number; a viewer who will be back
tomorrow orders nothing; a product named beside a vague quantity is the one meant)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

BUTCHER = Catalog.from_dict({"products": [
    {"sku": "beef_y", "name": "黄牛肉", "link": 1, "unit": "斤", "price": 45, "stock": 30},
    {"sku": "beef_t", "name": "牦牛肉", "link": 2, "unit": "斤", "price": 60, "stock": 30},
    {"sku": "jerky", "name": "牛肉干", "link": 3, "unit": "袋", "price": 30, "stock": 30},
    {"sku": "ball", "name": "牛肉丸", "link": 4, "unit": "斤", "price": 25, "stock": 30},
    {"sku": "zongzi", "name": "肉粽", "aliases": ["粽子"], "link": 5, "unit": "个", "price": 6, "stock": 50},
    {"sku": "rice", "name": "东北大米", "aliases": ["大米"], "link": 6, "unit": "袋", "price": 50, "stock": 20},
]})

CASES = [
    # 牛肉 names 黄牛肉 / 牦牛肉 (its kinds); 牛肉干 and 牛肉丸 are goods made of it, not the one meant
    ("beef_y", "牛肉来两袋", "order", {}, True),
    ("beef_y", "牛肉来2斤", "order", {}, True),
    (None, "牛肉干来两袋", "order", {"jerky": 2}, False),
    (None, "黄牛肉2斤", "order", {"beef_y": 2}, False),
    # 来几个 X: an order, how many not said; the product named, not the one on screen
    ("rice", "来几个粽子", "order", {"zongzi": None}, True),
    ("zongzi", "来几个", "order", {"zongzi": None}, True),
    ("rice", "来点牛肉干", "order", {"jerky": None}, True),
    ("rice", "大米拍了", "order", {"rice": None}, True),
    ("zongzi", "来几个?", "question", {}, False),
    ("zongzi", "还有几个", "question", {}, False),
    # the viewer will be back (明天还来, 下次再来看) or followed the stream: no order
    ("rice", "明天还来", "other", {}, False),
    ("rice", "已关注 明天还来", "other", {}, False),
    ("rice", "下次再来看哈", "other", {}, False),
    ("rice", "关注了 来2袋", "order", {"rice": 2}, False),
    ("rice", "明天再来2袋", "order", {"rice": 2}, False),
]


@pytest.mark.parametrize("current, text, kind, items, review", CASES, ids=[c[1] for c in CASES])
def test_round5_rules(current, text, kind, items, review):
    intent = parse(text, BUTCHER, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    if not review or items:
        assert {i.sku: i.qty for i in intent.items} == items, intent.reason
