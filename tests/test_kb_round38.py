"""Knowledge base, round 38: readings the round's stores lacked, on an invented store (a community shoe-repair and
bag-care counter).

- 初一 alone is the first of any lunar month (每月初一店休): it says nothing of 过年.
- 干洗 and 水洗 (by machine or by hand) exclude each other: 能干洗吗 is not answered by 能机洗; a yes/no is answered
  by a passage that denies the condition asked (不水洗) or allows only another (只干洗).
- A yes/no that frames its doing by one the asker has finished (洗好给烘吗) is not answered by a passage that says
  only what happens once that is done (洗好会有点掉色).
- A row keyed by the word asked (长筒靴) answers before one keyed by a longer word ending in it (中长筒靴).
- 加多少 said bare after a case (麂皮靴加多少) asks what that case adds to the price, once no amount put in answers.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

SHOP = """store:
  name: 老鲁修鞋护包
  address: 石榴巷 12 号石榴小区南门
  hours: 每天 9:00-19:30，每月初一店休
  phone: 0000-61837420
products:
  - {sku: boots, name: 靴子清洗券, aliases: [洗靴子], link: 1, unit: 张, price: 35, stock: 80, notes: notes/boots.md}
  - {sku: bag, name: 皮包护理券, aliases: [皮包护理], link: 2, unit: 张, price: 59, stock: 40, notes: notes/bag.md}
  - {sku: sole, name: 换鞋底券, aliases: [换鞋底], link: 3, unit: 张, price: 45, stock: 40, notes: notes/sole.md}
"""

NOTES = {
    "boots.md": "# 靴子清洗券\n\n| 款式 | 价格 | 备注 |\n|---|---|---|\n| 短靴 | 券内 | 手工刷洗 |\n"
                "| 中长筒靴 | 加15元 | 手工刷洗 |\n| 长筒靴 | 加25元 | 手工刷洗 |\n| 麂皮靴 | 加10元 | 只干洗不水洗 |\n\n"
                "※ 洗好3天取。\n※ 洗好会有点掉色，是正常的。\n",
    "bag.md": "# 皮包护理券\n\n皮包先擦灰再上护理油。\n※ 擦完会有点发亮，是正常的。\n护理完能用湿布擦。\n",
    "sole.md": "# 换鞋底券\n\n粘鞋底用的是进口胶 粘完了能机洗 一双鞋大概要两天\n",
}


@pytest.fixture(scope="module")
def shop_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "shoes38", SHOP, NOTES)


def test_the_first_of_every_month_is_no_new_year(shop_kb):
    a = shop_kb.answer("过年开门吗")
    assert not a.answered, (a.text, a.why)


def test_dry_cleaning_is_not_washing(shop_kb):
    a = shop_kb.answer("粘完能干洗吗", current_sku="sole")
    assert not a.answered, (a.text, a.why)
    a = shop_kb.answer("粘完能机洗吗", current_sku="sole")
    assert a.answered and "机洗" in a.text, (a.text, a.why)


def test_a_yes_no_is_answered_by_denying_the_condition_asked(shop_kb):
    a = shop_kb.answer("麂皮靴能水洗吗", current_sku="boots")
    assert a.answered and "只干洗" in a.text, (a.text, a.why)


def test_a_doing_finished_is_only_the_frame_of_a_yes_no(shop_kb):
    from copilot.knowledge.question import analyse

    row = SimpleNamespace(sku="boots", layout="sentence")
    q = analyse("洗好给烘吗", [])
    assert shop_kb.judge.frame_only(q, "洗好会有点掉色，是正常的", row)
    assert not shop_kb.judge.frame_only(q, "洗好会低温烘一下", row)
    assert not shop_kb.judge.frame_only(analyse("麂皮靴能烘吗", []), "洗好会有点掉色", row)
    a = shop_kb.answer("洗好会掉色吗", current_sku="boots")
    assert a.answered and "掉色" in a.text, (a.text, a.why)


def test_the_row_keyed_by_the_word_asked_before_a_longer_one(shop_kb):
    from copilot.knowledge.judge import run_begins

    assert run_begins("长筒", "长筒靴：加25元", "长筒加多少钱")
    assert not run_begins("长筒", "中长筒靴：加15元", "长筒加多少钱")
    assert run_begins("长筒", "中长筒靴：加15元", "中长筒加多少钱")
    a = shop_kb.answer("长筒的加多少钱", current_sku="boots")
    assert a.answered and "加25元" in a.text and "中长筒" not in a.text, (a.text, a.why)


def test_a_bare_jia_duoshao_asks_what_a_case_adds(shop_kb):
    a = shop_kb.answer("麂皮靴加多少", current_sku="boots")
    assert a.answered and "加10元" in a.text, (a.text, a.why)
    a = shop_kb.answer("长筒靴加多少", current_sku="boots")
    assert a.answered and "加25元" in a.text, (a.text, a.why)

