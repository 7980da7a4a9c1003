"""Knowledge base, round 24: a size the viewer names (一米七, 身高180, 脚长 14 厘米, 头围60, 30平的屋) picks the row
whose span holds it (``S 码：身高 155 到 165 厘米``); a size outside every span, or a question that names none, picks
no row by it; a value said of a part (刀柄是木头的) is no answer about the whole (菜刀啥材质) unless the question names
that part. Invented stores: a bicycle shop sized by height, a kids' shoe shop by foot length, a helmet stall by head
size, an air-purifier counter by room area, and a household-goods shop (a kitchen knife, a school bag)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.conditions import amount_fit, asked_amounts, stated_amounts
from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

CYCLES = """store:
  name: 飞轮单车行
products:
  - {sku: bike, name: 城市通勤自行车, aliases: [自行车, 单车], link: 1, unit: 辆, price: 899, stock: 20, notes: notes/bike.md}
  - {sku: shoes, name: 儿童学步鞋, aliases: [学步鞋, 童鞋], link: 2, unit: 双, price: 69, stock: 50, notes: notes/shoes.md}
  - {sku: helmet, name: 骑行头盔, aliases: [头盔], link: 3, unit: 个, price: 129, stock: 30, notes: notes/helmet.md}
  - {sku: purifier, name: 桌面净化器, aliases: [净化器], link: 4, unit: 台, price: 399, stock: 10, notes: notes/purifier.md}
  - {sku: jersey, name: 速干骑行服, aliases: [骑行服], link: 5, unit: 件, price: 149, stock: 30, notes: notes/jersey.md}
"""

CYCLES_NOTES = {
    "bike.md": "# 城市通勤自行车\n\n车架是铝合金的，七档变速。\n\n车架大小按身高挑：\n"
               "- S 码：身高 155 到 165 厘米\n- M 码：身高 165 到 178 厘米\n- L 码：身高 178 到 190 厘米\n\n"
               "- 轮子：26 寸\n",
    "shoes.md": "# 儿童学步鞋\n\n鞋底是软橡胶的，防滑。\n\n| 尺码 | 脚长 |\n|---|---|\n"
                "| 21 码 | 脚长 12.5 到 13 厘米 |\n| 22 码 | 脚长 13 到 13.5 厘米 |\n| 23 码 | 脚长 13.5 到 14.5 厘米 |\n"
                "| 24 码 | 脚长 14.5 到 15.5 厘米 |\n",
    "helmet.md": "# 骑行头盔\n\n- 均码 M：头围 54 到 58 厘米\n- 大码 L：头围 58 到 62 厘米\n- 重量：260 克\n",
    "jersey.md": "# 速干骑行服\n\n面料是速干涤纶。\n\n## 尺码按身高挑\n- 中码 M：160 到 170\n- 大码 L：170 到 180\n"
                 "- 加大 XL：180 以上\n",
    "purifier.md": "# 桌面净化器\n\n- 小号：适用面积 10 到 20 平米\n- 大号：适用面积 20 到 40 平米\n- 滤芯：半年换一次\n",
}


@pytest.fixture(scope="module")
def cycles_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "cycles24", CYCLES, CYCLES_NOTES)


@pytest.mark.parametrize("question,current,row", [
    ("一米八骑哪个码", "bike", "L 码"),
    ("身高170买啥码", "bike", "M 码"),
    ("1米6的选多大的", "bike", "S 码"),
    ("娃脚长14厘米穿几码", "shoes", "23 码"),
    ("头围60戴哪个", "helmet", "大码"),
    ("30平的屋子买哪个", "purifier", "大号"),
    ("一米七八穿哪个码", "jersey", "大码"),     # the rows' spans are heights by their heading
])
def test_the_viewer_s_size_picks_the_row_whose_span_holds_it(cycles_kb, question, current, row):
    a = cycles_kb.answer(question, current_sku=current)
    assert a.answered and row in a.text, (question, a.text, a.why)


@pytest.mark.parametrize("question,measure,size", [
    ("一米七穿啥码", "length", 170.0), ("身高180选哪个码", "length/height", 180.0),
    ("身高1.75的选哪个", "length/height", 175.0), ("脚长 150 毫米穿几码", "length/foot", 15.0),
    ("头围58戴哪个", "length/head", 58.0), ("20平的房间用哪个", "area", 20.0), ("1米65的穿啥", "length", 165.0),
])
def test_a_size_in_a_question_is_read_in_its_base_unit(question, measure, size):
    assert (measure, size) in asked_amounts(question), asked_amounts(question)


def test_a_bare_size_is_a_value_not_a_row_s_condition():
    assert stated_amounts("伞面直径 98 厘米") == []
    assert stated_amounts("身高 185 厘米以上") == [("length/height", 185.0, float("inf"))]
    assert stated_amounts("175 到 185 厘米") == [("length", 175.0, 185.0)]


def test_a_height_is_no_head_size():
    assert amount_fit("身高58的戴哪个", "头围 54 到 58 厘米") == 0
    assert amount_fit("一米七穿啥码", "身高 165 到 175 厘米") == 2


@pytest.mark.parametrize("question,current,rows", [
    ("一米四骑哪个码", "bike", ("S 码", "M 码", "L 码")),     # below every span
    ("娃脚长10厘米穿几码", "shoes", ("21 码", "22 码", "23 码", "24 码")),   # below every span
])
def test_a_size_outside_every_span_picks_no_row(cycles_kb, question, current, rows):
    a = cycles_kb.answer(question, current_sku=current)
    assert not any(r in a.text for r in rows), (question, a.text, a.why)


GEAR = """store:
  name: 好帮手日用铺
products:
  - {sku: knife, name: 家用切片刀, aliases: [菜刀, 切片刀], link: 1, unit: 把, price: 59, stock: 20, notes: notes/knife.md}
  - {sku: bag, name: 小学生书包, aliases: [书包], link: 2, unit: 个, price: 89, stock: 30, notes: notes/bag.md}
"""

GEAR_NOTES = {
    "knife.md": "# 家用切片刀\n\n## 刀的材质\n- 刀柄是木头的，刷了桐油\n- 刀身 5Cr15 不锈钢，出厂开好刃\n\n"
                "## 怎么保养\n- 用完擦干，别泡水\n",
    "bag.md": "# 小学生书包\n\n## 面料\n- 背带是海绵加网布的\n- 包身 涤纶牛津布，防泼水\n\n## 多大\n- 能放 A4 的书\n",
}


@pytest.fixture(scope="module")
def gear_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "gear24", GEAR, GEAR_NOTES)


@pytest.mark.parametrize("question,current,whole,part", [
    ("菜刀啥材质", "knife", "5Cr15", "木头"),
    ("书包啥面料", "bag", "牛津布", "海绵"),
])
def test_a_part_s_value_is_no_answer_about_the_whole(gear_kb, question, current, whole, part):
    a = gear_kb.answer(question, current_sku=current)
    assert a.answered and whole in a.text and part not in a.text, (question, a.text, a.why)


def test_a_part_the_question_names_is_answered_by_its_own_value(gear_kb):
    a = gear_kb.answer("背带啥材料", current_sku="bag")
    assert a.answered and "海绵" in a.text, (a.text, a.why)


@pytest.mark.parametrize("question,key,text,part", [
    ("杯子啥材料", "", "吸管是硅胶的", "吸管"),
    ("杯子啥材料", "", "杯身 PPSU，能装热水", ""),          # the whole's body
    ("吸管啥材料", "", "吸管是硅胶的", ""),                  # the part asked
    ("盖子啥材料", "", "杯盖是 PP 的", ""),                  # 盖子 names 杯盖
    ("雨衣啥面料", "帽子", "帽檐是透明的", "帽子"),          # a row keyed by a part
    ("雨衣啥面料", "面料", "涤纶加 PU 涂层", ""),            # a row keyed by what is asked
])
def test_the_part_a_passage_speaks_of(question, key, text, part):
    from copilot.knowledge.whose import part_named

    assert part_named(question, key, text, "bullet" if key else "sentence", ("学饮杯", "吸管杯", "雨衣")) == part
