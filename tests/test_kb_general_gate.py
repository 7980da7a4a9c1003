"""Knowledge base: the general gate (gate.py). On a store never seen the passage holding the answer is retrieved,
but no closed aspect or kind word types the question: a yes/no answered by a prohibition or a condition in the
row keyed by what is asked, what a part is made of, a how-to told in the part's row. A swimming-gear shop
(invented, written for these tests) keeps bullets, a table and Q&A pairs; each question must get its fact, or go
to the assistant, never a neighbouring fact nor another product's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PRODUCTS = """store: {name: 浪花泳具店, pickup: 第二天 10:00-20:00 到店自提}
products:
  - {sku: goggles, name: 防雾泳镜, aliases: [泳镜], link: 1, unit: 副, price: 49, stock: 9, notes: notes/goggles.md}
  - {sku: cap, name: 硅胶泳帽, aliases: [泳帽], link: 2, unit: 顶, price: 29, stock: 9, notes: notes/cap.md}
  - {sku: board, name: 儿童浮板, aliases: [浮板], link: 3, unit: 块, price: 39, stock: 9, notes: notes/board.md}
"""

NOTES = {
    "goggles.md": "# 防雾泳镜\n\n- 镜片：PC 镜片，防雾涂层\n- 绑带：硅胶的，后脑勺有卡扣调松紧\n"
                  "- 镜框：别用热水烫，会变形\n- 泡海水：游完用清水冲一下就行\n",
    "cap.md": "# 硅胶泳帽\n\n| 项目 | 说明 |\n|---|---|\n| 帽身 | 加厚硅胶，不勒头 |\n"
              "| 长头发 | 头发扎成丸子再戴，能塞进去 |\n| 晒 | 别放太阳底下晒，会发黏 |\n",
    "board.md": "# 儿童浮板\n\n问：浮板是啥做的？\n答：EVA 泡沫，轻，摔不坏。\n\n"
                "问：几岁能用？\n答：三岁以上，大人要在旁边。\n",
}


@pytest.fixture(scope="module")
def swim_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "swim", PRODUCTS, NOTES)


@pytest.mark.parametrize("question,current,facts", [
    ("镜框能用热水烫吗", "goggles", ["别用热水烫"]),     # a prohibition in the row keyed by the part asked
    ("泳帽能放太阳底下吗", "cap", ["别放太阳底下"]),     # ... typed 储存 by 放: the aspect ranks, no veto
    ("绑带是啥材质", "goggles", ["硅胶"]),              # what a part is made of: its row
    ("镜片是啥材料", "goggles", ["PC"]),
    ("长头发能戴吗", "cap", ["丸子"]),                  # a yes/no answered by a condition (扎成丸子再戴)
    ("帽身勒头不", "cap", ["不勒头"]),
])
def test_an_untyped_question_gets_its_row(swim_kb, question, current, facts):
    a = swim_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("绑带能用热水烫吗", "goggles"),   # hot water is said of the frame, not the strap
    ("泳帽是啥颜色", "cap"),           # no colour anywhere
    ("浮板能放太阳底下吗", "board"),   # sun is said of the cap, another product
    ("镜框是啥材质", "goggles"),       # the lens and strap have materials; the frame has none
    ("泳帽能机洗吗", "cap"),
])
def test_a_neighbour_or_another_products_fact_is_refused(swim_kb, question, current):
    a = swim_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)
