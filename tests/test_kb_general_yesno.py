"""Knowledge base: a yes/no is decided by the clause whose polarity, limit or condition governs the doing asked
(gate.governed). Viewers frame the doing with when or where they are (到手能马上用吗, 家里有宝宝能点吗); the note
says the doing in its own frame (拿到先别急着用, 宝宝在家的时候不建议点). Such a clause answers, although it never
says the frame words; a clause that says the words but whose polarity governs another verb (点完要开窗) does not.
A handmade soap and candle stall (invented, written for these tests) keeps talking prose, bullets and a table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.gate import _governs, governed
from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PRODUCTS = """store: {name: 小麦手工皂}
products:
  - {sku: soap, name: 冷制手工皂, aliases: [手工皂, 香皂], link: 1, unit: 块, price: 25, stock: 99, notes: notes/soap.md}
  - {sku: candle, name: 大豆香薰蜡烛, aliases: [香薰蜡烛, 蜡烛], link: 2, unit: 杯, price: 39, stock: 20, notes: notes/candle.md}
  - {sku: bag, name: 起泡网袋, aliases: [网袋], link: 3, unit: 个, price: 3, stock: 99, notes: notes/bag.md}
"""

NOTES = {
    "soap.md": "# 冷制手工皂\n\n这批皂是我自己打的，用的橄榄油和椰子油。拿到先别急着用，放通风的地方再晾两个星期，"
               "皂会更温和。\n\n洗脸洗澡都行。用完放沥水皂盒里，泡在水里会化得很快。\n",
    "candle.md": "# 大豆香薰蜡烛\n\n- 燃烧：第一次点要点到表面全化开，不然会烧出个坑\n"
                 "- 宝宝：宝宝在家的时候不建议点，等孩子出门了再点\n"
                 "- 通风：点完要开窗透透气\n- 剪芯：每次点之前把烛芯剪到 5 毫米\n",
    "bag.md": "# 起泡网袋\n\n| 项目 | 说明 |\n|---|---|\n| 清洗 | 用完挂起来晾干 |\n"
              "| 使用 | 收到以后先别用热水泡，会缩 |\n",
}


@pytest.fixture(scope="module")
def soap_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "soap", PRODUCTS, NOTES)


@pytest.mark.parametrize("question,current,facts", [
    ("手工皂到手能马上用吗", "soap", ["别急着用"]),      # 到手 / 马上 framed: 拿到先别急着用 decides 用
    ("家里有宝宝能点吗", "candle", ["不建议点"]),        # 家里 framed: 宝宝在家的时候不建议点
    ("网袋到手能直接用热水泡吗", "bag", ["别用热水泡"]),  # a table row: 收到以后先别用热水泡
])
def test_a_clause_that_decides_the_doing_in_its_own_frame_answers(soap_kb, question, current, facts):
    a = soap_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("手工皂到手能马上泡水吗", "soap"),    # 泡水 is said nowhere: 别急着用 decides another doing
    ("蜡烛到手能马上送人吗", "candle"),    # nothing of 送人 in the notes
    ("网袋到手能马上晒吗", "bag"),         # 晾干 is no 晒, and 别 governs 用热水泡
])
def test_a_framed_yes_no_of_a_doing_no_clause_decides_is_refused(soap_kb, question, current):
    a = soap_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


def test_the_polarity_must_govern_the_word_asked():
    assert _governs("拿到先别急着用", [["用"]])
    assert _governs("宝宝在家的时候不建议点", [["点"]])
    assert not _governs("点完要开窗透透气", [["点"]])          # no polarity before 点
    assert not _governs("别放在窗台上暴晒然后点", [["点"]])     # 别 governs 放, far from 点


def test_only_a_question_with_frame_words_is_widened():
    assert governed("到手能马上用吗", ["拿到先别急着用"], [["到手"], ["马上"]])
    assert not governed("能用热水泡吗", ["拿到先别急着用"], [["热水"], ["泡"]])   # nothing framed: the typed path decides
    assert not governed("到手能马上泡水吗", ["拿到先别急着用"], [["到手"], ["泡水"]])   # the doing asked is not said


def test_a_clause_that_governs_the_head_of_the_doing_asked_decides_it():
    assert governed("能泡水洗吗", ["用湿布擦", "别泡水"], [["泡水"], ["洗"]])          # 别 governs 泡水
    assert not governed("能装热汤吗", ["装开水前先用热水烫 1 分钟"], [["热汤"]])     # 先 governs 用热水烫
    assert not governed("能洗吗", ["别泡水"], [["洗"]])                              # a one-word doing: the typed path
