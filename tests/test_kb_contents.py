"""Knowledge base: what a product is made of (配料) is an aspect of its own. A bakery and sauce stall
(invented, written for these tests) tells its ingredients in prose, a bullet list, a table row and a
Q&A pair; 里面都有啥 / 放了啥 / 加了啥 gets that passage, never another sentence of the product, and goes to
the assistant when the notes name no ingredients."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import values_of

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PRODUCTS = """store: {name: 巷口面包坊, pickup: 当天 9:00-21:00 到店自提, after_sales: 不新鲜的当天拍照退}
products:
  - {sku: bread, name: 全麦吐司, aliases: [吐司], link: 1, unit: 个, price: 18, stock: 9, notes: notes/bread.md}
  - {sku: sauce, name: 蒜蓉辣酱, aliases: [辣酱], link: 2, unit: 瓶, price: 22, stock: 9, notes: notes/sauce.md}
  - {sku: soup, name: 四神汤料包, aliases: [汤料包, 汤料], link: 3, unit: 包, price: 15, stock: 9, notes: notes/soup.md}
  - {sku: cake, name: 红枣发糕, aliases: [发糕], link: 4, unit: 盒, price: 20, stock: 9, notes: notes/cake.md}
  - {sku: jam, name: 草莓果酱, aliases: [果酱], link: 5, unit: 瓶, price: 26, stock: 9, notes: notes/jam.md}
  - {sku: milk, name: 原味酸奶, aliases: [酸奶], link: 6, unit: 提, price: 30, stock: 9, spec: 每提 8 小瓶，每小瓶 100 克}
"""

NOTES = {
    "bread.md": "# 全麦吐司\n\n每天早上 6 点出炉，师傅姓林，做了二十年面包。"
                "面团只用全麦粉、酵母、盐和水四样，不放糖。切片的话跟店员说一声。\n",
    "sauce.md": "# 蒜蓉辣酱\n\n- 辣度：中辣\n- 里面就小米辣、蒜、豆豉、菜籽油几样\n- 开瓶冷藏能放 1 个月\n",
    "soup.md": "# 四神汤料包\n\n| 项目 | 说明 |\n|---|---|\n| 配料 | 芡实、莲子、山药、茯苓 |\n"
               "| 怎么煮 | 跟排骨一起炖 1 小时 |\n",
    "cake.md": "# 红枣发糕\n\n问：发糕要热吗？\n答：蒸 5 分钟就软了。\n\n问：发糕里放了什么？\n答：面粉、红枣、红糖，没有香精。\n",
    "jam.md": "# 草莓果酱\n\n草莓是丹东的，个头大，每年三月熬一批。开盖以后冷藏，两周内吃完。\n",
}


@pytest.fixture(scope="module")
def bakery_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "bakery", PRODUCTS, NOTES)


@pytest.mark.parametrize("question,current,facts", [
    ("吐司里面都有啥", "bread", ["全麦粉", "酵母"]),     # prose: 只用……四样
    ("辣酱里有啥", "sauce", ["小米辣", "豆豉"]),         # a bullet: 里面就……几样
    ("汤料包里都有什么", "soup", ["芡实", "茯苓"]),      # a table row keyed 配料
    ("发糕里放了啥", "cake", ["红枣", "红糖"]),          # a Q&A pair
    ("辣酱配料是啥", None, ["小米辣"]),
    ("辣酱里都有啥料", "sauce", ["小米辣"]),        # 啥料: the kind of thing listed, no word to find
])
def test_the_ingredients_passage_answers(bakery_kb, question, current, facts):
    a = bakery_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("果酱里都有啥", "jam"),        # the notes tell where the strawberries grow, not what the jam holds
    ("果酱里加了啥", "jam"),
])
def test_no_ingredients_in_the_notes_goes_to_the_assistant(bakery_kb, question, current):
    a = bakery_kb.answer(question, current_sku=current)
    assert not a.answered and a.reason == "not_in_kb", (question, a.text, a.why)


def test_a_count_of_small_packs_is_a_count():
    assert values_of("count", "一提是 10 小袋") == ["10 小袋"]
    assert values_of("count", "炖了 3 个小时") == []          # 小时 is no small pack
    assert values_of("count", "拆开一小包以后扎紧") == []     # 一小包: one of them, no count


def test_a_count_of_small_packs_answers_how_many(bakery_kb):
    a = bakery_kb.answer("酸奶一提几瓶", current_sku="milk")
    assert a.answered and "8 小瓶" in a.text, (a.text, a.why)
