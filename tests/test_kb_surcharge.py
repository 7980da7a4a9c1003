"""Knowledge base: what an option or a service adds to the price (要加厚的加多少, 从腰上改加多少, 换拉链加多少) asks
money, as 每节加多少 does; a thing put in (加多少水, 盐加多少) is still an amount. A memo's sum after 加 may be
written in Chinese numerals (加三十), ending its clause.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import question_kind

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

TAILOR = """store:
  name: 巧手裁缝铺
products:
  - {sku: coat, name: 棉袄翻新, aliases: [翻新], link: 1, unit: 件, price: 90, stock: 50, notes: notes/coat.md}
  - {sku: zip, name: 换拉链, aliases: [拉链], link: 2, unit: 条, price: 25, stock: 50, notes: notes/zip.md}
  - {sku: soup, name: 骨头汤料包, aliases: [汤料包], link: 3, unit: 包, price: 12, stock: 50, notes: notes/soup.md}
"""

TAILOR_NOTES = {
    "coat.md": "# 棉袄翻新\n\n顾客：要加厚的加多少\n店长：加厚的每件加 35 元\n顾客：从腰上改加多少\n"
               "店长：从腰上改要拆里子，加 15 元\n",
    "zip.md": "# 换拉链\n\n| 项目 | 说明 |\n| --- | --- |\n| 金属拉链 | 换成铜的金属拉链，加三十 |\n"
              "| 做多久 | 当天下午就能拿 |\n",
    "soup.md": "# 骨头汤料包\n\n- 水量：一包加 2 升水\n- 盐：出锅前加 5 克盐\n",
}


@pytest.fixture(scope="module")
def tailor_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "tailor_surcharge", TAILOR, TAILOR_NOTES)


@pytest.mark.parametrize("question, kind", [
    ("要加厚的加多少", "price"),
    ("从腰上改加多少", "price"),
    ("换拉链加多少", "price"),
    ("一包加多少水", "amount"),
    ("盐加多少", "amount"),
    ("煮的时候加多少", "amount"),
])
def test_what_an_option_or_a_service_adds_is_money(question, kind):
    assert question_kind(question) == kind


@pytest.mark.parametrize("question, sku, fact", [
    ("要加厚的加多少", "coat", "35 元"),
    ("从腰上改加多少", "coat", "15 元"),
    ("换金属的加多少", "zip", "三十"),
    ("一包加多少水", "soup", "2 升"),
])
def test_the_surcharge_asked_is_read(tailor_kb, question, sku, fact):
    a = tailor_kb.answer(question, current_sku=sku)
    assert a.answered and fact in a.text, (question, a.text, a.why)
