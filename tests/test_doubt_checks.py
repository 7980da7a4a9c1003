"""The checks evals.doubt_history runs on old doubtful bookings: each flags its kind of doubt and not a plain order."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from evals.doubt_history import own_quantity, shared_word, typo

SHOP = Catalog.from_dict({"products": [
    {"sku": "duck", "name": "老鸭", "link": 1, "unit": "只", "price": 60, "stock": 10},
    {"sku": "squid", "name": "鱿鱼", "link": 2, "unit": "斤", "price": 30, "stock": 10},
    {"sku": "bass", "name": "鲈鱼", "link": 3, "unit": "条", "price": 25, "stock": 10},
    {"sku": "milk_fresh", "name": "巴氏鲜牛奶", "link": 4, "unit": "瓶", "price": 16, "stock": 10},
    {"sku": "milk_box", "name": "常温纯牛奶", "link": 5, "unit": "箱", "price": 49, "stock": 10},
]})


def test_typo_flags_a_word_that_is_another_thing_and_not_the_name():
    assert typo("老鸦要一只", None, SHOP, [{"sku": "duck"}])
    assert not typo("老鸭要一只", None, SHOP, [{"sku": "duck"}])


def test_own_quantity_flags_repeats_and_copies_without_a_product():
    assert own_quantity("扣1扣1扣1", "duck", SHOP, [{"sku": "duck"}])
    assert own_quantity("我也要", "duck", SHOP, [{"sku": "duck"}])
    assert not own_quantity("昨天买了2斤 今天再来2斤", "squid", SHOP, [{"sku": "squid"}])
    assert not own_quantity("鱿鱼2斤", "duck", SHOP, [{"sku": "squid"}])


def test_shared_word_flags_a_family_word_read_as_one_of_them():
    assert shared_word("牛奶来2瓶", None, SHOP, [{"sku": "milk_fresh"}])
    assert not shared_word("巴氏鲜牛奶来2瓶", None, SHOP, [{"sku": "milk_fresh"}])


def test_shared_word_flags_a_kind_character_unless_the_unit_fits_one_alone():
    assert shared_word("鱼来2", "bass", SHOP, [{"sku": "bass"}])       # 鱼 of 鱿鱼 and 鲈鱼; a count fits either
    assert not shared_word("鱼来2斤", "squid", SHOP, [{"sku": "squid"}])  # only 鱿鱼 is sold by weight
    assert not shared_word("鱼来2条", "bass", SHOP, [{"sku": "bass"}])  # only 鲈鱼 is sold by the 条
    assert not shared_word("鲈鱼来2个", "bass", SHOP, [{"sku": "bass"}])
