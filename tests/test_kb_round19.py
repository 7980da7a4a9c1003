"""Knowledge base, round 19 rules on stores unlike the tuning ones, invented for these tests (a coffee and tea shop
and a camping-furniture shop):

- 一小包 is a smaller pack inside the one sold (said bare, 每袋 25 克, when the product is sold by the box), a measure
  of its own: 一小包多重 is not answered by 每盒 200 克, and 一大盒多少克 (大 only stresses the box) not by 一小包
  10 克; 一盒几小包 counts the small packs (20 小包), and a spec that names them without a number (独立小包) answers
  no count;
- the load a thing bears (承重 | 150 公斤, 能撑 100 公斤) is no weight of its own, even when a table row's key says
  it, and its own weight (重量 | 1.2 公斤) is no answer to how much it bears (能撑多重);
- the day and the night are conditions: 晚上送来的多久洗好 is not answered by 白天送来的当天洗好;
- a zone of a room (淋浴区, 休息区) is where a thing is used, no place it comes from (哪产的);
- 多辣 / 多甜 asks a degree: a passage that only names the flavour (原味和香辣两种) says none;
- 怎么做的 asks how it was made, not how to cook it, and a place (产自云南) is no making;
- 有优惠吗 asks a deal: a passage that names none (老人可以让子女代付) is no answer;
- 多高合适 asks the value that suits, not the range it comes in; 不用的时候 is when it is idle, not said by 不用装;
- 啥材料 / 啥料子 is answered by the row keyed 材质; 几个格子, 几道工序, 几档 by a count in 格, 道, 档 (一共 12 格, 3 档可调);
- 本身多重 asks its own weight: 本身 is no word the passage must say.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import values_of
from copilot.knowledge.measures import per_another
from copilot.knowledge.question import analyse

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

COFFEE = """store:
  name: 豆香咖啡茶铺
  address: 新华路 18 号
products:
  - {sku: drip, name: 挂耳咖啡, aliases: [挂耳], link: 1, unit: 盒, price: 39, stock: 30,
     spec: "每盒 200 克，里面 20 小包", notes: notes/drip.md}
  - {sku: teabag, name: 茉莉花茶包, aliases: [花茶包, 茶包], link: 2, unit: 袋, price: 25, stock: 40,
     spec: "每袋 300 克，独立小包", notes: notes/teabag.md}
  - {sku: biscuit, name: 燕麦饼干, aliases: [饼干], link: 4, unit: 盒, price: 19, stock: 30,
     spec: "每盒 12 小袋，每袋 25 克", notes: notes/biscuit.md}
  - {sku: cocoa, name: 可可粉, aliases: [可可], link: 3, unit: 罐, price: 45, stock: 20,
     spec: "每罐 500 克", notes: notes/cocoa.md}
"""

COFFEE_NOTES = {
    "drip.md": "# 挂耳咖啡\n\n问：一盒里面是啥样的？\n答：一大盒里面是 20 小包独立装，一小包 10 克。\n\n"
               "问：怎么冲？\n答：挂在杯口，分三次倒 90 度的热水。\n\n问：豆子怎么挑的？\n答：手工挑豆，前后过五道筛。\n",
    "biscuit.md": "# 燕麦饼干\n\n问：甜不甜？\n答：微甜。\n",
    "cocoa.md": "# 可可粉\n\n问：开了能放多久？\n答：开了盖子密封好，常温放 3 个月。\n\n"
                "问：有啥口味？\n答：原味和香甜两种，拍的时候备注。\n\n问：怎么冲？\n答：两勺粉加热牛奶搅匀。\n\n"
                "问：哪里的豆子？\n答：云南普洱的可可豆，烘好了磨成粉。\n",
    "teabag.md": "# 茉莉花茶包\n\n问：怎么泡？\n答：一个茶包泡一杯，开水闷 3 分钟。\n\n问：哪产的？\n答：产自福建福州。\n\n"
                 "问：甜不甜？\n答：不甜，茶味有点苦。\n",
    "../门店须知.md": "# 门店须知\n\n## 洗杯子\n- 多快：白天送来的杯具当天洗好\n",
}

CAMP = """store:
  name: 野趣户外家具
  address: 滨江路 66 号
products:
  - {sku: stool, name: 铝合金折叠凳, aliases: [折叠凳, 凳子], link: 1, unit: 个, price: 49, stock: 30,
     notes: notes/stool.md}
  - {sku: cot, name: 户外行军床, aliases: [行军床], link: 2, unit: 张, price: 199, stock: 10, notes: notes/cot.md}
  - {sku: rack, name: 浴室置物架, aliases: [置物架], link: 3, unit: 个, price: 59, stock: 15, notes: notes/rack.md}
  - {sku: box, name: 户外收纳盒, aliases: [收纳盒], link: 4, unit: 个, price: 29, stock: 15, notes: notes/box.md}
"""

CAMP_NOTES = {
    "stool.md": "# 铝合金折叠凳\n\n钓鱼、露营带着走，折起来就一根棍那么大。\n\n| 项目 | 说明 |\n|---|---|\n"
                "| 承重 | 150 公斤 |\n| 颜色 | 黑色 |\n| 折叠 | 两边一推就合上 |\n| 安装 | 不用装，打开就能坐 |\n"
                "| 高度 | 坐面离地 45 厘米 |\n",
    "cot.md": "# 户外行军床\n\n| 项目 | 说明 |\n|---|---|\n| 重量 | 6.5 公斤 |\n| 长宽 | 190 厘米长，65 厘米宽 |\n"
              "| 安装 | 不用工具，撑开卡住两头的杆就行 |\n| 收纳 | 拆下两头的杆，床面卷起来收进袋子 |\n"
              "| 床高 | 40 厘米，坐着起身正好 |\n| 绑带 | 拉力大约 50 公斤 |\n| 床头 | 能抬起来，3 档可调 |\n",
    "box.md": "# 户外收纳盒\n\n| 项目 | 说明 |\n|---|---|\n| 格子 | 分三层，一共 12 格 |\n| 材质 | 加厚 PP 塑料 |\n",
    "../须知.md": "# 须知\n\n- 付款：老人不会用手机的，子女可以帮着付\n- 售后：没用过的 7 天内能退\n",
    "rack.md": "# 浴室置物架\n\n置物架放在淋浴区或者洗漱台边上，三层放洗发水沐浴露。\n\n- 材质：不锈钢，不生锈\n",
}


@pytest.fixture(scope="module")
def coffee_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "coffee", COFFEE, COFFEE_NOTES)


@pytest.fixture(scope="module")
def camp_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "camp", CAMP, CAMP_NOTES)


def test_a_small_pack_is_a_measure_of_its_own():
    assert analyse("一小包多重", []).measure == "小包"
    assert analyse("一大盒多少克", []).measure == "盒"       # 大 only stresses the box sold
    q = analyse("一盒几小包", [])
    assert (q.measure, q.kind) == ("盒", "count") and "包" in q.units
    text = "一大盒里面是 20 小包独立装，一小包 10 克。"
    assert per_another("weight", text, "盒") and not per_another("weight", text, "小包")
    assert not per_another("weight", "10 斤一箱", "箱")


def test_a_zone_of_a_room_is_no_place_of_origin():
    assert values_of("place", "放在淋浴区或者洗漱台边上") == []
    assert "上海浦东新区" in values_of("place", "上海浦东新区产的")   # a district still is one


@pytest.mark.parametrize("question,current,facts,never", [
    ("一小包多重", "drip", ["10 克"], ["200 克"]),
    ("一大盒多少克", "drip", ["200 克"], ["10 克"]),
    ("一盒几小包", "drip", ["20 小包"], []),
    ("过几道筛", "drip", ["五道"], []),
    ("一小袋多少克", "biscuit", ["25 克"], []),   # sold by the box: its 每袋 is the small bag
    ("可可粉怎么做的", "cocoa", ["磨成粉"], ["热牛奶"]),
    ("有多苦", "teabag", ["有点苦"], []),
])
def test_coffee_shop_answers_the_measure_asked(coffee_kb, question, current, facts, never):
    a = coffee_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts) and not any(n in a.text for n in never), \
        (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("一袋几小包", "teabag"),               # 独立小包 names the small packs, never how many
    ("一小包多重", "teabag"),               # 每袋 300 克 weighs the bag
    ("一小勺多少克", "cocoa"),              # 每罐 500 克 weighs the tin
    ("晚上送来的杯子多久洗好", None),       # only the day's rule is written
    ("香甜的有多甜", "cocoa"),              # the flavours are named, no degree of sweetness
    ("茶包怎么做的", "teabag"),             # where it is from, not how it is made
])
def test_coffee_shop_hands_over_another_measure_or_time(coffee_kb, question, current):
    a = coffee_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


@pytest.mark.parametrize("question,current,facts", [
    ("能坐多重的人", "stool", ["150 公斤"]),
    ("能撑住多重", "stool", ["150 公斤"]),
    ("行军床多重", "cot", ["6.5 公斤"]),
    ("收纳盒几个格子", "box", ["12 格"]),
    ("不用的时候咋收", "cot", ["收进袋子"]),
    ("床多高合适", "cot", ["40 厘米"]),
    ("绑带拉力多大", "cot", ["50 公斤"]),
    ("床头能调几档", "cot", ["3 档"]),
    ("床本身多重", "cot", ["6.5 公斤"]),
    ("啥材料的", "box", ["PP 塑料"]),
])
def test_camp_shop_answers_load_and_weight_apart(camp_kb, question, current, facts):
    a = camp_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("凳子多重", "stool"),          # 承重 150 公斤 is the load it bears, not its weight
    ("能撑多重", "cot"),            # 重量 6.5 公斤 is its own weight, not the load
    ("置物架哪产的", "rack"),       # 淋浴区 is where it stands
    ("老人买有优惠吗", None),       # the payment rule names the elderly, no deal
    ("凳子啥料子", "stool"),        # no row says what it is made of
    ("不用的时候咋收", "stool"),    # 不用装 says no install, nothing of putting it away
    ("凳子多高合适", "stool"),      # 45 厘米 is its height, nothing says what suits
    ("凳子本身多重", "stool"),      # only the load it bears is written
])
def test_camp_shop_hands_over_a_neighbouring_value(camp_kb, question, current):
    a = camp_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)
