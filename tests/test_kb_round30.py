"""Knowledge base, round 30: readings the round's stores lacked, on invented stores (a swimming school, a pet
grooming shop).

- A size written as sides multiplied with its unit after them in brackets (二十乘三十乘四十（厘米）, 35×25×20（cm）).
- A school term is a length of time (用一学期).
- A teacher named (李老师) or a 小X店长 is a person; 老师 alone is no 老 + surname; 谁教 / 谁给剪 ask who does it.
- How often (多久洗一次) is not answered by a window to come back in (10 天内免费补一次) nor by how long it takes.
- B after A (洗完澡能驱虫吗) is not answered by A after B (驱虫完隔三天再洗).
- A row keyed by the day the question names (周五：……) answers before the every-day row.
- An aspect named by a verb the product's row says with the value (几点送 of 早上：八点半送来) does not veto it.
- A row keyed by the question itself (游多久：四十分钟, 在哪：前台右手边) answers it first.
- Where a thing is (柜子在哪) is not where it is made (台州……做的).
- A price per a period the product is not sold by (一天多少钱 of a term class) is the notes' to say.
- The store's own name with a shop noun (游泳馆在哪) is the store, as 店 is.
- 那里产的 is 哪里产的; a supplier said by the goods it gives (蓝波体育用品供的货) is who.
- A surcharge asked per unit or on top (每节加多少, 另外加多少), a memo's bare sum after 加 (加 20).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

SWIM = """store:
  name: 海豚游泳
products:
  - {sku: weekend, name: 周末陪练卡, aliases: [陪练卡], link: 1, unit: 张, price: 300, stock: 50,
     spec: 周末陪练卡一个月的周末陪练，含热身和游泳, notes: notes/weekend.md}
  - {sku: evening, name: 晚班课, aliases: [晚班], link: 2, unit: 张, price: 400, stock: 50, notes: notes/evening.md}
  - {sku: locker, name: 泳具寄存柜, aliases: [寄存柜], link: 3, unit: 个, price: 60, stock: 50, notes: notes/locker.md}
  - {sku: summer, name: 暑期游泳班, aliases: [暑期班], link: 4, unit: 张, price: 900, stock: 50, spec: 一期二十节课,
     notes: notes/summer.md}
  - {sku: coach, name: 私教陪游, aliases: [私教], link: 5, unit: 份, price: 120, stock: 50, spec: 私教陪游一小时,
     notes: notes/coach.md}
  - {sku: goggles, name: 防雾泳镜, aliases: [泳镜], link: 6, unit: 副, price: 45, stock: 50, notes: notes/goggles.md}
"""

SWIM_NOTES = {
    "weekend.md": "# 周末陪练卡\n\n## 练啥滴\n- 热身：岸上十分钟\n- 游多久：四十分钟\n\n## 时间\n- 早上：八点半送来\n- 下午：五点接走\n",
    "evening.md": "# 晚班课\n\n## 啥时候接\n- 放学：下午三点半在校门口接\n- 家长来接：六点以前\n\n## 注意\n- 周五：周五学校早放学，两点就去接\n\n## 老师\n"
                  "- 人数：一个老师带六个孩子\n- 教练：李老师，教了八年\n",
    "locker.md": "# 泳具寄存柜\n\n## 多大\n- 一格：二十乘三十乘四十（厘米）\n\n## 其他\n- 用多久：一学期\n"
                 "- 柜子：塑料的，台州顺风柜业做的\n- 在哪：放在前台右手边\n",
    "summer.md": "# 暑期游泳班\n\n## 一天咋过\n- 上午：下水练蛙泳\n- 下午：岸上练动作\n",
    "coach.md": "# 私教陪游\n\n私教 备忘\n1 深水区每节加 20\n2 自由泳另外加 50\n3 包里的浴巾尺寸 35×25×20（cm）\n",
    "goggles.md": "# 防雾泳镜\n\n泳镜是蓝波体育用品供的货，产地是福建晋江。\n",
    "须知.md": "# 海豚游泳 须知\n\n## 在哪儿\n- 地址：河滨路 18 号体育馆负一楼\n",
}


@pytest.fixture(scope="module")
def swim_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "swim30", SWIM, SWIM_NOTES)


@pytest.mark.parametrize("question, sku, fact", [
    ("一格多大", "locker", "二十乘三十乘四十"),
    ("浴巾多大", "coach", "35×25×20"),
    ("能用多久", "locker", "一学期"),
    ("谁上课", "evening", "李老师"),
    ("周五几点去接", "evening", "两点"),
    ("游泳游多久", "weekend", "四十分钟"),
    ("周末早上几点送", "weekend", "八点半"),
    ("柜子在哪", "locker", "前台右手边"),
    ("泳镜那里产的", "goggles", "晋江"),
    ("泳镜谁家供的", "goggles", "蓝波"),
    ("深水区每节加多少", "coach", "20"),
    ("自由泳另外加多少", "coach", "50"),
])
def test_the_fact_asked_is_read(swim_kb, question, sku, fact):
    a = swim_kb.answer(question, current_sku=sku)
    assert a.answered and fact in a.text, (question, a.text, a.why)


def test_where_a_thing_is_is_not_where_it_is_made(swim_kb):
    a = swim_kb.answer("柜子在哪", current_sku="locker")
    assert "台州" not in a.text, (a.text, a.why)


def test_a_price_per_a_period_the_product_is_not_sold_by_is_not_the_catalogs(swim_kb):
    a = swim_kb.answer("暑期班一天多少钱", current_sku="summer")
    assert not a.answered and "900" not in a.text, (a.text, a.why)


def test_the_stores_own_name_with_a_shop_noun_is_the_store(swim_kb):
    a = swim_kb.answer("游泳馆在哪")
    assert a.answered and "河滨路 18 号" in a.text, (a.text, a.why)


PETS = """store:
  name: 毛球宠物美容
products:
  - {sku: bath, name: 小狗洗澡, aliases: [洗澡], link: 1, unit: 张, price: 60, stock: 50, notes: notes/bath.md}
  - {sku: trim, name: 小狗修毛, aliases: [修毛], link: 2, unit: 张, price: 80, stock: 50, notes: notes/trim.md}
"""

PETS_NOTES = {
    "bath.md": "# 小狗洗澡\n顾客：洗一次要多久\n店长：小型犬一套 40 分钟\n顾客：脚底毛长了还能修吗\n"
               "店长：10 天内脚底毛免费修一次\n"
               "顾客：刚驱虫能洗吗\n店长：驱虫完要隔三天再洗\n顾客：谁给洗\n店长：都是小陈店长自己洗\n",
    "trim.md": "# 小狗修毛\n顾客：多久修一次合适\n店长：一个半月左右来一次\n",
}


@pytest.fixture(scope="module")
def pets_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "pets30", PETS, PETS_NOTES)


@pytest.mark.parametrize("question", ["多久洗一次合适", "洗完澡能驱虫吗"])
def test_a_neighbour_fact_of_another_question_is_no_answer(pets_kb, question):
    a = pets_kb.answer(question, current_sku="bath")
    assert not a.answered, (question, a.text, a.why)


@pytest.mark.parametrize("question, sku, fact", [("多久修一次合适", "trim", "一个半月"), ("谁给洗", "bath", "小陈")])
def test_how_often_and_who_are_answered_when_said(pets_kb, question, sku, fact):
    a = pets_kb.answer(question, current_sku=sku)
    assert a.answered and fact in a.text, (question, a.text, a.why)
