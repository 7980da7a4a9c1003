"""Parser round 30 (tuning set 29): what a viewer says besides the goods in stores other than a dried-goods shop
(a bakery, a butcher, a pharmacy, an egg stall, a shoe shop).

- 早上买的 晚上一起来拿, 今天订的 明天来取: the goods bought at a time, named by 的, are what was ordered before:
  no new order (今天买两个 still is one).
- 100的来一瓶 of 维生素C 100粒 beside 60粒, 30的来两盒 of 土鸡蛋 30枚: a count of grains, eggs or sheets in one
  product's name, said bare, names that product, never a quantity.
- 排骨来两斤 一斤给我妈, 拖鞋来3双 一双给我婆婆: one part of the goods said, given to a person, is a remark on
  their use: the quantity said first, no more goods.
- 刚才扣1是要吐司 来两袋, 刚才扣的是雪地靴 来一双, 刚才扣1是要猪肉馅: what an earlier 扣1 was for, said with nothing
  on screen, is the order of those goods (扣1 is the count when no other is said).
"""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind

BAKERY = shop("测试面包房", ("toast", "全麦吐司", "袋", 15, {"aliases": ["吐司"]}),
              ("cake", "奶油蛋糕 6寸", "个", 88, {"aliases": ["蛋糕"]}))
PHARMACY = shop("测试药房", ("vc100", "维生素C 100粒", "瓶", 39, {}), ("vc60", "维生素C 60粒", "瓶", 29, {}),
                ("mask", "医用口罩 50只装", "盒", 25, {"aliases": ["口罩"]}))
EGGS = shop("测试蛋铺", ("egg30", "土鸡蛋 30枚", "盒", 36, {"aliases": ["土鸡蛋"]}),
            ("duck", "咸鸭蛋", "个", 3, {}))
BUTCHER = shop("测试肉铺", ("ribs", "猪肋排", "斤", 32, {"aliases": ["排骨"]}), ("mince", "猪肉馅", "斤", 18, {}))
SHOES = shop("测试鞋店", ("slipper", "棉拖鞋", "双", 25, {"aliases": ["拖鞋"]}), ("boot", "雪地靴", "双", 129, {}))


@pytest.mark.parametrize(("catalog", "text", "current"), [
    (BAKERY, "早上买的 晚上一起来拿", "toast"),
    (BAKERY, "今天订的 明天来取", "cake"),
    (BUTCHER, "下午买的 帮我放冰箱", "ribs"),
    (SHOES, "今天买的", "slipper"),
])
def test_goods_bought_at_a_time_named_by_de_are_no_new_order(catalog, text, current):
    intent, items = parsed(catalog, text, current)
    assert intent.kind != Kind.ORDER and not items


@pytest.mark.parametrize(("catalog", "text", "current", "want"), [
    (BAKERY, "今天买两袋", "toast", {"toast": 2}),
    (BUTCHER, "早上要的排骨 再来两斤", "ribs", {"ribs": 2}),
])
def test_an_order_said_with_a_time_stays_an_order(catalog, text, current, want):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


@pytest.mark.parametrize(("catalog", "text", "current", "want"), [
    (PHARMACY, "100的来一瓶", "vc100", {"vc100": 1}),
    (PHARMACY, "60的来两瓶", "vc100", {"vc60": 2}),
    (EGGS, "30的来两盒", "egg30", {"egg30": 2}),
])
def test_a_count_in_one_name_said_bare_names_that_product(catalog, text, current, want):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


@pytest.mark.parametrize(("catalog", "text", "current", "want"), [
    (BUTCHER, "排骨来两斤 一斤给我妈", "ribs", {"ribs": 2}),
    (SHOES, "拖鞋来3双 一双给我婆婆", "slipper", {"slipper": 3}),
    (PHARMACY, "口罩来两盒 一盒给我爸", "mask", {"mask": 2}),
])
def test_one_part_given_to_a_person_is_no_more_goods(catalog, text, current, want):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want
    assert "给" not in (intent.note or "")


def test_a_part_larger_than_the_quantity_goes_to_a_person():
    intent, _ = parsed(SHOES, "拖鞋来一双 两双给我婆婆", "slipper")
    assert intent.needs_review


@pytest.mark.parametrize(("catalog", "text", "want"), [
    (BAKERY, "刚才扣1是要吐司 来两袋", {"toast": 2}),
    (SHOES, "刚才扣的是雪地靴 来一双", {"boot": 1}),
    (BUTCHER, "刚才扣1是要猪肉馅", {"mince": 1}),
])
def test_what_an_earlier_kou1_was_for_is_the_order(catalog, text, want):
    intent, items = parsed(catalog, text, None)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want
