"""Knowledge base, round 28: a row or pair keyed by one case of a mark (有鞋钉, 假皮跟) answers no question asking the
opposite case (没鞋钉, 真皮跟); 贵多少 asks a price, and what a case adds (加多少钱, 贵多少) is no product's own
price from the catalog; X哪里的 asks where it comes from, not how far (1.2 米); a yes/no bound to a day of the month
(10号下午) is not answered by a rule of every day; 放长 / 放大 lets a thing out and keeps nothing (no storage);
a yes/no of a service done for the viewer (洗完帮擦吗) is not answered by a passage that never says the service;
a length asked (多高) is one piece's, though the product is sold by the pair (每只高八公分 of a 对);
盏 counts lamps; 多深 asks a depth, said as how far in (敲进去半公分).
Invented store: a cobbler who also cuts keys."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.question import analyse

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

COBBLER = """store:
  name: 老周修鞋配钥匙
  hours: 每天 8:00-20:00，每月 15 号下午盘点不开门
  delivery: 每天下午 3 点上门收鞋，要提前一天说
products:
  - {sku: heel, name: 换鞋跟, aliases: [鞋跟], link: 1, unit: 双, price: 25, stock: 50, spec: "平跟一双，高跟鞋另加 8 元", notes: notes/heel.md}
  - {sku: key, name: 配钥匙, aliases: [钥匙], link: 2, unit: 把, price: 5, stock: 100, notes: notes/key.md}
  - {sku: lace, name: 棉鞋带, aliases: [鞋带], link: 3, unit: 副, price: 3, stock: 100, notes: notes/lace.md}
  - {sku: stretch, name: 皮鞋撑大, aliases: [撑鞋], link: 4, unit: 双, price: 15, stock: 100, notes: notes/stretch.md}
  - {sku: tree, name: 木鞋撑, aliases: [鞋撑], link: 5, unit: 对, price: 39, stock: 100, notes: notes/tree.md}
  - {sku: lamp, name: 鞋柜感应灯, aliases: [感应灯], link: 6, unit: 对, price: 29, stock: 100, notes: notes/lamp.md}
  - {sku: nail, name: 鞋底防滑钉, aliases: [防滑钉], link: 7, unit: 包, price: 9, stock: 100, notes: notes/nail.md}
"""

NOTES = {
    "heel.md": "# 换鞋跟\n\n## 换得了不\n| 鞋跟 | 咋换 | 要等多久 |\n|---|---|---|\n"
               "| 鞋跟有鞋钉 | 起了钉换新跟 | 当天拿 |\n| 假皮跟 | 当场换，等10分钟 | 当场 |\n",
    "key.md": "# 配钥匙\n\n问：洗完会不会生锈？\n答：铜的不会生锈，铁的会生锈。\n\n问：配完要等多久？\n答：配完当场拿，5分钟。\n",
    "lace.md": "# 棉鞋带\n\n- 长度：1.2 米\n- 颜色：黑、白两种\n",
    "tree.md": "# 木鞋撑\n\n一对两只，每只高八公分、宽六公分，香樟木做的。\n",
    "lamp.md": "# 鞋柜感应灯\n\n一对是两盏，贴在鞋柜里面，人一走近就亮。\n",
    "nail.md": "# 鞋底防滑钉\n\n一包二十颗，钉子长一公分，敲进去半公分就牢了。\n",
    "stretch.md": "# 皮鞋撑大\n\n| 改法 | 能改多少 | 几天 |\n|---|---|---|\n| 放大 | 半码以内 | 2天 |\n",
}


@pytest.fixture(scope="module")
def cobbler_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "cobbler28", COBBLER, NOTES)


@pytest.mark.parametrize("question", ["没鞋钉能换吗", "真皮跟能当场换吗"])
def test_a_row_keyed_by_one_case_of_a_mark_answers_no_opposite_case(cobbler_kb, question):
    a = cobbler_kb.answer(question, current_sku="heel")
    assert not a.answered, (question, a.text, a.why)


def test_a_row_keyed_by_a_case_still_answers_that_case(cobbler_kb):
    a = cobbler_kb.answer("有鞋钉的能换吗", current_sku="heel")
    assert a.answered and "起了钉" in a.text, (a.text, a.why)


@pytest.mark.parametrize("question", ["高跟鞋加多少钱", "高跟鞋贵多少"])
def test_what_a_case_adds_is_no_price_of_the_product(cobbler_kb, question):
    a = cobbler_kb.answer(question, current_sku="heel")
    assert "25 元" not in a.text and (not a.answered or "8 元" in a.text), (question, a.text, a.why)


def test_gui_duoshao_asks_a_price():
    assert analyse("换金属的贵多少", []).kind == "price"


def test_where_from_asked_as_nali_de_is_no_distance(cobbler_kb):
    a = cobbler_kb.answer("鞋带哪里的", current_sku="lace")
    assert not a.answered, (a.text, a.why)


def test_a_yes_no_bound_to_a_day_of_the_month_takes_a_passage_stating_that_day(cobbler_kb):
    a = cobbler_kb.answer("10号下午能上门收鞋吗")
    assert not a.answered, (a.text, a.why)
    a = cobbler_kb.answer("15号下午开门吗")
    assert a.answered and "15 号" in a.text, (a.text, a.why)


@pytest.mark.parametrize("question", ["裙子能放长吗", "腰能放大多少", "能放宽一点吗"])
def test_letting_out_is_no_storage(question):
    q = analyse(question, [])
    assert "storage" not in q.topics and any("放" in w for g in q.residual for w in g), (q.topics, q.residual)
    assert "storage" in analyse("能放多长时间", []).topics


def test_letting_out_is_answered_by_its_row(cobbler_kb):
    a = cobbler_kb.answer("能放大多少", current_sku="stretch")
    assert a.answered and "半码" in a.text, (a.text, a.why)


def test_a_service_done_for_the_viewer_must_be_said(cobbler_kb):
    a = cobbler_kb.answer("钥匙洗完帮擦吗", current_sku="key")   # 洗完会不会生锈 never says 擦
    assert not a.answered, (a.text, a.why)
    a = cobbler_kb.answer("钥匙洗完会生锈吗", current_sku="key")
    assert a.answered and "不会生锈" in a.text, (a.text, a.why)
    a = cobbler_kb.answer("配完要等多久", current_sku="key")
    assert a.answered and "5分钟" in a.text, (a.text, a.why)


@pytest.mark.parametrize("question,fact", [("鞋撑多高", "八公分"), ("多宽", "六公分")])
def test_a_length_said_per_piece_answers_a_product_sold_by_the_pair(cobbler_kb, question, fact):
    a = cobbler_kb.answer(question, current_sku="tree")
    assert a.answered and fact in a.text, (question, a.text, a.why)


def test_a_weight_said_of_nothing_still_is_no_answer(cobbler_kb):
    a = cobbler_kb.answer("鞋撑多重", current_sku="tree")
    assert not a.answered, (a.text, a.why)


def test_zhan_counts_lamps(cobbler_kb):
    a = cobbler_kb.answer("一对几个", current_sku="lamp")
    assert a.answered and "两盏" in a.text, (a.text, a.why)


def test_duoshen_asks_a_depth_said_as_how_far_in(cobbler_kb):
    a = cobbler_kb.answer("钉子敲多深", current_sku="nail")
    assert a.answered and "半公分" in a.text, (a.text, a.why)
    assert analyse("敲多深", []).kind == "weight"
