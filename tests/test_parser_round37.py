"""Parser round 37, probed on stores unlike the instant-food and optical shops it was found in: a listing named
with its pack and what the pack holds (整箱24瓶, 三连包) is the same goods as the single listing, so a unit said
picks between them, even beside the other one on screen (LABELS rule 2)."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.rules import parse

DRINKS = Catalog.from_dict({"products": [
    {"sku": "water_one", "name": "天然矿泉水 单瓶", "link": 1, "unit": "瓶", "price": 2, "stock": 200},
    {"sku": "water_case", "name": "天然矿泉水 整箱24瓶", "link": 2, "unit": "箱", "pack": "24瓶", "price": 40,
     "stock": 30},
    {"sku": "yogurt_cup", "name": "老酸奶 杯装", "link": 3, "unit": "杯", "price": 6, "stock": 60},
    {"sku": "yogurt_3", "name": "老酸奶 三连包", "link": 4, "unit": "提", "pack": "3杯", "price": 16, "stock": 30},
    {"sku": "juice", "name": "鲜榨橙汁", "link": 5, "unit": "瓶", "price": 12, "stock": 30},
]})


def _read(text, current, catalog=DRINKS):
    intent = parse(text, catalog, current)
    return intent, {i.sku: i.qty for i in intent.items}


def test_a_pack_with_its_count_is_the_same_goods_as_the_single_listing():
    intent, items = _read("天然矿泉水来一箱", None)  # 整箱24瓶: the 箱 of the water sold by the 瓶
    assert not intent.needs_review and items == {"water_case": 1}
    intent, items = _read("矿泉水来3瓶", None)
    assert not intent.needs_review and items == {"water_one": 3}
    intent, items = _read("老酸奶来两提", None)  # 三连包: a 提 of the 杯 yogurt
    assert not intent.needs_review and items == {"yogurt_3": 2}


def test_the_unit_picks_the_listing_even_beside_the_other_shown():
    intent, items = _read("老酸奶来一提", "yogurt_cup")
    assert not intent.needs_review and items == {"yogurt_3": 1}
    intent, items = _read("矿泉水来一箱", "water_one")
    assert not intent.needs_review and items == {"water_case": 1}


def test_a_family_unit_said_without_a_pack_word_stays_for_a_person():
    intent, _ = _read("老酸奶来两个", "yogurt_cup")  # 个: the 杯 or a 提?
    assert intent.needs_review
