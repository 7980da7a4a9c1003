"""Knowledge base, wrong answers (third round): replies that stated a neighbouring fact, on an invented store (a
neighbourhood dessert-and-preserves shop).

- 泡沫 (foam, 泡沫箱) says nothing of soaking or cooking: 燕窝怎么吃 is not answered by how it is shipped.
- A brand asked is not answered by who makes it (厂家：某某食品厂, 某某合作社的): a maker is no brand.
- A pickup missed (几天不拿, 没去拿) is the case asked: the return window of an unopened pack or the pickup hours do
  not answer it; the row of the pickup missed does.
- A price asked by the link number (2号链接多少钱) names the link in the reply: the viewer hears which link it is of.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import contrasted, text_aspects
from copilot.knowledge.question import analyse

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

SHOP = """store:
  name: 甜水巷糖水铺
  address: 甜水巷 8 号，门口有把黄伞
  hours: 每天 10:00-21:00
products:
  - {sku: nest, name: 冰糖炖燕窝, aliases: [燕窝], link: 1, unit: 瓶, price: 68, stock: 40, notes: notes/nest.md}
  - {sku: osmanthus, name: 糖桂花酱, aliases: [桂花酱], link: 2, unit: 罐, price: 26, stock: 60, notes: notes/osmanthus.md}
  - {sku: plum, name: 话梅山楂条, aliases: [山楂条], link: 3, unit: 袋, price: 15, stock: 80, notes: notes/plum.md}
"""

NOTES = {
    "nest.md": "# 冰糖炖燕窝\n\n发货是泡沫箱加冰袋，自提的话也请带个保温袋来。\n",
    "osmanthus.md": "# 糖桂花酱\n\n- 厂家：青禾食品厂，杭州生产\n- 保质期：没开封 12 个月\n",
    "plum.md": "# 话梅山楂条\n\n山楂是青溪果蔬合作社的，酸甜口。\n",
    "须知.md": "# 取货和售后\n\n| 项目 | 说明 |\n|---|---|\n| 自提 | 下单后第二天下午 2 点到 7 点来店里拿 |\n"
             "| 售后 | 没拆封 5 天内可以退 |\n| 过时没取 | 店里留 3 天，3 天没来拿的自动退款 |\n",
}


@pytest.fixture(scope="module")
def sweet_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "sweet3", SHOP, NOTES)


def test_foam_says_nothing_of_cooking():
    assert "cooking" not in text_aspects("发货是泡沫箱加冰袋。")
    assert "cooking" in text_aspects("小火炖 20 分钟。")


def test_how_to_eat_is_not_answered_by_the_shipping(sweet_kb):
    a = sweet_kb.answer("燕窝怎么吃", current_sku="nest")
    assert "泡沫箱" not in a.text, (a.text, a.why)


def test_a_maker_is_no_brand(sweet_kb):
    a = sweet_kb.answer("桂花酱是啥牌子", current_sku="osmanthus")
    assert not a.answered, (a.text, a.why)
    a = sweet_kb.answer("山楂条啥牌子的", current_sku="plum")
    assert not a.answered, (a.text, a.why)


def test_a_pickup_not_made_is_the_case_asked(sweet_kb):
    assert analyse("几天不拿就退款", []).residual == [["没拿"]]
    assert analyse("拿回家能放几天", []).residual == []
    a = sweet_kb.answer("几天不拿就退款")
    assert "5 天" not in a.text, (a.text, a.why)
    assert a.answered and "3 天" in a.text, (a.text, a.why)


def test_the_pickup_hours_are_no_pickup_missed():
    assert contrasted("过了时间没去拿咋办", "下单后第二天下午 2 点到 7 点来店里拿。")
    assert contrasted("没来取咋办", "可以让别人代取，报手机尾号。")
    assert not contrasted("没来取咋办", "超过 3 天没来拿，自动退款。")


def test_a_price_asked_by_link_names_the_link(sweet_kb):
    a = sweet_kb.answer("2号链接多少钱")
    assert a.answered and "2 号链接" in a.text and "26" in a.text, (a.text, a.why)
    a = sweet_kb.answer("桂花酱多少钱", current_sku="osmanthus")
    assert a.answered and "号链接" not in a.text and "26" in a.text, (a.text, a.why)
