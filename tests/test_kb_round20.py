"""Knowledge base, round 20: a size asked by a dimension notes often leave unnamed (多长) is answered by a value
said plainly (一卷 15 米) or with that dimension (长 80 厘米), never by one said of another dimension only
(手柄直径 3 厘米, 宽 60 厘米，厚 1 厘米). Invented store: a hardware and household-tools shop."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

TOOLS = """store:
  name: 老街五金铺
  address: 桂花路 12 号
products:
  - {sku: driver, name: 十字螺丝刀, aliases: [螺丝刀], link: 1, unit: 把, price: 12, stock: 30, notes: notes/driver.md}
  - {sku: board, name: 松木隔板, aliases: [隔板], link: 2, unit: 块, price: 25, stock: 20, notes: notes/board.md}
  - {sku: hose, name: 园艺水管, aliases: [水管], link: 3, unit: 卷, price: 39, stock: 10, notes: notes/hose.md}
  - {sku: mat, name: 门口地垫, aliases: [地垫], link: 4, unit: 块, price: 29, stock: 15, notes: notes/mat.md}
"""

TOOLS_NOTES = {
    "driver.md": "# 十字螺丝刀\n\n铬钒钢的刀头，带磁性。手柄直径 3 厘米，握着不累。\n",
    "board.md": "# 松木隔板\n\n长 80 厘米，宽 20 厘米，能承 15 公斤。\n",
    "hose.md": "# 园艺水管\n\n一卷 15 米，接头是铜的，冬天别放外面冻着。\n",
    "mat.md": "# 门口地垫\n\n宽 60 厘米，厚 1 厘米，橡胶底防滑，脏了拿水冲。\n",
}


@pytest.fixture(scope="module")
def tools_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "tools", TOOLS, TOOLS_NOTES)


@pytest.mark.parametrize("question,current", [
    ("螺丝刀多长", "driver"),   # only the handle's diameter is written
    ("地垫多长", "mat"),        # only its width and thickness are written
])
def test_a_length_is_not_answered_by_another_dimension(tools_kb, question, current):
    a = tools_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


@pytest.mark.parametrize("question,current,fact", [
    ("隔板多长", "board", "80 厘米"),   # 长 named beside 宽 in the same clause
    ("水管多长", "hose", "15 米"),      # a length said without naming the dimension
    ("地垫多宽", "mat", "60 厘米"),     # the other dimension asked by its own word
])
def test_a_length_said_plainly_or_by_its_name_still_answers(tools_kb, question, current, fact):
    a = tools_kb.answer(question, current_sku=current)
    assert a.answered and fact in a.text, (question, a.text, a.why)
