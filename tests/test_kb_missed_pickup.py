"""Knowledge base: missing the pickup is another case than picking up, and the days of the stream are a
question about the stream. A tea shop (invented, written for these tests) keeps its rules in a Q&A file and
under colloquial headings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import ingested_kb  # noqa: E402


@pytest.fixture(scope="module")
def tea_kb(tmp_path_factory) -> KnowledgeBase:
    root = tmp_path_factory.mktemp("tea")
    (root / "notes").mkdir()
    (root / "products.yaml").write_text(
        "store: {name: 南山茶铺}\nproducts:\n"
        "  - {sku: oolong, name: 铁观音, link: 1, unit: 罐, price: 98, stock: 9, notes: notes/oolong.md}\n",
        encoding="utf-8")
    (root / "notes" / "店里的事.md").write_text(
        "# 店里的事\n\n| 项目 | 说明 |\n|---|---|\n| 直播 | 每周一、周三、周六晚上 19:00 |\n\n"
        "问：下了单怎么取？\n答：下单后第三天 10:00-18:00 到店取，报手机尾号。\n\n"
        "## 不来拿的\n- 帮你留 5 天，过时不取的退一半钱\n", encoding="utf-8")
    (root / "notes" / "oolong.md").write_text("# 铁观音\n\n安溪的茶，清香型。\n", encoding="utf-8")
    return ingested_kb(root, tmp_path_factory.mktemp("home"))


@pytest.mark.parametrize("question,facts", [
    ("忘了去拿咋办", ["5 天"]),                 # not the pickup hours
    ("买了没空去取怎么办", ["5 天"]),
    ("怎么取货", ["10:00"]),                    # picking up: the pickup rule, not the missed one
    ("哪几天直播", ["周一", "周三", "周六"]),     # the stream's days, not the pickup day
])
def test_missed_pickup_and_stream_days(tea_kb, question, facts):
    a = tea_kb.answer(question)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)
