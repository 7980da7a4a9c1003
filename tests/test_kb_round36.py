"""Knowledge base, round 36: readings the round's stores lacked, on an invented store (a community shoe-care and
kids' drum studio).

- Lessons counted in Chinese numerals (十六节课) are a count of 节: 几节课 is answered by them.
- An age asked (几岁能报, 多大岁数, 多大的孩子能学) is its own kind, answered by an age (七岁以上, 45岁以下), the doing
  it is asked for (报, 上, 学) only framing it; 多大岁数 asks no size of the catalog's spec.
- A row keyed by nothing but how long it takes (用多久：25分钟) is the time of the product's own doing (刷一次鞋多久),
  before a row of a case (新鞋) or of how long it lasts (能管多久), and never the wait once it is done (刷完多久能穿).
- A doing forbidden within a span (12小时内别穿) says when it may be done: after the span (刷完多久能穿).
- A word said only as the start of a longer one (保险 of 保险柜) does not say the thing asked (有保险吗); a thing
  named with a head of its own (鞋带扣) is not said by the word before it (鞋带).
- A memo's lines numbered in Chinese numerals (一、…… 二、……, （一）……) are lines of their section, not headings.
- A yes/no's 每次 (每次是同一个老师吗) is every time, no amount a row is stated per (每次一个钟头).
- A store rule saying the verb a yes/no asks (过年……不上门) answers it under any heading (the hours).
- How far the viewer lives (住8公里远) names the row of the distance that holds it (5公里以外).
- People counted by who they are are a count even when one (一个老师 for 来几个老师); 一个人 stays an article.
- Words that only frame a value asked: the lesson of 几点上课, the holding of 能管多久, the child of 孩子要多高.
- A yes/no of a service done for the viewer (能帮着换鞋带吗) is not answered by a passage naming the thing with
  another doing (刷哪些：……鞋带).
- A name set in quotes as a brand (“鬃王”牌的, 用“雨篷”的喷剂) answers 啥牌子.
- Rain as the case a service is asked for (下雨天能刷吗) is no talk of the weather (明天下雨吗).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.question import analyse

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

STUDIO = """store:
  name: 石榴巷鞋护鼓房
  address: 石榴巷 23 号石榴小区东门
  hours: 每天 9:30-20:30；腊月二十八到正月初五老师回家过年，不上门
  delivery: 陪练老师上门5公里以内不收路费，5公里以外加30元
  phone: 0000-71230958
products:
  - {sku: sneaker, name: 球鞋精刷券, aliases: [精刷球鞋, 刷球鞋], link: 1, unit: 张, price: 29, stock: 80,
     notes: notes/sneaker.md}
  - {sku: suede, name: 翻毛皮护理券, aliases: [翻毛皮护理], link: 2, unit: 张, price: 59, stock: 40, notes: notes/suede.md}
  - {sku: drum, name: 少儿架子鼓班, aliases: [架子鼓班, 学架子鼓], link: 3, unit: 张, price: 1680, stock: 20,
     notes: notes/drum.md}
  - {sku: sitter, name: 上门陪练券, aliases: [陪练], link: 4, unit: 张, price: 120, stock: 30, notes: notes/sitter.md}
  - {sku: month, name: 陪练月卡, aliases: [月卡], link: 5, unit: 张, price: 420, stock: 30, notes: notes/month.md}
"""

NOTES = {
    "sneaker.md": "# 球鞋精刷券\n\n| 项目 | 说明 |\n|---|---|\n| 新鞋 | 新鞋买来2个月内不用精刷，清水擦擦就行 |\n"
                  "| 用多久 | 25分钟，当面刷 |\n| 能管多久 | 刷完干净能保持半个月左右 |\n"
                  "| 刷完以后 | 刷完12小时内别穿，鞋里面还潮 |\n| 刷哪些 | 鞋面、鞋底、鞋舌、鞋垫、鞋带 |\n| 防水 | 防水层能保持一个月左右 |\n| 刷子 | 猪鬃刷，“鬃王”牌的 |\n| 雨天 | 下雨天照样刷，刷完装袋子带走 |\n",
    "suede.md": "# 翻毛皮护理券\n\n| 项目 | 说明 |\n|---|---|\n| 冷风 | 先用冷风吹干，吹风机离鞋面二十厘米以后才开 |\n"
                "| 要多长时间 | 一个钟头 |\n| 喷剂 | 最后喷一层“雨篷”的防水喷剂 |\n\n## 售后\n一、掉色的不退\n二、刷坏了照价赔\n",
    "drum.md": "# 少儿架子鼓班\n\n## 班型\n- 课时：十六节课，每节五十分钟\n- 年龄：七岁以上，手能够着踩锤\n"
               "- 老师：孙老师，打鼓十一年\n- 时间：周二周四晚上六点\n- 身高：一米一以上才够得着鼓\n\n## 学啥\n一、握槌和八分音符\n二、跟着伴奏打完一首歌\n\n"
               "## 别的\n- 练习：每天回家练二十分钟\n- 贵重东西：上课前放前台保险柜里\n",
    "month.md": "# 陪练月卡\n\n## 一个月几回\n一张卡一个月上门4次，每周一次，每次一个钟头。\n\n"
                "## 能换老师不\n固定同一个老师，不满意可以换老师，一个月能换一次。\n",
    "sitter.md": "# 上门陪练券\n\n陪练老师都是45岁以下的音乐专业毕业生，上门前都考过一次试。一次陪练一个钟头，每次上门来一个老师。\n",
}


@pytest.fixture(scope="module")
def studio_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "studio36", STUDIO, NOTES)


def test_lessons_counted_in_chinese_numerals(studio_kb):
    a = studio_kb.answer("架子鼓班一共几节课", current_sku="drum")
    assert a.answered and "十六节" in a.text, (a.text, a.why)


@pytest.mark.parametrize("q", ["几岁能报", "几岁能学架子鼓", "多大的孩子能学", "多大孩子能报"])
def test_an_age_asked_is_answered_by_an_age(studio_kb, q):
    assert analyse(q, []).kind == "age"
    a = studio_kb.answer(q, current_sku="drum")
    assert a.answered and "七岁以上" in a.text, (q, a.text, a.why)


def test_how_old_asks_no_size(studio_kb):
    a = studio_kb.answer("陪练老师多大岁数", current_sku="sitter")
    assert a.answered and "45岁以下" in a.text, (a.text, a.why)


@pytest.mark.parametrize("q, sku, fact", [("刷一次鞋多久", "sneaker", "25分钟"), ("精刷球鞋多久", "sneaker", "25分钟"),
                                          ("翻毛皮护理要多久", "suede", "一个钟头")])
def test_the_row_of_how_long_it_takes(studio_kb, q, sku, fact):
    a = studio_kb.answer(q, current_sku=sku)
    assert a.answered and fact in a.text, (q, a.text, a.why)
    assert "2个月" not in a.text and "半个月" not in a.text and "二十厘米" not in a.text, (q, a.text)


def test_the_wait_once_done_is_not_how_long_it_takes(studio_kb):
    a = studio_kb.answer("刷完多久能穿", current_sku="sneaker")
    assert "25分钟" not in a.text, (a.text, a.why)
    assert a.answered and "12小时" in a.text, (a.text, a.why)


def test_a_wait_not_told_is_not_how_long_it_takes(studio_kb):
    a = studio_kb.answer("周末排队要等多久", current_sku="sneaker")
    assert not a.answered, (a.text, a.why)


def test_a_word_said_only_inside_a_longer_one(studio_kb):
    a = studio_kb.answer("学架子鼓有保险吗", current_sku="drum")
    assert not a.answered, (a.text, a.why)
    a = studio_kb.answer("有保险柜吗", current_sku="drum")
    assert a.answered and "保险柜" in a.text, (a.text, a.why)


def test_a_thing_with_a_head_of_its_own(studio_kb):
    a = studio_kb.answer("鞋垫套能刷吗", current_sku="sneaker")
    assert not a.answered, (a.text, a.why)
    a = studio_kb.answer("鞋垫能刷吗", current_sku="sneaker")
    assert a.answered and "鞋垫" in a.text, (a.text, a.why)


def test_numbered_memo_lines_are_no_headings(studio_kb):
    a = studio_kb.answer("掉色了能退吗", current_sku="suede")
    assert a.answered and "掉色的不退" in a.text, (a.text, a.why)
    a = studio_kb.answer("架子鼓班学啥", current_sku="drum")
    assert a.answered and "握槌" in a.text, (a.text, a.why)


def test_every_time_is_no_amount_per(studio_kb):
    a = studio_kb.answer("每次是同一个老师吗", current_sku="month")
    assert a.answered and "固定同一个老师" in a.text, (a.text, a.why)


def test_a_store_rule_saying_the_verb_asked(studio_kb):
    a = studio_kb.answer("过年上门吗")
    assert a.answered and "腊月二十八" in a.text, (a.text, a.why)


def test_how_far_the_viewer_lives_names_the_row(studio_kb):
    a = studio_kb.answer("住8公里远加钱吗")
    assert a.answered and "5公里以外加30元" in a.text, (a.text, a.why)


def test_one_person_counted_by_who_they_are(studio_kb):
    a = studio_kb.answer("来几个老师", current_sku="sitter")
    assert a.answered and "一个老师" in a.text, (a.text, a.why)


@pytest.mark.parametrize("q, sku, fact", [("架子鼓班几点上课", "drum", "晚上六点"), ("防水能管多久", "sneaker", "一个月"),
                                          ("孩子要多高", "drum", "一米一以上")])
def test_words_that_only_frame_the_value(studio_kb, q, sku, fact):
    a = studio_kb.answer(q, current_sku=sku)
    assert a.answered and fact in a.text, (q, a.text, a.why)


def test_another_doing_of_the_thing_asked(studio_kb):
    a = studio_kb.answer("能帮着换鞋带吗", current_sku="sneaker")
    assert not a.answered, (a.text, a.why)
    a = studio_kb.answer("能帮着刷鞋带吗", current_sku="sneaker")
    assert a.answered and "鞋带" in a.text, (a.text, a.why)


@pytest.mark.parametrize("q, sku, fact", [("刷子啥牌子", "sneaker", "鬃王"), ("喷剂是啥牌子", "suede", "雨篷")])
def test_a_name_in_quotes_is_a_brand(studio_kb, q, sku, fact):
    a = studio_kb.answer(q, current_sku=sku)
    assert a.answered and fact in a.text, (q, a.text, a.why)


def test_rain_as_the_case_asked_is_no_weather_talk(studio_kb):
    a = studio_kb.answer("下雨天能刷吗", current_sku="sneaker")
    assert a.answered and "照样刷" in a.text, (a.text, a.why)
    assert studio_kb.answer("明天下雨吗").reason == "off_topic"
