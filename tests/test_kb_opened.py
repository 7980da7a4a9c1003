"""Knowledge base: how long a product keeps once opened, asked as 开了袋 / 开了盖 / 开了, and told in notes
with a pinyin slip before a particle (开代后 = 开袋后). A nut and pickle stall, invented for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.wordlists import lexicon

sys.path.insert(0, str(Path(__file__).parent))
from doubles import ingested_kb  # noqa: E402


@pytest.fixture(scope="module")
def nut_kb(tmp_path_factory) -> KnowledgeBase:
    root = tmp_path_factory.mktemp("nuts")
    (root / "notes").mkdir()
    (root / "products.yaml").write_text(
        "store: {name: 老何干果铺}\nproducts:\n"
        "  - {sku: walnut, name: 纸皮核桃, aliases: [核桃], link: 1, unit: 袋, price: 35, stock: 9, notes: notes/walnut.md}\n"
        "  - {sku: kimchi, name: 辣白菜, link: 2, unit: 盒, price: 18, stock: 9, notes: notes/kimchi.md}\n",
        encoding="utf-8")
    (root / "notes" / "walnut.md").write_text(
        "# 纸皮核桃\n\n## 咋存\n- 没开的常温放 6 个月\n- 开代后 密封放阴凉处 20 天\n", encoding="utf-8")
    (root / "notes" / "kimchi.md").write_text(
        "# 辣白菜\n\n辣白菜是延吉朝鲜族阿妈妮腌的。没开封冷藏能放 60 天，开封以后冷藏 10 天内吃完。\n",
        encoding="utf-8")
    return ingested_kb(root, tmp_path_factory.mktemp("home"))


def test_a_slip_before_a_particle_is_read_as_the_word():
    assert lexicon().fix_typos("开代后放好").startswith("开袋后")
    assert lexicon().fix_typos("有冲味") == "有冲味"     # no listed word slipped: left as typed


@pytest.mark.parametrize("question,current,facts", [
    ("核桃开了袋能放多久", "walnut", ["20 天"]),
    ("核桃开了能放几天", "walnut", ["20 天"]),
    ("辣白菜开了盖能放多久", "kimchi", ["10 天"]),
    ("辣白菜没开封能放多久", "kimchi", ["60 天"]),
])
def test_how_long_it_keeps_once_opened(nut_kb, question, current, facts):
    a = nut_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)
