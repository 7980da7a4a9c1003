"""Knowledge base, round 20: a size asked by a dimension notes often leave unnamed (多长) is answered by a value
said plainly (一卷 15 米) or with that dimension (长 80 厘米), never by one said of another dimension only
(手柄直径 3 厘米, 宽 60 厘米，厚 1 厘米). Invented store: a hardware and household-tools shop."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

TOOLS = """store:
  name: 老街五金铺
  address: 桂花路 12 号
products:
  - {sku: driver, name: 十字螺丝刀, aliases: [螺丝刀], link: 1, unit: 把, price: 12, stock: 30, notes: notes/driver.md}
  - {sku: board, name: 松木隔板, aliases: [隔板], link: 2, unit: 块, price: 25, stock: 20, notes: notes/board.md}
  - {sku: hose, name: 园艺水管, aliases: [水管], link: 3, unit: 卷, price: 39, stock: 10, notes: notes/hose.md}
  - {sku: mat, name: 门口地垫, aliases: [地垫], link: 4, unit: 块, price: 29, stock: 15, notes: notes/mat.md}
"""

TOOLS_NOTES = {
    "driver.md": "# 十字螺丝刀\n\n铬钒钢的刀头，带磁性。手柄直径 3 厘米，握着不累。\n",
    "board.md": "# 松木隔板\n\n长 80 厘米，宽 20 厘米，能承 15 公斤。\n",
    "hose.md": "# 园艺水管\n\n一卷 15 米，接头是铜的，冬天别放外面冻着。\n",
    "mat.md": "# 门口地垫\n\n宽 60 厘米，厚 1 厘米，橡胶底防滑，脏了拿水冲。\n",
}


@pytest.fixture(scope="module")
def tools_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "tools", TOOLS, TOOLS_NOTES)


@pytest.mark.parametrize("question,current", [
    ("螺丝刀多长", "driver"),   # only the handle's diameter is written
    ("地垫多长", "mat"),        # only its width and thickness are written
])
def test_a_length_is_not_answered_by_another_dimension(tools_kb, question, current):
    a = tools_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


@pytest.mark.parametrize("question,current,fact", [
    ("隔板多长", "board", "80 厘米"),   # 长 named beside 宽 in the same clause
    ("水管多长", "hose", "15 米"),      # a length said without naming the dimension
    ("地垫多宽", "mat", "60 厘米"),     # the other dimension asked by its own word
])
def test_a_length_said_plainly_or_by_its_name_still_answers(tools_kb, question, current, fact):
    a = tools_kb.answer(question, current_sku=current)
    assert a.answered and fact in a.text, (question, a.text, a.why)


# A dose put in each time (一次放 500 克面粉, 每次加 2 到 3 斤排骨) is no weight of the product that takes it.
# Invented store: a kitchen appliance and cookware shop.
KITCHEN = """store:
  name: 好味厨具店
  address: 枫林路 3 号
products:
  - {sku: breadmaker, name: 家用面包机, aliases: [面包机], link: 1, unit: 台, price: 299, stock: 8,
     notes: notes/breadmaker.md}
  - {sku: claypot, name: 陶土砂锅, aliases: [砂锅], link: 2, unit: 个, price: 69, stock: 12, notes: notes/claypot.md}
  - {sku: kettle, name: 不锈钢烧水壶, aliases: [烧水壶], link: 3, unit: 个, price: 59, stock: 20, notes: notes/kettle.md}
"""

KITCHEN_NOTES = {
    "breadmaker.md": "# 家用面包机\n\n## 用法\n\n每次放 500 克面粉，加 1 小勺酵母，按一下就不用管了。\n",
    "claypot.md": "# 陶土砂锅\n\n## 炖汤\n\n一次加 2 到 3 斤排骨，小火炖两个小时。新锅先用米汤煮一遍。\n",
    "kettle.md": "# 不锈钢烧水壶\n\n## 规格\n\n一次加 1.5 升水，壶身 800 克，提着不累。\n",
}


@pytest.fixture(scope="module")
def kitchen_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "kitchen", KITCHEN, KITCHEN_NOTES)


@pytest.mark.parametrize("question,current", [
    ("面包机多重", "breadmaker"),   # only 每次放 500 克面粉 is written
    ("砂锅多重", "claypot"),        # only 一次加 2 到 3 斤排骨 is written
])
def test_a_dose_put_in_is_no_weight_of_the_product(kitchen_kb, question, current):
    a = kitchen_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


@pytest.mark.parametrize("question,current,fact", [
    ("面包机一次放多少面粉", "breadmaker", "500 克"),   # the dose asked is still answered
    ("烧水壶多重", "kettle", "800 克"),                # its own weight beside a dose
])
def test_a_dose_still_answers_a_dose_and_a_weight_beside_it_answers(kitchen_kb, question, current, fact):
    a = kitchen_kb.answer(question, current_sku=current)
    assert a.answered and fact in a.text, (question, a.text, a.why)


# A clock said as the deadline to order by (上午 10 点前下的单当天送) is no answer to when it arrives (几点能送到);
# an arrival time said beside it still answers. Invented store: a neighbourhood bakery-and-flower delivery shop
# whose rules are store fields.
FLOWERS = """store:
  name: 街角花店
  address: 银杏路 8 号
  delivery: 上午 10 点前下的单当天送，5 公里内免费。
products:
  - {sku: rose, name: 红玫瑰花束, aliases: [玫瑰], link: 1, unit: 束, price: 99, stock: 10, notes: notes/rose.md}
"""

FLOWERS_NOTES = {"rose.md": "# 红玫瑰花束\n\n11 枝一束，配尤加利叶。\n"}


@pytest.fixture(scope="module")
def flowers_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "flowers", FLOWERS, FLOWERS_NOTES)


def test_an_order_deadline_is_no_arrival_time(flowers_kb):
    a = flowers_kb.answer("送货几点能送到")
    assert not a.answered, (a.text, a.why)


def test_an_arrival_time_beside_the_deadline_still_answers(tmp_path_factory):
    store = FLOWERS.replace("当天送，", "当天送，下午 3 点到 6 点送到家，")
    kb = store_kb(tmp_path_factory, "flowers2", store, FLOWERS_NOTES)
    a = kb.answer("送货几点能送到")
    assert a.answered and "3 点" in a.text, (a.text, a.why)
