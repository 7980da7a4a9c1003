"""Knowledge base, round 21: a value the question states itself is no answer to it (早上几点炸的 is not answered by
每天早上现炸的), and a step done in the fridge (放冷藏解冻 6 个小时) tells how long the step takes, never how
long the food keeps. Invented stores: a breakfast stall and a frozen seafood shop."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

BREAKFAST = """store:
  name: 巷口早点铺
  address: 杏花路 8 号
products:
  - {sku: youtiao, name: 现炸油条, aliases: [油条], link: 1, unit: 根, price: 2, stock: 80, notes: notes/youtiao.md}
  - {sku: soymilk, name: 石磨豆浆, aliases: [豆浆], link: 2, unit: 杯, price: 3, stock: 60, notes: notes/soymilk.md}
  - {sku: baozi, name: 鲜肉包子, aliases: [包子], link: 3, unit: 个, price: 2, stock: 90, notes: notes/baozi.md}
"""

BREAKFAST_NOTES = {
    "youtiao.md": "# 现炸油条\n\n每天早上现炸的，用的是一级大豆油，配豆浆好吃。\n",
    "soymilk.md": "# 石磨豆浆\n\n每天早上 5 点半用石磨磨的，不加糖的也有。\n",
    "baozi.md": "# 鲜肉包子\n\n晚上蒸的话隔水蒸 10 分钟就透了，猪肉是前腿肉。\n",
}


@pytest.fixture(scope="module")
def breakfast_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "breakfast", BREAKFAST, BREAKFAST_NOTES)


def test_a_time_of_day_the_question_says_itself_is_no_clock(breakfast_kb):
    a = breakfast_kb.answer("早上几点炸的", current_sku="youtiao")   # the notes say 早上, never the hour
    assert not a.answered, (a.text, a.why)


@pytest.mark.parametrize("question,current,fact", [
    ("早上几点磨的", "soymilk", "5 点"),         # the hour beside the time of day the question said
    ("晚上蒸要多久", "baozi", "10 分钟"),        # 晚上 is the case asked of, the duration is new
])
def test_a_new_value_beside_the_words_asked_still_answers(breakfast_kb, question, current, fact):
    a = breakfast_kb.answer(question, current_sku=current)
    assert a.answered and fact in a.text, (question, a.text, a.why)


SEAFOOD = """store:
  name: 海港冻品铺
  address: 渔港路 3 号
products:
  - {sku: shrimp, name: 冷冻虾仁, aliases: [虾仁], link: 1, unit: 袋, price: 45, stock: 20, notes: notes/shrimp.md}
  - {sku: squid, name: 鱿鱼须, aliases: [鱿鱼], link: 2, unit: 袋, price: 30, stock: 25, notes: notes/squid.md}
"""

SEAFOOD_NOTES = {
    "shrimp.md": "# 冷冻虾仁\n\n吃之前前一天晚上放冷藏室解冻 6 个小时，别用热水泡。\n",
    "squid.md": "# 鱿鱼须\n\n鱿鱼须放冷藏室解冻 4 个小时就行。冻着零下 18 度能放 8 个月。\n",
}


@pytest.fixture(scope="module")
def seafood_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "seafood", SEAFOOD, SEAFOOD_NOTES)


@pytest.mark.parametrize("question", ["虾仁放冷藏能放几天", "冷藏能放多久"])
def test_a_thawing_time_in_the_fridge_is_no_keeping_time(seafood_kb, question):
    a = seafood_kb.answer(question, current_sku="shrimp")
    assert not a.answered, (question, a.text, a.why)


def test_the_keeping_time_beside_a_thawing_time_still_answers(seafood_kb):
    a = seafood_kb.answer("冻着能放多久", current_sku="squid")
    assert a.answered and "8 个月" in a.text, (a.text, a.why)


def test_the_thawing_time_still_answers_how_long_to_thaw(seafood_kb):
    a = seafood_kb.answer("解冻要多久", current_sku="shrimp")
    assert a.answered and "6 个小时" in a.text, (a.text, a.why)


# The shop's name answers what the shop is called, never what a product said beside it is called (花肥叫啥名).
# Invented store: a garden and seedling shop.
GARDEN = """store:
  name: 青藤园艺小铺
  address: 梧桐路 21 号
products:
  - {sku: feed, name: 缓释花肥, aliases: [花肥], link: 1, unit: 袋, price: 15, stock: 40, notes: notes/feed.md}
  - {sku: rose, name: 月季苗, aliases: [月季], link: 2, unit: 盆, price: 25, stock: 12, notes: notes/rose.md}
"""

GARDEN_NOTES = {
    "feed.md": "# 缓释花肥\n\n一个月撒一次，一盆撒一小勺，别挨着根。\n",
    "rose.md": "# 月季苗\n\n两年生的苗，今年就能开花，要晒太阳。\n",
}


@pytest.fixture(scope="module")
def garden_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "garden", GARDEN, GARDEN_NOTES)


@pytest.mark.parametrize("question,current", [("月季叫啥名", "rose"), ("月季苗叫啥名", "feed")])
def test_the_shops_name_is_no_name_of_a_product_asked(garden_kb, question, current):
    a = garden_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


def test_the_shops_name_still_answers_what_the_shop_is_called(garden_kb):
    a = garden_kb.answer("你们店叫啥名")
    assert a.answered and "青藤园艺小铺" in a.text, (a.text, a.why)
