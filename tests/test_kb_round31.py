"""Knowledge base, round 31: readings the round's stores lacked, on an invented store (a community car wash).

- The noun a store's name ends in (向阳洗车点 -> 洗车点), said alone, calls the store, as 店 does.
- 谁补胎 asks who does the work (补胎师傅是小吴), never the catalog's supplier line; 师傅是小X names a person.
- A yes/no ending in 不 (能自己来洗不) is the Q&A pair that asks it with 吗.
- A verb with 的 names the thing asked of (吃的能一起熏吗): a passage saying only the verb beside it is no answer.
- 几件 counts pieces: 一张券洗一次 is no answer to 一张券洗几件; a limit per the measure asked (每次不超过 8 件) is.
- 晚上几点关门 is answered by hours that close 下午 5:30: the asker's time of day is no condition of the hours.
- A store rule's Q&A question frames its every clause (问：卡多久有效？ 答：……，没用的随时退).
- V完 (擦完打蜡吗) only frames when; the row keyed by the rest answers.
- 一张洗多久 is answered by the row of one ticket, not by a worker's years in a row keyed by a word holding 洗.
- An amount led by 超过 is a bound (超过 30 公斤 holds 三十五公斤).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

WASH = """store:
  name: 向阳社区洗车点
  address: 向阳路 12 号地下车库入口
  hours: 每天上午 9:00 到下午 5:30
  phone: 0000-1234-567
products:
  - {sku: fine, name: 精洗券, aliases: [精洗], link: 1, unit: 张, price: 58, stock: 50, spec: 一张洗四十分钟,
     notes: notes/fine.md}
  - {sku: quick, name: 快洗券, aliases: [快洗], link: 2, unit: 张, price: 25, stock: 50, notes: notes/quick.md}
  - {sku: wax, name: 手工打蜡券, aliases: [打蜡], link: 3, unit: 张, price: 120, stock: 50, notes: notes/wax.md}
  - {sku: keep, name: 车内消毒, aliases: [消毒], link: 4, unit: 张, price: 5, stock: 50, notes: notes/keep.md}
  - {sku: laundry, name: 脚垫清洗券, aliases: [脚垫清洗], link: 5, unit: 张, price: 30, stock: 50,
     notes: notes/laundry.md}
  - {sku: tyre, name: 补胎券, aliases: [补胎], link: 6, unit: 张, price: 20, stock: 50, supplier: 向阳社区洗车点,
     notes: notes/tyre.md}
"""

WASH_NOTES = {
    "fine.md": "# 精洗券\n\n| 项目 | 说明 |\n|---|---|\n| 洗车工 | 小周，洗了十年车 |\n"
               "| 能擦啥 | 车身、轮毂、脚垫都能擦 |\n| 擦车布 | 德国鹿皮巾，一车一条 |\n| 接送车 | 丰田卡罗拉，自动挡 |\n| 打蜡吗 | 不打蜡，只是冲洗擦干 |\n",
    "quick.md": "# 快洗券\n\n问：谁洗？\n答：洗车师傅是小周，干了十年。\n\n问：能自己带蜡来吗？\n答：可以，自带的蜡收 10 块手工费。\n\n"
                "问：能自己来洗吗？\n答：可以，自助位 10 块一次。\n",
    "wax.md": "# 手工打蜡券\n\n车长超过 5 米的洗不了，去大车店。\n\n打一次蜡大概管两个月。\n",
    "keep.md": "# 车内消毒\n\n座椅套、脚垫、后备箱垫这些可以放在车里一起熏，熏一次收 5 块，大概半个小时，熏完开窗通风十分钟再开走。\n\n"
               "吃的要拿下车才给熏，留在车里的不管。\n",
    "laundry.md": "# 脚垫清洗券\n\n一张券洗一次，晾干了再来拿。\n\n每次不超过 8 件，多了用两张券。\n",
    "tyre.md": "# 补胎券\n\n问：谁补？\n答：补胎师傅是小吴，江西来的。\n\n问：补一个多久？\n答：20 分钟。\n",
    "须知.md": "# 须知\n\n问：卡多久有效？\n答：卡半年有效，没用的随时退。\n",
}


@pytest.fixture(scope="module")
def wash_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "wash31", WASH, WASH_NOTES)


@pytest.mark.parametrize("question, sku, fact", [
    ("洗车点电话多少", None, "0000-1234-567"),
    ("洗车点在哪", None, "向阳路 12 号"),
    ("晚上几点关门", None, "5:30"),
    ("没用的卡能退吗", None, "随时退"),
    ("谁补胎", "tyre", "小吴"),
    ("能自己来洗不", "quick", "自助位"),
    ("吃的能一起熏吗", "keep", "拿下车"),
    ("擦完打蜡吗", "fine", "不打蜡"),
    ("一次洗几件", "laundry", "8 件"),
    ("精洗一张洗多久", "fine", "四十分钟"),
])
def test_the_fact_asked_is_read(wash_kb, question, sku, fact):
    a = wash_kb.answer(question, current_sku=sku)
    assert a.answered and fact in a.text, (question, a.text, a.why)


def test_a_meal_is_not_answered_by_the_seat_covers(wash_kb):
    a = wash_kb.answer("吃的能一起熏吗", current_sku="keep")
    assert a.answered and "5 块" not in a.text, (a.text, a.why)


def test_a_doing_done_only_frames_when():
    from copilot.knowledge.question import analyse

    assert ["完"] not in analyse("擦完打蜡吗", []).residual


def test_an_amount_led_by_a_comparison_is_a_bound():
    from copilot.knowledge.conditions import amount_fit, stated_amounts

    assert stated_amounts("超过 30 公斤的走物流") == [("weight", 30000.0, float("inf"))]
    assert stated_amounts("不到 5 斤的按 5 斤算")[0][1:] == (0.0, 2500.0)
    assert amount_fit("三十五公斤的能寄吗", "超过 30 公斤的走物流") == 2


def test_who_does_the_work_is_not_the_supplier(wash_kb):
    a = wash_kb.answer("谁补胎", current_sku="tyre")
    assert "供货" not in a.text, (a.text, a.why)


def test_a_count_of_pieces_is_not_a_count_of_times(wash_kb):
    a = wash_kb.answer("一张券洗几件", current_sku="laundry")
    assert not a.answered or "次" not in a.value, (a.text, a.value, a.why)


