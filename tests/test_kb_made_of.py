"""Knowledge base: what a product is made of, the case a Q&A pair is asked for, the condition a viewer names
by what they do not do, and the number of people a row is for. A breakfast stall (invented, written for these
tests) keeps Q&A pairs, bullets and a table per number of people; each question must get the fact asked, or
go to the assistant, never a neighbouring fact."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.conditions import asked_amounts, stated_amounts
from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import values_of

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PRODUCTS = """store: {name: 巷尾早餐铺, pickup: 第二天 7:00-10:00 到店自提}
products:
  - {sku: zongzi, name: 蛋黄鲜肉粽, aliases: [肉粽], link: 1, unit: 袋, price: 29, stock: 9, origin: 本店手包,
     notes: notes/zongzi.md}
  - {sku: soymilk, name: 黑豆豆浆, aliases: [豆浆], link: 2, unit: 瓶, price: 6, stock: 9, origin: 本店现磨,
     notes: notes/soymilk.md}
  - {sku: sauce, name: 蒜蓉辣酱, aliases: [辣酱], link: 3, unit: 瓶, price: 15, stock: 9, notes: notes/sauce.md}
  - {sku: porridge, name: 八宝粥料, aliases: [粥料], link: 5, unit: 袋, price: 12, stock: 9, notes: notes/porridge.md}
  - {sku: liangpi, name: 陕西凉皮, aliases: [凉皮], link: 6, unit: 份, price: 10, stock: 9, notes: notes/liangpi.md}
  - {sku: giftbox, name: 端午粽子礼盒, aliases: [礼盒], link: 4, unit: 盒, price: 98, stock: 9, notes: notes/giftbox.md}
"""

NOTES = {
    "zongzi.md": "# 蛋黄鲜肉粽\n\n问：蛋黄是哪里的？\n答：是江苏高邮的咸鸭蛋黄，一个粽子一整颗。\n\n"
                 "问：怎么蒸？\n答：冷水上锅，水开后再蒸 15 分钟。\n\n"
                 "问：没有蒸锅咋办？\n答：电饭煲加水没过粽子，煮 25 分钟。\n\n"
                 "问：一袋多重？\n答：一袋 600 克，真空包装。\n",
    "soymilk.md": "# 黑豆豆浆\n\n每天早上 5 点现磨，不加糖。\n\n## 能放多久\n\n- 冷藏：放 2 天\n- 常温：放 3 个小时，夏天更短\n",
    "porridge.md": "# 八宝粥料\n\n| 项目 | 说明 |\n|---|---|\n| 原料 | 红豆、薏米、燕麦、黑米 |\n| 产地 | 黑龙江五常 |\n",
    "liangpi.md": "# 陕西凉皮\n\n## 小孩\n\n三岁以上的小孩能吃，调料包里的辣椒油别放。\n\n"
                  "## 一份里有啥\n\n一份 300 克凉皮，配一个调料包：辣椒油、醋、蒜水、麻酱。\n",
    "giftbox.md": "# 端午粽子礼盒\n\n- 端午前每天到货，一次拉 100 盒\n- 一盒 1.2 公斤，6 个小袋：鲜肉粽、豆沙粽、蜜枣粽各两袋\n",
    "sauce.md": "# 蒜蓉辣酱\n\n| 项目 | 说明 |\n|---|---|\n| 熬制 | 师傅小火慢熬 3 小时 |\n\n"
                "## 用量\n\n| 几个人 | 放多少 |\n|---|---|\n| 2 人 | 一勺 |\n| 4-6 人 | 三勺 |\n\n"
                "## 做法\n\n| 步骤 | 说明 |\n|---|---|\n| 1 | 热锅少油，辣酱下锅小火熬香，大概 1 分钟 |\n",
}


@pytest.fixture(scope="module")
def stall_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "stall", PRODUCTS, NOTES)


@pytest.mark.parametrize("question,current,facts", [
    ("蛋黄是哪里的", "zongzi", ["高邮"]),          # the egg inside, not where the dumpling is wrapped
    ("肉粽咋蒸", "zongzi", ["15 分钟"]),           # not the pair asked for the case without a steamer
    ("没蒸锅粽子咋弄", "zongzi", ["电饭煲"]),   # ... which answers the case without one
    ("豆浆不放冰箱能放多久", "soymilk", ["3 个小时"]),   # not in the fridge: room temperature
    ("两个人吃放多少", "sauce", ["一勺"]),
    ("礼盒一盒里有几个袋", "giftbox", ["6 个小袋"]),   # what a box holds, not how many boxes arrive
    ("粥料里面都有啥", "porridge", ["红豆", "燕麦", "黑米"]),   # the list under 原料
    ("凉皮调料包都有啥", "liangpi", ["蒜水", "麻酱"]),   # the list, not a sentence naming one of them
    ("辣酱熬了多久", "sauce", ["3 小时"]),          # the row keyed by the verb asked, not a step that uses it
    ("豆浆加糖吗", "soymilk", ["不加糖"]),          # a yes/no is answered by the denial
])
def test_the_fact_asked_answers(stall_kb, question, current, facts):
    a = stall_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)
    assert "本店" not in a.text and "2 天" not in a.text and "三勺" not in a.text


@pytest.mark.parametrize("question,current", [
    ("黑豆哪里产的", "soymilk"),     # the catalog says where the milk is ground, not where the beans grow
    ("肉粽一袋几个", "zongzi"),       # only the weight of a bag is given: 一袋 is no count
    ("一个人吃放多少", "sauce"),      # the rows are for 2 and 4-6 people
    ("辣酱一瓶够几个人吃", "sauce"),  # a spoonful is no number of people
    ("豆浆用的啥糖", "soymilk"),      # 不加糖 says no sugar is used, not which
])
def test_a_neighbouring_fact_is_refused(stall_kb, question, current):
    a = stall_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


def test_the_product_itself_still_has_its_origin(stall_kb):
    a = stall_kb.answer("豆浆哪里的", current_sku="soymilk")
    assert a.answered and "本店现磨" in a.text, (a.text, a.why)


def test_a_bag_a_number_is_per_is_no_count():
    assert values_of("count", "一袋 600 克，真空包装") == []
    assert values_of("count", "一袋 10 个，一个 60 克") == ["10 个"]


def test_people_are_a_condition_amount():
    assert asked_amounts("一个人吃放多少") == [("people", 1.0)]
    assert asked_amounts("两三个人吃放多少") == [("people", 3.0)]   # about two or three: the row of 2-3 人
    assert stated_amounts("2-3 人：半袋") == [("people", 2.0, 3.0)]


def test_a_list_under_a_material_key_is_what_it_is_made_of():
    from copilot.knowledge.kinds import passage_type

    assert "ingredients" in passage_type("", "原料", "红豆、薏米、燕麦、黑米").aspects
    assert "ingredients" in passage_type("用料", "", "牛肝菌、鸡枞、茶树菇").aspects
    assert "ingredients" not in passage_type("", "原料", "秘鲁的鱿鱼，远洋船冻").aspects   # where it comes from
    assert "ingredients" not in passage_type("", "适合", "火锅、烧烤、炒菜都行").aspects      # a list of uses
