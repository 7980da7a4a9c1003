"""One list of the people goods are bought for (``orders.kin``), read by the share reader, the note reader and the
person check alike: a word any of them knew (媳妇, 亲戚, 岳母) now counts in all of them. Invented stores: a bakery
and a butcher."""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind
from copilot.orders.lexicon import is_person

BAKERY = shop("测试面包房", ("tart", "葡式蛋挞", "盒", 20, {"aliases": ["蛋挞"]}),
              ("toast", "全麦吐司", "袋", 15, {"aliases": ["吐司"]}))
BUTCHER = shop("测试肉铺", ("ribs", "猪肋排", "斤", 32, {"aliases": ["排骨"]}))


@pytest.mark.parametrize(("catalog", "text", "current", "sku", "qty"), [
    (BAKERY, "蛋挞来两盒 一盒给我媳妇", "tart", "tart", 2),     # a part given to family: no more goods
    (BAKERY, "吐司来3袋 一袋给我岳母", "toast", "toast", 3),
    (BUTCHER, "排骨来2斤 一斤给我闺蜜", "ribs", "ribs", 2),     # and to a friend
])
def test_a_part_given_to_anyone_of_the_list_adds_no_goods(catalog, text, current, sku, qty):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {sku: qty}, (intent, items)


@pytest.mark.parametrize("word", ["媳妇", "我岳母", "丈母娘", "老二", "隔壁老王", "闺蜜"])
def test_every_word_of_the_list_is_a_person(word):
    assert is_person(word)


@pytest.mark.parametrize("word", ["吐司", "排骨", "蛋挞"])
def test_goods_are_no_person(word):
    assert not is_person(word)
