"""Knowledge base: a value belongs to the doing and the form its own clause says (ties.py). A duration said of
one doing (泡 10 分钟, 换完保 1 年) is no answer to how long another takes, nor to how often a thing is done
(一个月左右除一次 answers 多久除一次, never 除一次要多久); and a store rule's time belongs to the event its key
names (下单截止 under 下单和取货 is the order's deadline, no pickup time). A knife-grinding and umbrella-repair
stall (invented, written for these tests) keeps talking prose, bullets and a table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.ties import after_done, asked_form, tied

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PRODUCTS = """store: {name: 老马磨刀修伞铺}
products:
  - {sku: knife, name: 磨菜刀, aliases: [磨刀], link: 1, unit: 把, price: 10, stock: 99, notes: notes/knife.md}
  - {sku: umbrella, name: 修雨伞, aliases: [修伞, 雨伞], link: 2, unit: 把, price: 20, stock: 99, notes: notes/umbrella.md}
  - {sku: kettle, name: 不锈钢烧水壶, aliases: [烧水壶, 水壶], link: 3, unit: 个, price: 59, stock: 9, notes: notes/kettle.md}
"""

NOTES = {
    "knife.md": "# 磨菜刀\n\n我们是手工在磨刀石上磨的，一把菜刀磨下来 10 分钟，您在旁边等着就行。家里天天做饭的，菜刀 3 个月"
                "左右磨一次就够了。\n\n剪刀也能磨，剪刀磨完要晾 2 个小时再用。磨刀石用之前先泡 10 分钟。\n",
    "umbrella.md": "# 修雨伞\n\n- 伞骨：换一根伞骨 15 分钟，当场修好\n- 伞面：换完保 1 年，漏水免费再修\n"
                   "- 自动伞：弹簧坏了能换，要等 3 天配件\n",
    "kettle.md": "# 不锈钢烧水壶\n\n装满是 1.7 升，烧开大概 5 分钟。水垢一个月左右除一次，用白醋泡 20 分钟再冲干净。\n\n"
                 "| 项目 | 说明 |\n|---|---|\n| 滤网洗完多久能装 | 晾干 1 天就能装回去 |\n| 壶盖 | 用手按一下就弹开 |\n",
    "faq.md": "# 常见问题\n\n## 下单和取货\n- 下单截止：直播间晚上 10 点前下的单，第二天就能来取\n"
              "- 取货时间：第二天上午 10 点以后来拿\n- 留货：修好了留 30 天，过了不退钱\n",
}


@pytest.fixture(scope="module")
def stall_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "stall", PRODUCTS, NOTES)


@pytest.mark.parametrize("question,current,facts", [
    ("磨一把菜刀要多久", "knife", ["10 分钟"]),        # how long the doing takes, beside how often it is done
    ("菜刀多久磨一次", "knife", ["3 个月"]),           # how often: the value said as how often
    ("伞骨换一次要多久", "umbrella", ["15 分钟"]),     # the doing asked (换) in the value's clause
    ("水垢多久除一次", "kettle", ["一个月"]),
    ("几点能来拿", None, ["10 点以后"]),               # the pickup key's time, not the order deadline beside it
    ("修好了能留几天", None, ["30 天"]),               # what follows the repair: the rule kept for it
])
def test_a_value_of_the_doing_asked_answers(stall_kb, question, current, facts):
    a = stall_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("磨刀石多久换一次", "knife"),     # 泡 10 分钟 is how long it soaks, not how often it is changed
    ("剪刀磨一次要多久", "knife"),     # 磨完要晾 2 个小时 is what follows the grinding
    ("换伞面要多久", "umbrella"),      # 换完保 1 年 is the guarantee after the change
    ("滤网多久洗一次", "kettle"),      # the row keyed 洗完多久能装 tells what follows a wash, not how often
    ("几天能修好", None),              # 修好了留 30 天 is how long it is kept once repaired
])
def test_a_neighbour_value_of_another_doing_is_refused(stall_kb, question, current):
    a = stall_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


def test_the_form_asked():
    assert asked_form("鞋带多久换一次") == ("interval", "换")
    assert asked_form("拉头换一次要多久") == ("span", "换")
    assert asked_form("鞋油打亮要擦多久") == ("span", "擦")
    assert asked_form("换弦要多久")[0] == "span"
    assert asked_form("能放多久") == ("", "")   # how long it keeps: no doing's form asked


def test_a_value_is_tied_to_its_own_clause():
    assert not tied("多久换一次", "", "一双鞋带另外泡 10 分钟", "duration")
    assert tied("多久换一次", "", "1 到 2 个月换一套", "duration")
    assert not tied("换弦要多久", "", "天天练的 1 到 2 个月换一套", "duration")
    assert tied("换弦要多久", "", "换一套弦 10 分钟", "duration")
    assert after_done("换伞面要多久", "换完保 1 年") and not after_done("伞面换完能用多久", "换完保 1 年")
    assert after_done("铜牌几天做好", "做好了留 30 天") and not after_done("做好了能留几天", "做好了留 30 天")
