"""Knowledge base, round 11 rules on stores unlike the tuning ones: a shoe shop and an outdoor-gear shop,
invented for these tests. Each question must get the fact asked, or go to the assistant, never a neighbouring fact:

- a size asked by one dimension (多厚, 多高, 多粗) is answered by a value said with that dimension (跟高 3 厘米,
  厚度 5 毫米), not by a footprint (30 乘 20 厘米) nor by a clause that says the dimension with no value (太高了);
- washed by machine and by hand exclude each other (能机洗吗 is not answered by 可以手洗), and so do the fridge
  and a cool dry place (阴凉处), and opened/used (拆开穿过) and not opened (没拆封);
- a school year is a condition amount (二年级: the row of 1-3 年级, not 4-6 年级), said by the row stated for it;
- a Q&A pair asking for a case (热水能洗吗？) answers no plain how-to (咋洗);
- a passage under an after-sales heading (售后, typed 受后 by its sound) holds no value asked outside after-sales
  (能穿多久 is not answered by 开胶了 30 天内免费补);
- the second sentence an answer is completed with is of the condition asked too;
- 防滑 (non-slip) says nothing of a taste or smell.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.conditions import amount_clash, amount_match
from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import asked_dimension, contrasted, text_aspects

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

SHOES = """store: {name: 好走鞋铺, pickup: 第二天 10:00-21:00 到店自提}
products:
  - {sku: boots, name: 短靴, aliases: [靴子], link: 1, unit: 双, price: 199, stock: 9, notes: notes/boots.md}
  - {sku: insole, name: 记忆棉鞋垫, aliases: [鞋垫], link: 2, unit: 双, price: 29, stock: 9, notes: notes/insole.md}
  - {sku: polish, name: 鞋油, link: 3, unit: 支, price: 15, stock: 9, notes: notes/polish.md}
  - {sku: socks, name: 羊毛袜, link: 4, unit: 双, price: 39, stock: 9, notes: notes/socks.md}
  - {sku: kids, name: 学生运动鞋, aliases: [运动鞋], link: 5, unit: 双, price: 129, stock: 9, notes: notes/kids.md}
"""

SHOE_NOTES = {
    "boots.md": "# 短靴\n\n## 规格\n- 鞋跟：3 厘米高\n- 鞋盒尺寸：30 乘 20 厘米\n\n## 鞋底\n- 橡胶防滑底，耐磨\n\n"
                "## 受后\n- 开胶了：30 天内免费补\n",
    "insole.md": "# 记忆棉鞋垫\n\n- 尺寸：长 26 厘米，宽 9 厘米\n- 清洗：可以手洗，用软毛刷刷\n",
    "polish.md": "# 鞋油\n\n问：开了的鞋油能放多久？\n答：开了的盖紧，半年内用完，没开的放阴凉处。\n",
    "socks.md": "# 羊毛袜\n\n问：热水能洗吗？\n答：热水洗会缩，要用冷水。\n\n- 厚度：5 毫米，冬天穿\n",
    "kids.md": "# 学生运动鞋\n\n## 选码\n- 小码：适合 1-3 年级\n- 大码：适合 4-6 年级\n\n## 清洗\n"
               "鞋子本身不建议整只泡水。鞋垫可以拿出来手洗。\n",
}

OUTDOOR = """store: {name: 野趣户外, pickup: 下单第二天到店取}
products:
  - {sku: tent, name: 双人帐篷, aliases: [帐篷], link: 1, unit: 个, price: 399, stock: 5, notes: notes/tent.md}
  - {sku: pad, name: 防潮垫, link: 2, unit: 张, price: 59, stock: 5, notes: notes/pad.md}
"""

OUTDOOR_NOTES = {
    "tent.md": "# 双人帐篷\n\n- 展开尺寸：210 乘 150 厘米，觉得太高的话可以把杆子缩短一节\n- 杆子：铝合金，直径 8.5 毫米\n",
    "pad.md": "# 防潮垫\n\n- 厚度：1 厘米\n- 展开：180 乘 60 厘米\n",
}

FAQ = "# 门店须知\n\n## 售后\n- 没拆封：7 天内可以退\n"


@pytest.fixture(scope="module")
def shoes_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "shoes", SHOES, {**SHOE_NOTES, "../门店须知.md": FAQ})


@pytest.fixture(scope="module")
def outdoor_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "outdoor", OUTDOOR, OUTDOOR_NOTES)


def test_a_dimension_asked_is_read_from_the_question():
    assert asked_dimension("weight", "帐篷多高") == ("高", "海拔", "离地")   # 降到离地一米四: a height above the floor
    assert asked_dimension("weight", "杆子多粗") == ("粗", "直径")
    assert asked_dimension("weight", "一段多长") == ()         # a length is often said with no 长
    assert asked_dimension("weight", "垫子多厚几克的") == ()    # asks a weight too


def test_the_conditions_that_exclude_each_other():
    assert contrasted("能机洗吗", "可以手洗，用软毛刷刷")
    assert not contrasted("能机洗吗", "能机洗，也能手洗")
    assert contrasted("开了能放冰箱吗", "没开的放阴凉处")
    assert contrasted("拆开穿过能退吗", "没拆封 7 天内可以退")
    assert amount_clash("二年级穿哪个码", "大码：适合 4-6 年级")
    assert amount_match("二年级穿哪个码", "小码：适合 1-3 年级")


def test_non_slip_is_no_taste():
    assert "taste" not in text_aspects("橡胶防滑底，耐磨")
    assert "taste" in text_aspects("淡淡的香味")


@pytest.mark.parametrize("question,current,facts", [
    ("短靴鞋跟多高", "boots", ["3 厘米"]),
    ("羊毛袜多厚", "socks", ["5 毫米"]),
    ("杆子多粗", "tent", ["8.5 毫米"]),           # 直径 says how thick
    ("防潮垫多厚", "pad", ["1 厘米"]),
    ("鞋垫多长", "insole", ["26 厘米"]),
    ("鞋垫能手洗吗", "insole", ["手洗"]),
    ("羊毛袜热水能洗吗", "socks", ["缩"]),
    ("靴子开胶了几天内能补", "boots", ["30 天"]),    # the after-sales window, asked for
    ("二年级穿哪个码", "kids", ["小码"]),
    ("五年级穿小码行吗", "kids", ["大码"]),          # the row of the year asked
])
def test_answers_the_fact_asked(shoes_kb, outdoor_kb, question, current, facts):
    kb = outdoor_kb if current in ("tent", "pad") else shoes_kb
    a = kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("鞋盒多高", "boots"),                 # 30 乘 20 厘米 is its footprint
    ("帐篷多高", "tent"),                  # 太高的话 says the dimension, with no value
    ("鞋垫多厚", "insole"),                # 长 26 厘米，宽 9 厘米
    ("鞋垫能机洗吗", "insole"),            # 可以手洗
    ("鞋油开了能放冰箱吗", "polish"),      # 阴凉处 is not the fridge
    ("羊毛袜咋洗", "socks"),               # 热水能洗吗？ is asked for hot water only
    ("短靴能穿多久", "boots"),             # 开胶了 30 天内免费补 is the after-sales window
    ("短靴有味道吗", "boots"),             # 防滑 is no taste
    ("鞋垫拿出来能机洗吗", "kids"),        # the second sentence says 手洗
    ("拆开穿过能退吗", "kids"),            # 没拆封 7 天内可以退
])
def test_refuses_a_neighbouring_fact(shoes_kb, outdoor_kb, question, current):
    kb = outdoor_kb if current in ("tent", "pad") else shoes_kb
    a = kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)
