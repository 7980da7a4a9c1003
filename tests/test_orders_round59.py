"""Comment parser round 59, general readings found on the roast-meat (intents_blind56), labour-supplies (intents_blind57)
and frozen-food (intents_blind58) comments, tried on invented stores:

- which piece of a bird cut in half or in parts the buyer wants (要腿, 要鸡胸那边), a part of its own after the order,
  is the order's note, like 上庄 / 下庄;
- what the buyer will use the goods for (洗车用, 装修用的), a part of its own after the order, is the order's note;
  talk about the goods (很好用, 不够用) and a question (做什么用) are no note;
- 木 and 米 under one sound part (榚 / 糕) look alike, like 木 / 禾, and a radical in several such pairs is near each;
- a slip of a word several names share (发榚 for 发糕), glued after the word that names one of them (黑米), is the
  rest of that product's name, not goods nobody lists; alone it still goes to a person.
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



STEAMED = Catalog.from_dict({"products": [
    {"sku": "black_rice_cake", "name": "红枣黑米发糕", "aliases": ["黑米发糕", "红枣发糕", "红枣黑米"], "link": 1,
     "unit": "个", "price": 5, "stock": 50},
    {"sku": "corn_cake", "name": "玉米发糕", "link": 2, "unit": "个", "price": 4, "stock": 50},
]})


def test_wood_and_rice_radicals_look_alike():
    from copilot.orders.alike import looks_near

    assert looks_near("榚", "糕") and looks_near("糕", "榚")  # 木 / 米 under one sound part
    assert looks_near("杪", "秒") and looks_near("秒", "杪")  # 木 / 禾 both ways, with 木 in three pairs


def test_slip_of_a_shared_word_after_the_named_product():
    parser = IntentParser(STEAMED)
    for shown in ("black_rice_cake", "corn_cake"):  # 发榚 for 发糕, which both names end in; 黑米 names one
        intent = parser.parse("黑米发榚来两个", shown)
        assert not intent.needs_review
        assert [(i.sku, i.qty) for i in intent.items] == [("black_rice_cake", 2)]
    assert parser.parse("发榚来一个", "corn_cake").needs_review  # which of the two: a person asks
