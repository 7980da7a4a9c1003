"""群接龙, second generalisation round: line shapes found on invented probe chains of stores no set used
(``/work/analysis/probe/jielong2``), tested here on other invented stores:

- the head of a name written as goods then a spec (淡奶油 of ``淡奶油 1升``, 椰子油 of ``冷榨椰子油 500ml``), written
  alone in a line: glued to the nickname it went into the nickname (the member 李姐淡奶油 booked, a false order),
  with a bare count after it the line went to review;
- counts in words glued between short words of the offer (高筋一袋低筋一袋) or closing them (高筋二 低筋一): the line
  was dropped without a trace, no order and no review; glued before the next item with no unit (高筋一低筋一) it went
  into the nickname (王姐 高筋一) and only the last item was booked;
- a short word of the offer before a times mark (高筋x2, 高筋*1 低筋*1) went into the nickname, and one item was
  booked under the wrong member;
- a short word of the offer alone after the nickname (小美 高筋) was dropped; it is review (how many);
- a header naming goods by the heads of their names (细米粉 / 宽米粉 2斤装) offered only the one whose whole name it
  happened to write, so a bare count was booked as that one.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

OILS = Catalog.from_dict({"products": [
    {"sku": "coconut", "name": "冷榨椰子油 500ml", "aliases": ["椰油"], "link": 1, "unit": "瓶", "price": 39,
     "stock": 30},
    {"sku": "sesame", "name": "小磨香油 250ml", "aliases": ["香油"], "link": 2, "unit": "瓶", "price": 19, "stock": 30},
    {"sku": "peanut", "name": "压榨花生油 5L", "aliases": ["花生油"], "link": 3, "unit": "桶", "price": 89,
     "stock": 20},
]})
RICE = Catalog.from_dict({"products": [
    {"sku": "noodle_thin", "name": "细米粉 2斤装", "aliases": ["细粉"], "link": 1, "unit": "袋", "price": 12,
     "stock": 40, "pack": "2斤"},
    {"sku": "noodle_wide", "name": "宽米粉 2斤装", "aliases": ["宽粉"], "link": 2, "unit": "袋", "price": 12,
     "stock": 40, "pack": "2斤"},
    {"sku": "chili", "name": "油泼辣子", "link": 3, "unit": "罐", "price": 15, "stock": 40},
]})
DUMPLINGS = Catalog.from_dict({"products": [
    {"sku": "dp_cabbage", "name": "猪肉白菜水饺", "link": 1, "unit": "袋", "price": 18, "stock": 40},
    {"sku": "dp_leek", "name": "韭菜鸡蛋水饺", "link": 2, "unit": "袋", "price": 16, "stock": 40},
]})


def _run(catalog, tmp_path, text):
    tmp_path.mkdir(exist_ok=True)
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", catalog, "2026-12-01")
    apply_chain(ledger, text, IntentParser(catalog).parse)
    return chain_state(ledger), sorted(ln.buyer for ln in ledger.lines(status=REVIEW))


def test_head_of_a_spec_name_glued_to_the_nickname_is_the_product(tmp_path):
    state, review = _run(OILS, tmp_path, "#接龙 冷榨椰子油 500ml 39元/瓶 限3瓶\n例：小明 椰子油1瓶\n"
                                         "1. 李姐冷榨椰子油一瓶\n2. 阿强 冷榨椰子油2\n3. 小雨 2瓶")
    assert state == {"李姐": {"coconut": 1}, "阿强": {"coconut": 2}, "小雨": {"coconut": 2}}
    assert review == []


def test_head_of_a_spec_name_in_a_chain_of_several(tmp_path):
    state, review = _run(OILS, tmp_path, "#接龙 周末粮油 椰子油 香油 花生油\n例：小明 香油1瓶\n"
                                         "1. 王姐小磨香油1瓶 压榨花生油1桶\n2. 小磨香油妈妈 花生油1桶")
    assert state == {"王姐": {"sesame": 1, "peanut": 1}, "小磨香油妈妈": {"peanut": 1}}
    assert review == []


def test_counts_in_words_between_short_words_of_the_offer(tmp_path):
    state, review = _run(DUMPLINGS, tmp_path, "#接龙 手工水饺 猪肉白菜 韭菜鸡蛋\n例：小明 白菜1袋\n"
                                              "1. 王姐 白菜一袋韭菜两袋\n2. 李姐 白菜二 韭菜一\n3. 阿芳 韭菜一袋")
    assert state == {"王姐": {"dp_cabbage": 1, "dp_leek": 2}, "李姐": {"dp_cabbage": 2, "dp_leek": 1},
                     "阿芳": {"dp_leek": 1}}
    assert review == []


def test_count_in_words_glued_before_the_next_item(tmp_path):
    """白菜一韭菜二: no unit, the count glued to the next item's word; was the member 王姐 白菜一 booked 韭菜 only."""
    state, review = _run(DUMPLINGS, tmp_path, "#接龙 手工水饺 猪肉白菜 韭菜鸡蛋\n例：小明 白菜1袋\n"
                                              "1. 王姐 白菜一韭菜二\n2. 张小二 韭菜1袋")
    assert state == {"王姐": {"dp_cabbage": 1, "dp_leek": 2}, "张小二": {"dp_leek": 1}}
    assert review == []


def test_short_word_before_a_times_mark_ends_the_nickname(tmp_path):
    state, review = _run(RICE, tmp_path, "#接龙 细粉 / 宽粉 2斤装\n例：小明 细米1袋\n"
                                         "1. 豆豆 细米*1 宽米*1\n2. 婷 婷 宽米x2")
    assert state == {"豆豆": {"noodle_thin": 1, "noodle_wide": 1}, "婷 婷": {"noodle_wide": 2}}
    assert review == []


def test_short_word_alone_goes_to_review_not_dropped(tmp_path):
    state, review = _run(RICE, tmp_path, "#接龙 细粉 / 宽粉 2斤装\n例：小明 细米1袋\n"
                                         "1. 小美 宽米\n2. 阿强 细米2袋")
    assert state == {"阿强": {"noodle_thin": 2}}
    assert review == ["小美"]


def test_header_naming_heads_offers_each(tmp_path):
    """细米粉 / 宽米粉 in the header, of 细米粉 2斤装 and 宽米粉 2斤装: both are offered, so a bare count is review; read as
    offering only the one whose whole name the header happened to end with, 阿强 2袋 was booked as that one."""
    state, review = _run(RICE, tmp_path, "#接龙 细米粉 / 宽米粉 2斤装\n例：小明 细米粉1袋\n"
                                         "1. 阿强 2袋\n2. 小雨 细米粉1袋")
    assert state == {"小雨": {"noodle_thin": 1}}
    assert review == ["阿强"]


def test_controls_stay(tmp_path):
    """A head two offered products share is no product of its own; digits of a nickname stay the nickname's."""
    state, review = _run(RICE, tmp_path, "#接龙 细粉 / 宽粉 2斤装\n例：小明 细米1袋\n"
                                         "1. 张小二 细米1袋\n2. 老王 米粉1袋\n3. 小王88 宽米2袋")
    assert state == {"张小二": {"noodle_thin": 1}, "小王88": {"noodle_wide": 2}}
    assert review == ["老王"]
