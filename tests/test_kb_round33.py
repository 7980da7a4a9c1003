"""Knowledge base, round 33: readings the round's stores lacked, on an invented store (a community bike repair).

- 没货要等几天 asks how long the wait is when the part is out of stock: the notes' 没货 clause answers, never the
  catalog's stock count (a stock word in the clause that asks a time is its case, not the stock asked); said in a
  clause of its own (有现货吗 几天到) it still asks the stock.
- 哪几个月来 asks which months (4 月、10 月), not how many months: a duration (一次 2 个小时) is no answer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.question import analyse

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

BIKE = """store:
  name: 老周单车铺
  address: 梧桐路 8 号
  hours: 每天 8:00-19:00
products:
  - {sku: tube, name: 换内胎券, aliases: [换内胎], link: 1, unit: 张, price: 25, stock: 60, notes: notes/tube.md}
  - {sku: care, name: 单车保养套餐, aliases: [保养套餐], link: 2, unit: 套, price: 168, stock: 30, notes: notes/care.md}
"""

BIKE_NOTES = {
    "tube.md": "# 换内胎券\n\n顾客：要等多久\n店长：有货的当场换，二十分钟\n顾客：没货呢\n店长：没货的要从厂里订，2天到\n"
               "顾客：旧内胎还给我吗\n店长：旧内胎店里回收\n",
    "care.md": "# 单车保养套餐\n\n## 包含啥\n| 项目 | 说明 |\n|---|---|\n| 次数 | 一年上门 2 次，4 月、10 月各一次 |\n"
               "| 时长 | 一次 2 个小时 |\n| 内容 | 链条上油，刹车调松紧 |\n",
}


@pytest.fixture(scope="module")
def bike_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "bike33", BIKE, BIKE_NOTES)


def test_out_of_stock_wait_is_the_notes_case_not_the_stock_count(bike_kb):
    a = bike_kb.answer("没货要等几天", current_sku="tube")
    assert "60" not in a.text and "还剩" not in a.text, (a.text, a.why)
    assert a.answered and "2天" in a.text, (a.text, a.why)


def test_a_stock_word_framing_a_time_is_no_stock_question():
    assert "stock" not in analyse("没货要等几天", []).facts
    assert "stock" not in analyse("卖完了啥时候补货", []).facts
    assert "stock" in analyse("还有货吗", []).facts
    assert "stock" in analyse("今天还有货吗", []).facts
    assert "stock" in analyse("有现货吗 几天到", []).facts   # a stock question of its own beside the time asked


def test_which_months_asks_the_months_not_a_duration(bike_kb):
    assert analyse("哪几个月来", []).kind == "day"
    assert analyse("能放几个月", []).kind == "duration"
    a = bike_kb.answer("哪几个月来", current_sku="care")
    assert "2 个小时" not in a.text, (a.text, a.why)
    assert a.answered and "4 月" in a.text, (a.text, a.why)
