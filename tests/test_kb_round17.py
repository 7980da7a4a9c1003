"""Knowledge base, round 17 rules on stores unlike the tuning ones, invented for these tests:

- a clock's colon is no clause break for the condition a value is stated under (8:30 开门 is one clause), and a 24-hour clock says its time of day
  (21:30 is 晚上): 晚上几点关门 is answered by ``早上 9:30 开门，晚上 21:30 关门`` under a heading 几点开门 and by
  hours ``10:00-20:30，周三中午 12 点以前不开门`` (a span opens and closes); a clock never names a condition
  the words do not: 明天上午能去拿不 is still answered by a pickup span of the afternoon;
- 几号针 / 表针几号 ask the size a thing is numbered by, not a date;
- 成份 is read as 成分 (a common slip of the keyboard);
- 买两包送啥 asks the live offer's gift: 包送 in it is no delivery;
- 能放微波炉吗 puts it into an appliance (no storage): it is answered by the row that says so, and a product whose
  notes never name the appliance is handed over; 能放冰箱吗 stays a storage question;
- 能换成 another thing asks a swap, not the after-sales exchange rules; 换成别的 names no thing and is answered by
  the rule on swapping parts;
- heated in its own can (整罐) and poured out (倒杯里) are two cases: one is not answered by the other;
- 一袋就是一整块 counts one piece, 高低两档 counts gears.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.conditions import CLOCK_CLAUSE
from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import clock_said, question_kind

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

WATCHES = """store:
  name: 老钟表修配
  hours: 每天 10:00-20:30，周三中午 12 点以前不开门
  pickup: 直播下单后第二天 16:00-18:00 到店自提，报手机尾号
  delivery: 3 公里内满 60 元免费送，不满 60 元收 4 元跑腿费
products:
  - {sku: cell, name: 纽扣电池, aliases: [电池], link: 1, unit: 包, price: 12, stock: 50, notes: notes/cell.md,
     offer: 直播间买两包送一把小螺丝刀}
  - {sku: cream, name: 表带护理膏, aliases: [护理膏], link: 2, unit: 盒, price: 25, stock: 20, notes: notes/cream.md}
  - {sku: fan, name: 桌面小风扇, aliases: [风扇], link: 3, unit: 个, price: 45, stock: 10, notes: notes/fan.md}
  - {sku: box, name: 表盒套装, aliases: [表盒], link: 4, unit: 套, price: 88, stock: 5, notes: notes/box.md}
"""

WATCH_NOTES = {
    "cell.md": "# 纽扣电池\n\n| 项目 | 说明 |\n|---|---|\n| 型号 | CR2032，3V |\n| 一包几粒 | 5 粒 |\n",
    "cream.md": "# 表带护理膏\n\n| 项目 | 说明 |\n|---|---|\n| 成份 | 蜂蜡 40%，羊毛脂 60% |\n| 一盒几块 | 一盒就是一整块 |\n"
                "| 微波炉 | 别放微波炉，隔水温一下就软 |\n| 保存 | 常温放，别晒 |\n",
    "fan.md": "# 桌面小风扇\n\n- 风速：高低两档\n- 充电：充满 3 个小时\n",
    "box.md": "# 表盒套装\n\n## 配件\n- 表带针：配的是 18 号针，换表带用\n\n## 售后\n- 坏了 7 天内包换\n",
    "../须知.md": "# 须知\n\n问：几点开门？\n答：每天早上 9:30 开门，晚上 21:30 关门。\n",
}


@pytest.fixture(scope="module")
def watch_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "watches", WATCHES, WATCH_NOTES)


def test_a_clock_is_one_clause_and_says_its_time_of_day():
    assert "晚上 21:30 关门" in CLOCK_CLAUSE.split("早上 9:30 开门，晚上 21:30 关门")
    assert "晚上" in clock_said("21:30") and "上午" in clock_said("9:30") and "晚上" not in clock_said("9:30")
    span = clock_said("10:00-20:30")
    assert all(w in span for w in ("开门", "关门", "上午", "下午", "晚上"))
    assert clock_said("门口等着") == "门口等着"


def test_strands_are_counted():
    from copilot.knowledge.kinds import asked_units, values_of

    assert values_of("count", "粗细：4 股，配 3.5 毫米的针") == ["4 股"]
    assert asked_units("count", "麻绳几股的") == frozenset({"股"})


@pytest.mark.parametrize("question,kind", [("几号电池", "numbered"), ("表针几号", ""), ("几号发货", "day")])   # round 23: the size number
def test_a_numbered_size_is_no_date(question, kind):
    assert question_kind(question) == kind


@pytest.mark.parametrize("question,current,facts,never", [
    ("晚上几点关门", None, ["21:30"], []),
    ("明天上午能去拿不", None, ["16:00-18:00"], []),   # the pickup span is the answer (not in the morning)
    ("早上几点开门", None, ["9:30"], []),
    ("换表带用几号针", "box", ["18 号"], []),
    ("护理膏啥成分", "cream", ["蜂蜡 40%"], []),
    ("买两包送啥", "cell", ["螺丝刀"], ["公里"]),       # the gift, not the delivery rule
    ("能放微波炉吗", "cream", ["别放微波炉"], []),
    ("能送货上门吗", None, ["3 公里"], []),
    ("不够起送收多少跑腿费", None, ["4 元"], []),
])
def test_watch_shop_answers_the_fact_asked(watch_kb, question, current, facts, never):
    a = watch_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts) and not any(n in a.text for n in never), \
        (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("能放微波炉吗", "fan"),         # its notes never name a microwave
    ("表盒能换成护理膏吗", "box"),    # a swap, not the after-sales exchange
])
def test_watch_shop_hands_over_what_the_notes_do_not_say(watch_kb, question, current):
    a = watch_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


def test_the_hours_field_answers_when_it_closes_in_the_evening(tmp_path_factory):
    kb = store_kb(tmp_path_factory, "hours", WATCHES.replace("name: 老钟表修配", "name: 钟表铺"),
                  {k: v for k, v in WATCH_NOTES.items() if not k.startswith("..")})
    a = kb.answer("晚上几点关门")
    assert a.answered and "20:30" in a.text, (a.text, a.why)


TEAHOUSE = """store:
  name: 街角早茶铺
products:
  - {sku: milk_tea, name: 罐装奶茶, aliases: [奶茶], link: 1, unit: 罐, price: 6, stock: 40, notes: notes/milk_tea.md}
  - {sku: set_meal, name: 早餐套餐, aliases: [套餐], link: 2, unit: 份, price: 12, stock: 30, notes: notes/set_meal.md}
"""

TEAHOUSE_NOTES = {
    "milk_tea.md": "# 罐装奶茶\n\n问：冬天想喝热的咋弄？\n答：连罐子放热水里泡 5 分钟，千万别整罐放微波炉。\n\n"
                   "问：打开喝不完咋办？\n答：倒进杯里盖好放冰箱冷藏，24 小时内喝完。\n",
    "set_meal.md": "# 早餐套餐\n\n问：套餐里有啥\n答：包子、鸡蛋、豆浆、油条四样，豆浆是店里自己磨的。\n\n"
                   "问：能换里面的东西吗\n答：可以把鸡蛋换成茶叶蛋，不加钱，下单时备注；别的不能换。\n",
}


@pytest.fixture(scope="module")
def teahouse_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "teahouse", TEAHOUSE, TEAHOUSE_NOTES)


@pytest.mark.parametrize("question,current,answered,facts", [
    # 换成别的 names no other thing: it asks whether a part may be swapped, which the Q&A pair answers
    ("鸡蛋能换成别的不", "set_meal", True, ["茶叶蛋"]),
    ("套餐能换成奶茶吗", "set_meal", False, []),        # a swap for another product the notes never offer
    # in its own can or poured out are two cases: 别整罐放微波炉 says nothing of tea poured into a cup
    ("能整罐放微波炉吗", "milk_tea", True, ["别整罐"]),
    ("奶茶能放微波炉热吗 倒杯里的", "milk_tea", False, []),
])
def test_teahouse_swaps_and_containers(teahouse_kb, question, current, answered, facts):
    a = teahouse_kb.answer(question, current_sku=current)
    assert a.answered == answered and all(f in a.text for f in facts), (question, a.text, a.why)
