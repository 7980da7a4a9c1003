"""Knowledge base, round 41 (stores40 tuning, helper kb6): colloquial headings read as the questions they are, on an
invented store (a community children's art class).

- Pinyin slips of headings (请架咋补, 尺马咋选, 能开发漂不, 穿啥衣付来) read as the words meant.
- An off-topic word (比赛) the notes of the product on screen say is the store's subject, no small talk.
- A short heading asking the question (一节多旧) is the key of its passage, as a bullet's key is.
- A passage under a short heading asking another question of nothing the question says (卷多旧有效, 报名啥时侯截止)
  answers no value asked, unless a clause holding that value says the question's words.
- A span with its unit at both ends (3岁半到12岁) is the span; a yes/no of an amount (四岁能学吗) is answered by the
  range a heading asking which amounts can (几岁能学) states.
- A time told from another (结课前一周, 学满半年) is a time.
- A how-to of a trouble (咋弄不生锈) is answered by a Q&A pair asking whether it comes whose answer tells how it does
  not (会生锈吗？ …就不会锈); not once the trouble has come (生锈了咋办).
- 把手 is said 柄 by owners; a short Q&A question all of whose characters the question says (托盘多宽？) keys it.
- A how-to (作品集咋拿) is answered under a heading asking how long (多旧出作品集) when the passage tells the doing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

SHOP = """store:
  name: 彩虹画室
  address: 梧桐路 12 号梧桐小区北门三楼
  hours: 周三到周日 9:00-18:00
products:
  - {sku: sketch, name: 儿童素描10节课包, aliases: [素描, 素描课], link: 1, unit: 张, price: 680, stock: 30,
     notes: notes/sketch.md}
  - {sku: paint, name: 儿童水彩课包, aliases: [水彩, 水彩课], link: 2, unit: 张, price: 780, stock: 30,
     notes: notes/paint.md}
  - {sku: easel, name: 木头画架, aliases: [画架], link: 4, unit: 个, price: 59, stock: 40, notes: notes/easel.md}
  - {sku: apron, name: 儿童画画罩衣, aliases: [罩衣, 画画衣], link: 3, unit: 件, price: 25, stock: 80,
     notes: notes/apron.md}
"""

NOTES = {
    "sketch.md": "# 儿童素描10节课包\n\n## 一节多旧\n\n一节90分钟，中间歇10分钟喝水\n\n"
                 "## 卷多旧有效\n\n半年，从头一节课开始算，生病的拿病历能延期一个月\n\n"
                 "## 请架咋补\n\n上课前一天在群里说，老师排补课\n\n"
                 "## 能参加画展不\n\n每年10月有区里的少儿画展比赛，想参加的老师帮着报\n\n"
                 "## 几岁能学捏\n\n5岁以上，太小了坐不住\n\n## 啥时侯交作品\n\n结课前一周交\n",
    "paint.md": "# 儿童水彩课包\n\n## 报名啥时侯截止\n\n开课前一周截止，过了等下一期\n\n"
                "## 管吃不\n\n不管饭，中间歇15分钟，送一份水果\n\n## 多旧出作品集\n\n结课后两周左右，作品集寄到画室，到画室拿\n",
    "easel.md": "# 木头画架\n\n问：木柄松了咋办？\n答：柄里有螺丝，拿螺丝刀拧紧就行。\n\n"
                 "问：会生锈吗？\n答：会，用完擦干，抹点油就不会锈。\n\n问：托盘多宽？\n答：宽45厘米。\n",
    "apron.md": "# 儿童画画罩衣\n\n## 尺马咋选\n\n按身高选，S码110以下，M码110到130\n\n## 穿啥衣付来\n\n穿旧衣服就行\n",
}


@pytest.fixture(scope="module")
def art_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "art41", SHOP, NOTES)


def test_pinyin_slips_of_headings():
    from copilot.knowledge.wordlists import lexicon

    assert lexicon().fix_typos("请架咋补") == "请假怎么补"
    assert lexicon().fix_typos("尺马咋选") == "尺码怎么选"
    assert lexicon().fix_typos("能开发漂不") == "能开发票不"
    assert lexicon().fix_typos("穿啥衣付来") == "穿什么衣服来"


def test_a_leave_asked_under_a_mistyped_heading(art_kb):
    a = art_kb.answer("请假咋补", current_sku="sketch")
    assert a.answered and "前一天" in a.text, (a.text, a.why)
    a = art_kb.answer("尺码咋选", current_sku="apron")
    assert a.answered and "按身高选" in a.text, (a.text, a.why)


def test_an_off_topic_word_the_notes_say_is_the_stores_subject(art_kb):
    a = art_kb.answer("比赛几月", current_sku="sketch")
    assert a.answered and "10月" in a.text, (a.text, a.why)
    a = art_kb.answer("看电影吗", current_sku="sketch")
    assert not a.answered and a.reason == "off_topic", (a.text, a.why)


def test_a_heading_that_asks_another_value_is_no_answer(art_kb):
    a = art_kb.answer("素描一节课多久", current_sku="sketch")
    assert not a.answered or "90分钟" in a.text, (a.text, a.why)
    a = art_kb.answer("水彩一期上多久", current_sku="paint")
    assert not a.answered or "一周" not in a.text, (a.text, a.why)


def test_a_clause_saying_the_question_words_still_answers(art_kb):
    a = art_kb.answer("中间歇多久", current_sku="paint")
    assert a.answered and "15分钟" in a.text, (a.text, a.why)
    a = art_kb.answer("生病了能延期不", current_sku="sketch")
    assert a.answered and "延期一个月" in a.text, (a.text, a.why)


def test_a_how_to_told_under_a_heading_asking_how_long(art_kb):
    a = art_kb.answer("作品集咋拿", current_sku="paint")
    assert a.answered and "到画室拿" in a.text, (a.text, a.why)


def test_a_span_with_its_unit_at_both_ends():
    from copilot.knowledge.conditions import stated_amounts

    assert ("age", 54.0, 120.0) in stated_amounts("4岁半到10岁都能来")
    assert ("age", 6.0, 12.0) in stated_amounts("6个月到1岁的宝宝")


def test_a_yes_no_of_an_amount_by_the_range_a_heading_asks(art_kb):
    a = art_kb.answer("四岁能学素描吗", current_sku="sketch")
    assert a.answered and "5岁以上" in a.text, (a.text, a.why)


def test_a_time_told_from_another(art_kb):
    from copilot.knowledge.kinds import values_of

    assert values_of("time", "考完前一个月截止") == ["前一个月"]
    assert values_of("time", "学满半年加课")
    a = art_kb.answer("啥时候交作品", current_sku="sketch")
    assert a.answered and "前一周" in a.text, (a.text, a.why)


def test_a_trouble_prevented_answers_its_how_to(art_kb):
    a = art_kb.answer("咋弄不生锈", current_sku="easel")
    assert a.answered and "抹点油" in a.text, (a.text, a.why)
    a = art_kb.answer("生锈了咋办", current_sku="easel")
    assert not a.answered or "抹点油" not in a.text, (a.text, a.why)


def test_a_handle_and_a_short_pair(art_kb):
    a = art_kb.answer("把手松了咋办", current_sku="easel")
    assert a.answered and "拧紧" in a.text, (a.text, a.why)
    a = art_kb.answer("画架托盘多宽", current_sku="easel")
    assert a.answered and "45厘米" in a.text, (a.text, a.why)


def test_a_fee_asked_is_money():
    from copilot.knowledge.kinds import question_kind

    assert question_kind("比赛报名费多少") == "price"
    assert question_kind("一个月费多少电") != "price"
    assert question_kind("不满一百跑腿费多少") != "price"   # the threshold's own cue reads it
