"""Knowledge base, round 29: 有做X的吗 / 有洗X的没 ask whether the shop does it (the catalog's link), a making or
service verb said after 有 before the product's name; a product named by more of its full name than its alias
(上门检修 of 上门检修保养, alias 检修) is named all the same.
Invented store: a bicycle repair shop."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

BIKES = """store:
  name: 小林单车维修
  hours: 每天 9:00-19:00
products:
  - {sku: chain, name: 链条清洗上油, aliases: [链条], link: 1, unit: 台, price: 20, stock: 100, notes: notes/chain.md}
  - {sku: service, name: 上门检修保养, aliases: [检修], link: 2, unit: 台, price: 60, stock: 100, notes: notes/service.md}
  - {sku: tube, name: 换内胎, aliases: [内胎], link: 3, unit: 条, price: 25, stock: 100, notes: notes/tube.md}
  - {sku: bell, name: 铜车铃, aliases: [车铃], link: 4, unit: 个, price: 15, stock: 100, notes: notes/bell.md}
"""

NOTES = {
    "chain.md": "# 链条清洗上油\n\n链条我们是拆下来泡煤油的，泡 15 分钟，再刷再上油，一条洗完大概 40 分钟。\n\n"
                "平时天天骑的话建议两个月洗一次。\n",
    "service.md": "# 上门检修保养\n\n师傅上门检修一次大概 1 个小时，刹车、变速、胎压都调一遍，工具师傅自己带。\n",
    "tube.md": "# 换内胎\n\n内胎是丁基胶的，换一条 20 分钟，当场等。\n",
    "bell.md": "# 铜车铃\n\n车铃是纯铜的，声音脆，卡在车把上，一字螺丝刀拧紧就行。\n",
}


@pytest.fixture(scope="module")
def bikes_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "bikes29", BIKES, NOTES)


@pytest.mark.parametrize("question, link", [("有做检修的吗", "2 号"), ("有修内胎的吗", "3 号"),
                                            ("有上门检修吗", "2 号")])
def test_does_the_shop_do_it_is_answered_by_the_catalog(bikes_kb, question, link):
    a = bikes_kb.answer(question)
    assert a.answered and "有的" in a.text and link in a.text, (question, a.text, a.why)


def test_a_question_about_the_product_is_no_does_the_shop_do_it(bikes_kb):
    a = bikes_kb.answer("车铃咋装", current_sku="bell")
    assert "有的" not in a.text, (a.text, a.why)


STATION = """store:
  name: 红旗电瓶换电站
products:
  - {sku: swap, name: 电瓶换电, aliases: [换电], link: 1, unit: 台, price: 5, stock: 100, notes: notes/swap.md}
"""

STATION_NOTES = {
    "swap.md": "# 电瓶换电\n\n换一次 3 分钟，报手机尾号。\n",
    "规矩.md": "# 红旗换电站 规矩\n\n## 出了事\n\n| 项目 | 说明 |\n|---|---|\n"
              "| 电瓶冒烟 | 推到空地上，别用水浇，再打站里电话 |\n| 电话 | 0000-5566-120 |\n",
}


@pytest.fixture(scope="module")
def station_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "station29", STATION, STATION_NOTES)


@pytest.mark.parametrize("question", ["站里电话多少", "你们站电话多少"])
def test_the_store_naming_itself_by_its_kind_word_is_no_word_the_answer_must_say(station_kb, question):
    a = station_kb.answer(question)
    assert a.answered and "0000-5566-120" in a.text, (question, a.text, a.why)
