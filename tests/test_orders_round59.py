"""Comment parser round 59, general readings found on the roast-meat (intents_blind56) and labour-supplies
(intents_blind57) comments, tried on invented stores:

- which piece of a bird cut in half or in parts the buyer wants (要腿, 要鸡胸那边), a part of its own after the order,
  is the order's note, like 上庄 / 下庄;
- what the buyer will use the goods for (洗车用, 装修用的), a part of its own after the order, is the order's note;
  talk about the goods (很好用, 不够用) and a question (做什么用) are no note.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser

BIRDS = Catalog.from_dict({"products": [
    {"sku": "salt_chicken_half", "name": "盐焗鸡（半只）", "aliases": ["盐焗鸡"], "link": 1, "unit": "份", "price": 38,
     "stock": 30},
    {"sku": "lu_duck", "name": "卤水鸭", "aliases": ["卤鸭"], "link": 2, "unit": "只", "price": 56, "stock": 20},
]})

GARAGE = Catalog.from_dict({"products": [
    {"sku": "bucket", "name": "加厚塑料水桶", "aliases": ["水桶"], "link": 1, "unit": "个", "price": 15, "stock": 50},
    {"sku": "sponge", "name": "洗车海绵", "aliases": ["海绵"], "link": 2, "unit": "块", "price": 5, "stock": 100},
]})


def test_piece_of_the_bird_is_a_note():
    intent = IntentParser(BIRDS).parse("盐焗鸡来一份 要腿", "salt_chicken_half")
    assert intent.kind.value == "order" and not intent.needs_review
    assert [(i.sku, i.qty) for i in intent.items] == [("salt_chicken_half", 1)]
    assert intent.note == "要腿"
    intent = IntentParser(BIRDS).parse("卤鸭来一只，要鸭胸那边", "lu_duck")
    assert [(i.sku, i.qty) for i in intent.items] == [("lu_duck", 1)] and intent.note == "要鸭胸那边"


def test_what_the_goods_are_for_is_a_note():
    intent = IntentParser(GARAGE).parse("来一个 洗车用", "bucket")
    assert intent.kind.value == "order" and not intent.needs_review
    assert [(i.sku, i.qty) for i in intent.items] == [("bucket", 1)]
    assert intent.note == "洗车用"
    intent = IntentParser(GARAGE).parse("水桶来两个 装修用的", "sponge")
    assert [(i.sku, i.qty) for i in intent.items] == [("bucket", 2)] and intent.note == "装修用的"


def test_talk_about_use_is_no_note():
    parser = IntentParser(GARAGE)
    assert parser.parse("来一个 很好用", "bucket").note == ""
    assert parser.parse("来一个 很好用", "bucket").items[0].qty == 1
    assert parser.parse("这个做什么用", "bucket").kind.value == "question"
    assert parser.parse("一个不够用", "bucket").note == ""
