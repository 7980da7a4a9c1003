"""Knowledge base, round 39 (stores36 tuning): neighbouring facts no longer taken for the one asked, on an invented
store (a community pet-turtle and pond shop).

- 套装多少钱, 盒装多少钱 ask a price: 装 ends a noun there, no verb of holding (能装多少钱 still asks what it holds).
- How long a thing lasts (一袋能喂多久) is not answered by how often it is done (一天喂一次) nor by what one time
  takes (一次三五分钟吃完).
- 每天换一次 says how often, no time of day; 多放一点 is a little, not one o'clock; 啥时候放 is not answered by a time
  said after the doing is done (放完 2 小时内别喂).
- 网有几号 asks the sizes it comes in (号数：1 号到 4 号), not its link.
- 多长 is not answered by a value keyed by another dimension (口径：30 厘米).
  A value keyed by another dimension still answers when its clause names the part asked (高度：40 厘米，尾巴占 10 厘米 for
  尾巴多长).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

SHOP = """store:
  name: 小龟塘宠物
  address: 荷花路 5 号荷花菜场
  hours: 每天 9:00-19:00
products:
  - {sku: tank, name: 乌龟晒台套装, aliases: [晒台套装, 晒台], link: 1, unit: 套, price: 128, stock: 10,
     spec: 含晒台、爬梯和灯, notes: notes/tank.md}
  - {sku: food, name: 龟粮, aliases: [龟食], link: 2, unit: 袋, price: 19, stock: 50, spec: 每袋200克, notes: notes/food.md}
  - {sku: salt, name: 水质盐, aliases: [龟盐], link: 3, unit: 包, price: 9, stock: 50, notes: notes/salt.md}
  - {sku: net, name: 捞网, aliases: [小捞网], link: 4, unit: 个, price: 12, stock: 50, notes: notes/net.md}
"""

NOTES = {
    "food.md": "# 龟粮\n\n| 项目 | 说明 |\n|---|---|\n| 喂法 | 一天喂一次，一次三五分钟吃完的量 |\n| 保质期 | 开封后三个月内吃完 |\n",
    "salt.md": "# 水质盐\n\n| 项目 | 说明 |\n|---|---|\n| 用量 | 每10升水放5克 |\n| 开缸 | 头一周每天换一次水 |\n"
               "| 注意 | 放完2小时内别喂食 |\n| 放多了 | 多放一点也没事 |\n",
    "net.md": "# 捞网\n\n## 多大\n- 口径：30厘米\n- 杆长：1.2米\n- 号数：1号到4号\n",
    "tank.md": "# 乌龟晒台套装\n\n- 灯：UVB灯一盏\n- 高度：20厘米，爬梯占了8厘米\n",
}


@pytest.fixture(scope="module")
def pond_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "turtle39", SHOP, NOTES)


def test_a_set_price_is_a_price():
    from copilot.knowledge.question import analyse

    assert "price" in analyse("晒台套装多少钱", []).facts
    assert "price" in analyse("盒装多少钱", []).facts
    assert "price" not in analyse("红包能装多少钱", []).facts


def test_the_price_of_a_set_is_the_catalog_price(pond_kb):
    a = pond_kb.answer("套装多少钱", current_sku="tank")
    assert a.answered and "128" in a.text, (a.text, a.why)


def test_how_long_it_lasts_is_not_how_often(pond_kb):
    from copilot.knowledge.ties import tied

    assert not tied("一袋能喂多久", "喂法", "一天喂一次，一次三五分钟吃完的量", "duration")
    assert tied("一袋能喂多久", "能喂多久", "一袋能喂两个月", "duration")
    a = pond_kb.answer("一袋能喂多久", current_sku="food")
    assert not a.answered or "一天" not in a.text, (a.text, a.why)


def test_how_often_is_no_time_of_day():
    from copilot.knowledge.kinds import values_of

    assert not values_of("time", "头一周每天换一次水")
    assert values_of("time", "每天早上换水")
    assert not values_of("time", "多放一点也没事")
    assert values_of("time", "下午一点开门")


def test_a_time_after_the_doing_is_done_is_not_when_to_do_it():
    from copilot.knowledge.ties import tied

    assert not tied("啥时候放", "注意", "放完2小时内别喂食", "time")
    assert tied("啥时候放", "时间", "晚上关灯后放", "time")


def test_which_sizes_it_comes_in_is_no_link(pond_kb):
    from copilot.knowledge.question import analyse

    q = analyse("网有几号", [])
    assert "link" not in q.facts and q.kind == "numbered", (q.facts, q.kind)
    a = pond_kb.answer("捞网有几号", current_sku="net")
    assert a.answered and "1号到4号" in a.text, (a.text, a.why)
    a = pond_kb.answer("捞网几号", current_sku="net")
    assert a.answered and "4 号链接" in a.text, (a.text, a.why)


def test_a_length_is_not_a_value_keyed_by_another_dimension(pond_kb):
    a = pond_kb.answer("捞网多长", current_sku="net")
    assert not a.answered or ("1.2米" in a.text and "口径" not in a.text), (a.text, a.why)


def test_a_part_named_in_the_clause_is_asked_though_the_key_is_another_dimension(pond_kb):
    a = pond_kb.answer("爬梯多长", current_sku="tank")
    assert a.answered and "8厘米" in a.text, (a.text, a.why)
