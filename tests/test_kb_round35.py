"""Knowledge base, round 35: readings the round's stores lacked, on an invented store (a community car-care bay).

- An amount per (一次) ranks the row stated for it only where a clause goes on after it (洗一次 40 分钟): 免费再洗一次。
  ends its clause on a count of free washes, no per-amount.
- 谁来取车 asks a person (谁来都行吗 does not); a person counted by the role they work in (两个师傅) answers 几个人.
- 送回来 (to the viewer) is the owner's 送回去; an age asked (几个月的宝宝) is answered by an age, not how long a job takes.
- A holiday asked (过年) is the case the answer must be stated for; a day counted from the doing asked (直播第二天) is no
  day of that doing; a phone asked needs a number; stall words (摊子, 铺子) call the store.
- 有证吗 is answered by 有…证 in a Q&A pair asking who; 能打多少气压 asks a pressure (150 PSI), answered by the spec row.
- A word naming another kind of the product's own thing (脚踏板 of a 离合踏板 券) that the notes never use is refused.
- 什么时候能拿 asks pickup; 一点二平米 is 1.2 平米, and a row 超过一点二平米的 holds 两平米.
- A brand asked of a thing is not answered by the kind of thing used (用的是加厚皮革); a word the question says in
  pieces (英嘴, 全包围) is answered by the passage that says it whole, never by one that says other kinds (半包围, 大包围).
- A word the question negates (不起泡) is said as asked only negated: 看着不起泡才交车 before 起泡了回来重贴.
- 二十四目的 is a count of 目 (目的 is no purpose after a number); 穿了能用多久 asks how long it lasts once put on, not
  how long it keeps (开了能用多久 still does), answered where 用 is said after the doing done (穿好了一般能用三年);
  a sentence of the unopened (没开封的放 2 年没问题) tells how long it keeps; an area (一点二平米以内) answers 多大.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.conditions import stated_amounts
from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.question import analyse
from copilot.knowledge.text import decimal_lengths

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

CARE = """store:
  name: 阿强洗车美容
  address: 梧桐街 17 号梧桐小区南门，绿色卷帘门
  hours: 每天 8:30-18:30
  phone: 0000-44102938
products:
  - {sku: wash, name: 精洗券, aliases: [精洗], link: 1, unit: 张, price: 35, stock: 90, notes: notes/wash.md}
  - {sku: film, name: 前挡膜贴膜券, aliases: [贴前挡膜, 前挡膜], link: 2, unit: 张, price: 380, stock: 20,
     notes: notes/film.md}
  - {sku: pump, name: 车载充气泵, aliases: [充气泵], link: 3, unit: 台, price: 129, stock: 40, notes: notes/pump.md}
  - {sku: seat, name: 儿童座椅安装券, aliases: [装儿童座椅], link: 4, unit: 张, price: 30, stock: 50, notes: notes/seat.md}
  - {sku: mat, name: 脚垫定做券, aliases: [定做脚垫], link: 5, unit: 张, price: 99, stock: 30, spec: 做一块，一点二平米以内, notes: notes/mat.md}
  - {sku: wiper, name: 雨刮更换券, aliases: [换雨刮], link: 6, unit: 张, price: 45, stock: 60, notes: notes/wiper.md}
  - {sku: cover, name: 车衣定做券, aliases: [定做车衣], link: 8, unit: 张, price: 260, stock: 15, notes: notes/cover.md}
  - {sku: wax, name: 固体车蜡, aliases: [车蜡], link: 9, unit: 盒, price: 39, stock: 70, notes: notes/wax.md}
  - {sku: pedal, name: 离合踏板更换券, aliases: [换离合踏板], link: 7, unit: 张, price: 59, stock: 80, notes: notes/pedal.md}
"""

NOTES = {
    "wash.md": "# 精洗券\n\n问：要多长时间？\n答：里外一起洗40分钟左右。\n\n问：洗得不满意呢？\n答：2天内开回来免费再洗一次。\n\n"
               "问：几个人洗？\n答：两个师傅一起洗，一个洗外面一个吸里面。\n\n"
               "问：几点来接车？\n答：早上8点到10点上门接车，下午5点到7点送回去。\n",
    "film.md": "# 前挡膜贴膜券\n\n问：谁来贴？\n答：师傅小郑贴，他有汽车美容高级证，贴了6年。\n\n"
               "贴完3天内膜边翘起来或者中间起泡了，开回来找小郑免费重贴一次，工钱和膜都不另外收钱。贴完当着你的面用刮板刮一遍，看着不起泡才交车。\n",
    "pump.md": "# 车载充气泵\n\n厂家的规格单，原样贴上：\n\n【产品规格】\n型号：AQ-150\n最大气压：150 PSI（10 bar）\n"
               "气嘴：双头，美式嘴、英式嘴都能充\n【规格单完】\n\n我再说两句。轿车一般充到 2.3 到 2.5 bar。"
               "充英嘴要先把气嘴上的小帽拧下来。\n",
    "seat.md": "# 儿童座椅安装券\n\n问：装一次多久？\n答：装一个30分钟。\n\n问：多大的宝宝能坐？\n答：9个月以上的宝宝才能坐。\n",
    "mat.md": "# 脚垫定做券\n\n## 多大算一块哩\n- 一块：一点二平米以内算一块\n- 超了：超过一点二平米的，每多一平米加二十块\n\n"
              "## 用啥料\n- 料子：用的是加厚皮革，防水好洗\n- 款式：半包围的一张券铺一套，大包围的另补差价\n",
    "pedal.md": "# 离合踏板更换券\n\n## 要注意滴\n- 时间：换一个二十分钟\n- 保修：踏板保修半年\n",
    "cover.md": "# 车衣定做券\n\n## 啥料子哩\n- 布料：牛津布，二十四目的\n\n## 要注意滴\n- 穿法：先套车头再往后拉，扣好四个角的扣子\n"
                "- 耐用：穿好了一般能用三年\n- 保存：不用的时候叠好放后备箱，别放三个月以上不晾\n",
    "wax.md": "# 固体车蜡\n\n一盒 200 克，打一次用一小块，打完用干毛巾擦亮。没开封的放 2 年没问题。\n",
    "wiper.md": "# 雨刮更换券\n\n一张券换一对雨刮。有骨雨刮直接换，软胶条的另补差价。\n",
    "faq.md": "# 洗车须知\n\n| 项目 | 说明 |\n|---|---|\n| 过年 | 腊月二十九到正月初三歇业 |\n"
              "| 进群 | 扫门口二维码进群，每周三晚上 8 点直播 |\n| 取东西 | 充气泵直播第二天下午 2 点以后到店取 |\n"
              "| 老板 | 阿强洗车 15 年，有事打店里电话 |\n| 拿货 | 定做的脚垫第三天上午十点以后到店里拿 |\n",
}


@pytest.fixture(scope="module")
def care_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "care35", CARE, NOTES)


def test_a_count_ending_its_clause_is_no_per_amount_row(care_kb):
    a = care_kb.answer("洗一次多长时间", current_sku="wash")
    assert a.answered and "40分钟" in a.text, (a.text, a.why)


def test_who_comes_asks_a_person():
    assert analyse("谁来取车", []).kind == "who"
    assert analyse("谁来取都行吗", []).kind != "who"


def test_people_counted_by_their_role_answer_how_many(care_kb):
    a = care_kb.answer("几个人给洗", current_sku="wash")
    assert a.answered and "两个师傅" in a.text, (a.text, a.why)


def test_brought_back_is_the_owners_sent_back(care_kb):
    a = care_kb.answer("几点送回来", current_sku="wash")
    assert a.answered and "5点到7点" in a.text, (a.text, a.why)


def test_an_age_asked_is_no_length_of_a_job(care_kb):
    assert analyse("几个月的宝宝能坐", []).kind == "age"
    assert analyse("能放几个月", []).kind == "duration"
    a = care_kb.answer("几个月的宝宝能坐", current_sku="seat")
    assert "30分钟" not in a.text, (a.text, a.why)
    assert a.answered and "9个月以上" in a.text, (a.text, a.why)


def test_a_holiday_asked_is_its_own_row(care_kb):
    a = care_kb.answer("过年啥时候不营业")
    assert "8:30" not in a.text, (a.text, a.why)
    assert a.answered and "腊月二十九" in a.text, (a.text, a.why)


def test_a_day_counted_from_the_doing_is_not_its_day(care_kb):
    a = care_kb.answer("每周几直播")
    assert "第二天" not in a.text, (a.text, a.why)
    assert a.answered and "每周三" in a.text, (a.text, a.why)


def test_a_phone_asked_needs_a_number(care_kb):
    a = care_kb.answer("铺子电话多少")
    assert a.answered and "0000-44102938" in a.text, (a.text, a.why)
    assert "15 年" not in a.text, (a.text, a.why)


def test_stall_words_call_the_store(care_kb):
    a = care_kb.answer("摊子在哪")
    assert a.answered and "梧桐街 17 号" in a.text, (a.text, a.why)


def test_having_a_licence_is_answered_by_has(care_kb):
    a = care_kb.answer("师傅有证吗", current_sku="film")
    assert a.answered and "高级证" in a.text, (a.text, a.why)


def test_a_pressure_asked_is_the_spec_row(care_kb):
    assert analyse("能打多少气压", []).kind == "pressure"
    a = care_kb.answer("充气泵能打多少气压", current_sku="pump")
    assert a.answered and "150 PSI" in a.text, (a.text, a.why)


def test_another_kind_of_the_products_thing_is_refused(care_kb):
    a = care_kb.answer("脚踏板能换吗", current_sku="pedal")
    assert not a.answered, (a.text, a.why)


def test_when_can_i_take_it_asks_pickup(care_kb):
    a = care_kb.answer("脚垫买了啥时候能拿")
    assert a.answered and "上午十点以后" in a.text, (a.text, a.why)


def test_chinese_decimals_and_a_bound_over_an_area():
    assert decimal_lengths("一点二平米以内") == "1.2平米以内"
    assert decimal_lengths("八点半开门") == "八点半开门"
    assert stated_amounts("超过一点二平米的，每多一平米加二十块") == [("area", 1.2, float("inf"))]


def test_the_row_over_the_area_asked(care_kb):
    a = care_kb.answer("两平米的脚垫咋算", current_sku="mat")
    assert a.answered and "每多一平米加二十块" in a.text, (a.text, a.why)


def test_a_brand_is_not_the_kind_of_thing_used(care_kb):
    a = care_kb.answer("脚垫的皮革啥牌子", current_sku="mat")
    assert not a.answered, (a.text, a.why)


def test_a_word_said_in_pieces_is_answered_where_it_is_said_whole(care_kb):
    a = care_kb.answer("英嘴咋充", current_sku="pump")
    assert a.answered and "小帽拧下来" in a.text, (a.text, a.why)


def test_another_kind_said_of_the_same_thing_is_no_answer(care_kb):
    a = care_kb.answer("全包围的能铺吗", current_sku="mat")
    assert not a.answered, (a.text, a.why)


def test_a_negated_word_is_said_as_asked(care_kb):
    a = care_kb.answer("贴完咋知道不起泡", current_sku="film")
    assert "重贴" not in a.text, (a.text, a.why)
    assert a.answered and "刮板" in a.text, (a.text, a.why)


def test_a_mesh_count_in_chinese_numerals_is_a_count(care_kb):
    a = care_kb.answer("布料多少目", current_sku="cover")
    assert a.answered and "二十四目" in a.text, (a.text, a.why)


def test_how_long_it_lasts_once_put_on_is_no_storage(care_kb):
    assert "storage" not in analyse("穿了能用多久", []).topics
    assert "storage" in analyse("开了能用多久", []).topics
    a = care_kb.answer("穿了能用多久", current_sku="cover")
    assert "三个月" not in a.text, (a.text, a.why)
    assert a.answered and "三年" in a.text, (a.text, a.why)


def test_a_sentence_of_the_unopened_tells_how_long_it_keeps(care_kb):
    a = care_kb.answer("车蜡能放几年", current_sku="wax")
    assert a.answered and "2 年" in a.text, (a.text, a.why)


def test_an_area_answers_how_big(care_kb):
    a = care_kb.answer("多大算一块", current_sku="mat")
    assert a.answered and "一点二平米" in a.text, (a.text, a.why)
