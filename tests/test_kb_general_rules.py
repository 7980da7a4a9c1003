"""Knowledge base: store rules read by their clauses (store_rules.py). A store rule sits inside one store field or one
line of a store notes file, among other rules (``外地发韵达，运费到付``). When no passage answers whole, a question
about one rule is answered by the one clause that says the question's own content words; a clause that leaves a
content word unsaid, or says none of the words of the aspect asked (能退 asked, 押金 50 said), answers nothing. A
second-hand bookshop (invented, written for these tests) keeps its rules in store fields and a bullet notes file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.store_rules import aspect_said, clauses, said

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PRODUCTS = """store:
  name: 墨香旧书铺
  hours: 每天 9:00-19:00，每月 1 号下午盘点，2 点以后不开门
  pickup: 直播下单后第二天到店自提，报手机尾号四位；朋友代取也行，报尾号就可以
  delivery: 本街道满 30 元免费送；外地发韵达，运费到付
  after_sales: 书没拆塑封 7 天内可以退；拆了塑封的不退不换；缺页的包换
products:
  - {sku: poem, name: 唐诗三百首, aliases: [唐诗], link: 1, unit: 本, price: 25, stock: 9, notes: notes/poem.md}
"""

NOTES = {
    "poem.md": "# 唐诗三百首\n1980 年代的老版本，竖排繁体。\n",
    "faq.md": "# 店里须知\n- 收旧书：论斤收，一斤 8 毛，上门收要满 50 斤\n"
              "- 借阅：办借书卡押金 50，一次借 3 本，14 天内还，逾期一天罚 1 毛\n"
              "- 进群：扫门口二维码进“墨香书友群”，群里有店长答疑，每周六发新到的书\n",
}


@pytest.fixture(scope="module")
def shop_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "bookshop", PRODUCTS, NOTES)


@pytest.mark.parametrize("question,fact,not_said", [
    ("能寄外地吗", "外地发韵达", "本街道"),   # the delivery rule's clause about 外地, not the whole field
    ("外地能寄吗", "外地发韵达", "本街道"),
])
def test_a_store_rule_answers_by_the_clause_that_says_the_words(shop_kb, question, fact, not_said):
    a = shop_kb.answer(question)
    assert a.answered and fact in a.text and not_said not in a.text, (question, a.text, a.why)
    assert a.sources and "韵达" in a.sources[0].text   # the store rule read is the first source


@pytest.mark.parametrize("question", [
    "能寄港澳吗",          # no clause says 港澳
    "能寄北京吗",          # nor 北京: 外地 is the owner's word, not the viewer's
    "借书卡能退押金吗",    # 办借书卡押金 50 says the words but nothing of returning it (the aspect asked)
    "群里能打广告吗",
])
def test_no_clause_saying_the_words_is_refused(shop_kb, question):
    a = shop_kb.answer(question)
    assert not a.answered, (question, a.text, a.why)


def test_a_rule_reads_as_its_label_and_clauses():
    assert clauses("送货上门：外地发韵达，运费到付。") == ("送货上门：", ["外地发韵达", "运费到付"])
    assert clauses("逾期一天罚 1 毛") == ("", ["逾期一天罚 1 毛"])


def test_a_clause_must_say_every_longer_word_and_more_than_a_lone_character():
    assert said([["外地"]], "外地发韵达") == (1, 2)
    assert said([["寄"], ["外地"]], "外地发韵达") is None      # every word said
    assert said([["拆"]], "没拆吊牌 7 天内能退", "拆了能退吗") is None   # with the question's polarity
    assert said([["开封"]], "没开封的能退", "没开封能退吗") == (1, 2)
    assert said([["出"]], "运费到付") is None                  # a lone character never answers alone
    assert said([["发"], ["新"], ["书"]], "每周六发新到的书") == (3, 3)


def test_the_aspect_asked_must_be_said_by_the_clause():
    assert aspect_said(["aftersales"], "拆了塑封的不退不换")
    assert not aspect_said(["aftersales"], "办借书卡押金 50")
    assert aspect_said([], "anything")
