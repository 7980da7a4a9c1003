"""Knowledge base: a reply is given only when the passage chosen DECIDES what was asked (decides.py). A brand is
not answered by who supplies it, a person asked for a doing not by a passage that names no one or never says the
doing, a duration not by how long someone has done another thing (教了十五年). A community swimming pool
(invented, written for these tests) keeps bullets, a talking owner's prose and a table."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from copilot.knowledge.decides import brand_by_supplier, past_only, person_undecided
from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PRODUCTS = """store: {name: 浪花社区游泳馆, address: 桃园路 8 号地下一层, payment: 微信、支付宝、现金}
products:
  - {sku: card, name: 游泳十次卡, aliases: [次卡], link: 1, unit: 张, price: 200, stock: 99, notes: notes/card.md}
  - {sku: goggles, name: 防雾泳镜, aliases: [泳镜], link: 2, unit: 副, price: 35, stock: 30, notes: notes/goggles.md}
  - {sku: kids, name: 儿童游泳班, aliases: [游泳班], link: 3, unit: 套, price: 880, stock: 12, notes: notes/kids.md}
"""

NOTES = {
    "card.md": "# 游泳十次卡\n\n- 水温：常年 28 度\n- 谁教：教练老陈教蛙泳，一对一的另外约\n"
               "- 泳帽：必须戴，前台 5 块一顶\n- 储物柜：押金 10 元，钥匙手环戴手上\n"
               "- 注意：吃完饭别马上下水，喝了酒的不让下水\n",
    "goggles.md": "泳镜是从义乌那边批发商进的货，镜片是防雾镀膜的，我在这个馆子教游泳教了十五年，"
                  "带子能调长短，大人小孩都能戴。\n",
    "kids.md": "| 项目 | 说明 |\n|---|---|\n| 几岁能学 | 5 岁以上，身高 1 米 1 以上 |\n"
               "| 一节课多久 | 45 分钟，一期 12 节 |\n| 家长 | 在看台上等，不能下水 |\n",
}


@pytest.fixture(scope="module")
def pool_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "pool", PRODUCTS, NOTES)


@pytest.mark.parametrize("question,current,facts", [
    ("谁教蛙泳", "card", ["老陈"]),                  # the person named in the clause of the doing asked
    ("泳镜带子能调吗", "goggles", ["能调"]),          # the doing asked (调) is said
    ("一节课多久", "kids", ["45 分钟"]),
    ("吃完饭能马上下水吗", "card", ["别马上下水"]),
    ("水温多少度", "card", ["28 度"]),
])
def test_a_passage_that_decides_answers(pool_kb, question, current, facts):
    a = pool_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("泳镜啥牌子", "goggles"),          # 从义乌那边批发商进的货 says who supplies it, no brand
    ("泳镜能用几年", "goggles"),        # 教游泳教了十五年 is how long the owner has taught
    ("谁教自由泳", "card"),             # 老陈教蛙泳: the person named teaches another stroke
])
def test_a_related_passage_that_does_not_decide_is_refused(pool_kb, question, current):
    a = pool_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


def _q(text: str, kind: str, residual=()):
    return SimpleNamespace(text=text, unnamed=text, kind=kind, residual=[list(g) for g in residual], units=None)


def test_the_forms_that_do_not_decide():
    assert brand_by_supplier(_q("胶水啥牌子", "who", [["胶水"]]), "用的玛吉斯的冷补胶片，胶水是从天津厂家进的")
    assert not brand_by_supplier(_q("胶片啥牌子", "who", [["胶片"]]), "用的玛吉斯牌的冷补胶片")
    assert person_undecided(_q("谁上课", "who"), "辅导课 人数", "一个老师带四个孩子")
    assert not person_undecided(_q("作者是谁", "who"), "作者", "陈青苗")
    assert past_only(_q("锁能用几年", "duration"), "我在这条街卖锁卖了八年")
    assert not past_only(_q("一支能用多久", "duration"), "开了 12 个月内用完")
    assert not past_only(_q("师傅干了几年", "duration"), "张师傅开了二十二年车")
