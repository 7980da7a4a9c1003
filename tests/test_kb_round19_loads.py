"""Knowledge base, round 19 (lead): a load a body puts on a thing (能坐多重的人, 能躺多重) is answered only by a
weight said as a load (承重 80 公斤, 最多承受 200 斤, 能坐 120 公斤), never by the thing's own weight said another way
(整张重 1.2 公斤, 整把重 8 斤). Invented store: a children's and garden furniture shop."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

GARDEN = """store:
  name: 小院家具铺
  address: 槐树街 9 号
products:
  - {sku: hammock, name: 户外吊床, aliases: [吊床], link: 1, unit: 张, price: 89, stock: 20, notes: notes/hammock.md}
  - {sku: kidchair, name: 儿童学习椅, aliases: [学习椅], link: 2, unit: 把, price: 159, stock: 10,
     notes: notes/kidchair.md}
  - {sku: rocker, name: 藤编摇椅, aliases: [摇椅], link: 3, unit: 把, price: 399, stock: 5, notes: notes/rocker.md}
"""

GARDEN_NOTES = {
    "hammock.md": "# 户外吊床\n\n加厚帆布的，整张重 1.2 公斤，收起来 30 厘米长，塞进背包就走。\n",
    "kidchair.md": "# 儿童学习椅\n\n| 项目 | 说明 |\n|---|---|\n| 承重 | 80 公斤 |\n| 重量 | 3 公斤 |\n"
                   "| 座高 | 32-45 厘米能调 |\n",
    "rocker.md": "# 藤编摇椅\n\n手工藤编，整把重 8 斤，一只手就拎起来。架子是实木的，最多承受 200 斤。\n",
}


@pytest.fixture(scope="module")
def garden_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "garden", GARDEN, GARDEN_NOTES)


@pytest.mark.parametrize("question,current,fact,never", [
    ("能坐多重的人", "kidchair", "80 公斤", "3 公斤"),
    ("能坐多重的人", "rocker", "200 斤", "8 斤"),
    ("学习椅多重", "kidchair", "3 公斤", "80 公斤"),
    ("摇椅多重", "rocker", "8 斤", "200 斤"),
])
def test_a_load_is_answered_by_a_load_and_a_weight_by_a_weight(garden_kb, question, current, fact, never):
    a = garden_kb.answer(question, current_sku=current)
    told = a.why.rpartition("答案里")[2]   # the value the reply gives (the quoted passage may hold both)
    assert a.answered and fact in a.text and fact in told and never not in told, (question, a.text, a.why)


def test_its_own_weight_said_another_way_is_no_load(garden_kb):
    a = garden_kb.answer("能躺多重的人", current_sku="hammock")   # only 整张重 1.2 公斤 is written
    assert not a.answered, (a.text, a.why)
