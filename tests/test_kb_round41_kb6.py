"""Knowledge base, round 41 (stores40 tuning, helper kb6): colloquial headings read as the questions they are, on an
invented store (a community children's art class).

- Pinyin slips of headings (请架咋补, 尺马咋选, 能开发漂不, 穿啥衣付来) read as the words meant.
- An off-topic word (比赛) the notes of the product on screen say is the store's subject, no small talk.
- A short heading asking the question (一节多旧) is the key of its passage, as a bullet's key is.
- A passage under a short heading asking another question of nothing the question says (卷多旧有效, 报名啥时侯截止)
  answers no value asked, unless a clause holding that value says the question's words.
- A fee asked (报名费多少) asks money.
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
  - {sku: apron, name: 儿童画画罩衣, aliases: [罩衣, 画画衣], link: 3, unit: 件, price: 25, stock: 80,
     notes: notes/apron.md}
"""

NOTES = {
    "sketch.md": "# 儿童素描10节课包\n\n## 一节多旧\n\n一节90分钟，中间歇10分钟喝水\n\n"
                 "## 卷多旧有效\n\n半年，从头一节课开始算，生病的拿病历能延期一个月\n\n"
                 "## 请架咋补\n\n上课前一天在群里说，老师排补课\n\n"
                 "## 能参加画展不\n\n每年10月有区里的少儿画展比赛，想参加的老师帮着报\n",
    "paint.md": "# 儿童水彩课包\n\n## 报名啥时侯截止\n\n开课前一周截止，过了等下一期\n\n"
                "## 管吃不\n\n不管饭，中间歇15分钟，送一份水果\n\n## 多旧出作品集\n\n结课后两周左右，作品集寄到画室，到画室拿\n",
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
    from copilot.knowledge.docs import Chunk
    from copilot.knowledge.headings import heading_other
    from copilot.knowledge.question import analyse

    a = art_kb.answer("中间歇多久", current_sku="paint")
    assert a.answered and "15分钟" in a.text, (a.text, a.why)
    a = art_kb.answer("生病了能延期不", current_sku="sketch")
    assert a.answered and "延期一个月" in a.text, (a.text, a.why)
    chunk = Chunk(id="x", doc="notes/sketch.md", file="notes/sketch.md", sku="sketch", kind="note", section="卷多旧有效",
                  title="", text="半年，从头一节课开始算", hash="", layout="sentence")
    assert heading_other(analyse("一节课多久", []), chunk)


def test_a_fee_asked_is_money():
    from copilot.knowledge.kinds import question_kind

    assert question_kind("比赛报名费多少") == "price"
    assert question_kind("跑腿费要多少") == "price"
    assert question_kind("一个月费多少电") != "price"


def test_a_how_to_told_under_a_heading_asking_how_long(art_kb):
    a = art_kb.answer("作品集咋拿", current_sku="paint")
    assert a.answered and "到画室拿" in a.text, (a.text, a.why)
