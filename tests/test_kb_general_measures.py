"""Knowledge base: values written in Chinese numerals (两三, 十几, 一个半, 二十来, 零下二十) and measures outside weight
and count (a temperature, a loudness, a floor area, a distance, a floor, the parts a thing is counted in). A heating
supplies shop (invented, written for these tests) keeps its notes as a run-on voice memo in Chinese numerals, a
spec sheet of bullets with symbols (dB, ℃, 平米) and a table; each question asks a measure by its cue (几度, 多少分贝,
管多大, 多远, 几楼) and must get the passage's value, or go to the assistant when the notes do not state it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import question_kind, values_of
from copilot.knowledge.quantities import in_units, number_read, read_number

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PRODUCTS = """store: {name: 暖家供暖材料铺, address: 城北供暖材料市场一楼 A 区 6 号,
        delivery: 店周边五公里以内免费送，远了加十五元, pickup: 下单后第二天到店自提}
products:
  - {sku: radiator, name: 钢制暖气片, aliases: [暖气片, 散热片], link: 1, unit: 套, price: 420, stock: 9,
     notes: notes/radiator.md}
  - {sku: boiler, name: 燃气壁挂炉, aliases: [壁挂炉, 锅炉], link: 2, unit: 台, price: 3980, stock: 9,
     notes: notes/boiler.md}
  - {sku: pipe, name: 地暖盘管, aliases: [地暖管, 盘管], link: 3, unit: 卷, price: 260, stock: 9, notes: notes/pipe.md}
"""

NOTES = {
    "radiator.md": "暖气片是钢制的 一组十片 烧起来表面五十到六十度 烫不着小孩 一片管一个半平方 十几平的卧室装一组就够"
                   " 装的时候离墙五公分 离地二十公分左右 用个七八年没问题\n",
    "boiler.md": "# 燃气壁挂炉\n\n## 参数\n- 噪音：38 dB 左右，晚上也不吵\n- 适用面积：80 到 120 平米\n"
                 "- 出水温度：30℃-80℃ 可调\n- 保修：两年，上门修\n",
    "pipe.md": "# 地暖盘管\n\n| 项目 | 说明 |\n|---|---|\n| 管壁 | 壁厚 2 毫米 |\n| 一卷多长 | 两百米 |\n"
               "| 铺的间距 | 二十公分一根 |\n| 耐温 | 零下二十度到九十五度都不裂 |\n",
}


@pytest.fixture(scope="module")
def heating_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "heating", PRODUCTS, NOTES)


@pytest.mark.parametrize("text,low,high", [
    ("两三", 2, 3), ("七八", 7, 8), ("十几", 11, 19), ("二十来", 20, 20), ("一个半", 1.5, 1.5), ("两个半", 2.5, 2.5),
    ("头一个", 1, 1), ("二百五十", 250, 250), ("俩", 2, 2), ("仨", 3, 3), ("半", 0.5, 0.5), ("二三十", 20, 30),
    ("零下四十", -40, -40), ("-30", -30, -30), ("12 到 25", 12, 25), ("1.5", 1.5, 1.5),
])
def test_a_number_is_read_in_every_spoken_form(text, low, high):
    assert read_number(text) == (low, high)


def test_a_value_is_split_into_its_number_and_its_unit():
    assert number_read("十几分贝") == ("十几", "分贝")
    assert number_read("零下四十度") == ("零下四十", "度")
    assert number_read("±2 毫米")[0] == "±2"
    assert number_read("产自海南") == ("", "产自海南")


def test_the_numeral_of_a_value_is_no_unit():
    assert not in_units("两米", {"两"})        # 两米: two metres, not the weight unit 两
    assert in_units("3 两", {"两"}) and in_units("一斤二两", {"两"})


@pytest.mark.parametrize("question,kind", [
    ("最高能扛多少度", "temperature"), ("出水几度", "temperature"), ("水温多少", "temperature"),
    ("声音有多大", "noise"), ("多少分贝", "noise"), ("噪音多大", "noise"),
    ("一台能管多大面积", "area"), ("一个管多大的屋子", "area"), ("能铺几平", "area"),
    ("能喷多远", "distance"), ("离墙多远装", "distance"),
    ("店在几楼", "place"), ("空调几匹的", "count"), ("口琴几个孔", "count"),
    ("酒精度多少", "count"),                   # a drink's alcohol stays a share (4.8%)
])
def test_a_measure_is_asked_by_its_cue(question, kind):
    assert question_kind(question) == kind


@pytest.mark.parametrize("kind,text,value", [
    ("temperature", "零下四十度到一百度都不变形", "零下四十度"),
    ("temperature", "耐温：-30℃ 到 80℃", "80℃"),
    ("noise", "隔音能降个十几分贝", "十几分贝"),
    ("noise", "噪音：38 dB 左右", "38 dB"),
    ("area", "单块最大两平方", "两平方"),
    ("area", "一圈管 15 平方左右的房间", "15 平方"),
    ("distance", "放在离床两米远的地方", "两米"),
    ("place", "理发店楼上二楼", "二楼"),
    ("count", "一共 24 孔", "24 孔"),
    ("weight", "厚度是 2.5丝", "2.5丝"),
    ("duration", "没拆的放两三年都没事", "两三年"),
])
def test_a_measure_is_read_in_its_units(kind, text, value):
    assert value in values_of(kind, text)


@pytest.mark.parametrize("question,current,facts", [
    ("暖气片表面多少度", "radiator", ["五十到六十度"]),
    ("一片能管多大面积", "radiator", ["一个半平方"]),
    ("离墙多远装", "radiator", ["五公分"]),
    ("壁挂炉声音有多大", "boiler", ["38 dB"]),
    ("能带多大面积", "boiler", ["80 到 120 平米"]),
    ("出水最高多少度", "boiler", ["80℃"]),
    ("最低能扛多少度", "pipe", ["零下二十度"]),
    ("一卷多长", "pipe", ["两百米"]),
    ("店在几楼", None, ["一楼"]),
])
def test_a_measure_written_any_way_is_answered(heating_kb, question, current, facts):
    a = heating_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("壁挂炉多重", "boiler"),           # no weight stated
    ("暖气片噪音多大", "radiator"),     # the loudness is the boiler's
    ("地暖管能管多大面积", "pipe"),     # the areas are the radiator's and the boiler's
    ("壁挂炉离墙多远装", "boiler"),     # the distance from the wall is the radiator's
    ("一卷多重", "pipe"),               # 两百米 is a length: its numeral 两 is no weight unit
])
def test_a_measure_the_notes_do_not_state_is_refused(heating_kb, question, current):
    a = heating_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)
