"""群接龙, general line shapes found among the first-score misses of unseen stores (see
``/work/analysis/first_misses_jielong.md``), on invented stores:

- a line whose items are each written count first, glued to the nickname (小雨1五仁1莲蓉): the digits before the
  first product are its count, as the later items' are, not the end of the nickname; a nickname ending in digits
  before items written name first (小王88五仁2盒 莲蓉1盒) keeps its digits;
- a nickname glued to a count with its unit (阿芬2件1米5, 老周1支2米4): the unit word after the count makes the
  count the content's, so the nickname is 阿芬, not 阿 with 芬2件 read as flavour initials (原2辣1).
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

BAKERY = Catalog.from_dict({"products": [
    {"sku": "mc_nuts", "name": "五仁月饼", "aliases": ["五仁"], "link": 1, "unit": "盒", "price": 38, "stock": 40},
    {"sku": "mc_lotus", "name": "莲蓉月饼", "aliases": ["莲蓉"], "link": 2, "unit": "盒", "price": 38, "stock": 40},
    {"sku": "mc_yolk", "name": "蛋黄月饼", "aliases": ["蛋黄"], "link": 3, "unit": "盒", "price": 42, "stock": 40},
]})
TEA = Catalog.from_dict({"products": [
    {"sku": "longjing", "name": "明前龙井", "aliases": ["龙井"], "link": 1, "unit": "罐", "price": 88, "stock": 20},
    {"sku": "biluo", "name": "洞庭碧螺春", "aliases": ["碧螺春"], "link": 2, "unit": "罐", "price": 78, "stock": 20},
]})
HOME = Catalog.from_dict({"products": [
    {"sku": "sheet_15", "name": "纯棉床笠 1.5米", "aliases": ["1.5米床笠"], "link": 1, "unit": "条", "price": 59,
     "stock": 30},
    {"sku": "sheet_18", "name": "纯棉床笠 1.8米", "aliases": ["1.8米床笠"], "link": 2, "unit": "条", "price": 69,
     "stock": 30},
    {"sku": "pole_24", "name": "不锈钢撑衣杆 2.4米", "aliases": ["2.4米撑衣杆"], "link": 3, "unit": "根", "price": 35,
     "stock": 20},
]})


def _run(catalog, tmp_path, text):
    tmp_path.mkdir(exist_ok=True)
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", catalog, "2026-12-01")
    apply_chain(ledger, text, IntentParser(catalog).parse)
    return chain_state(ledger), sorted(ln.buyer for ln in ledger.lines(status=REVIEW))


def test_items_written_count_first_glued_to_the_nickname(tmp_path):
    state, review = _run(BAKERY, tmp_path, "#接龙 中秋月饼 五仁 莲蓉 蛋黄\n例：小明 五仁1盒\n"
                                           "1. 小雨1五仁1莲蓉\n2. 阿强2蛋黄1五仁\n3. 李姐 五仁2盒")
    assert state == {"小雨": {"mc_nuts": 1, "mc_lotus": 1}, "阿强": {"mc_yolk": 2, "mc_nuts": 1},
                     "李姐": {"mc_nuts": 2}}
    assert review == []


def test_count_first_items_in_another_store(tmp_path):
    state, review = _run(TEA, tmp_path, "#接龙 春茶 明前龙井 洞庭碧螺春\n例：小明 龙井1罐\n"
                                        "1. 老周1龙井2碧螺春\n2. 茶友小芳 碧螺春1罐")
    assert state == {"老周": {"longjing": 1, "biluo": 2}, "茶友小芳": {"biluo": 1}}
    assert review == []


def test_digits_of_a_nickname_before_items_written_name_first_stay_the_nicknames(tmp_path):
    state, review = _run(BAKERY, tmp_path, "#接龙 中秋月饼 五仁 莲蓉\n例：小明 五仁1盒\n"
                                           "1. 小王88五仁2盒 莲蓉1盒\n2. 阿May 莲蓉1盒")
    assert state == {"小王88": {"mc_nuts": 2, "mc_lotus": 1}, "阿May": {"mc_lotus": 1}}
    assert review == []


def test_a_count_with_its_unit_after_a_nickname_is_no_flavour_initial(tmp_path):
    state, review = _run(HOME, tmp_path, "#接龙 纯棉床笠 1.5米 1.8米 撑衣杆2.4米\n例：小明 1.5米床笠1条\n"
                                         "1. 阿芬2件1米5\n2. 阿强 1.8米床笠1条\n3. 阿梅1支2米4")
    members = set(state) | set(review)
    assert "阿芬" in members and "阿梅" in members and "阿" not in members
    assert state.get("阿强") == {"sheet_18": 1}
    assert state.get("阿梅", {}).get("pole_24", 1) == 1  # 1支 of a pole sold by the 根: never more than one


SOAP = Catalog.from_dict({"products": [
    {"sku": "soap_2", "name": "洁净洗衣液 2kg", "link": 1, "unit": "瓶", "price": 25, "stock": 30},
    {"sku": "soap_3", "name": "洁净洗衣液 3kg", "link": 2, "unit": "瓶", "price": 35, "stock": 30},
    {"sku": "softener", "name": "柔顺剂", "link": 3, "unit": "瓶", "price": 18, "stock": 30},
]})


def test_sizes_listed_after_one_name_offer_each_size(tmp_path):
    # a header that writes the name once and lists its sizes offers every size: a bare count is no longer booked as
    # the first size named
    state, review = _run(HOME, tmp_path / "a", "#接龙 纯棉床笠 1.5米 / 1.8米\n例：小明 1.5米床笠1条\n"
                                               "1. 小雨 2\n2. 王姐 1.8米床笠2条")
    assert state == {"王姐": {"sheet_18": 2}}
    assert review == ["小雨"]
    state, review = _run(SOAP, tmp_path / "b", "#接龙 洁净洗衣液 2kg、3kg 每人限2瓶\n例：小明 2kg 1瓶\n"
                                               "1. 小美 2\n2. 老王 3kg 1瓶")
    assert state == {"老王": {"soap_3": 1}}
    assert review == ["小美"]


def test_a_size_limit_in_the_header_offers_nothing_more(tmp_path):
    state, review = _run(SOAP, tmp_path, "#接龙 洁净洗衣液 2kg 每单限3kg\n例：小明 1瓶\n1. 小美 2")
    assert state == {"小美": {"soap_2": 2}}
    assert review == []


def test_a_size_of_the_offer_ends_no_nickname(tmp_path):
    state, review = _run(HOME, tmp_path, "#接龙 纯棉床笠 1.5米 / 1.8米\n例：小明 1.5米床笠1条\n"
                                         "1. 王姐1.8米 2条\n2. 阿强1.5米床笠 1条\n3. 小胖2020 1.8米床笠1条")
    assert state == {"王姐": {"sheet_18": 2}, "阿强": {"sheet_15": 1}, "小胖2020": {"sheet_18": 1}}
    assert review == []


TOWELS = Catalog.from_dict({"products": [
    {"sku": "towel", "name": "竹纤维毛巾", "aliases": ["毛巾"], "link": 1, "unit": "条", "price": 15, "stock": 50},
    {"sku": "bath", "name": "加厚浴巾", "aliases": ["浴巾"], "link": 2, "unit": "条", "price": 39, "stock": 20},
]})


def test_a_remark_of_collection_glued_after_the_count_is_a_remark(tmp_path):
    state, review = _run(TOWELS, tmp_path / "a", "#接龙 竹纤维毛巾 15元/条\n例：小明 2条\n"
                                                 "1. 老王 3条送货\n2. Amy 王 1条明天自提\n3. 小美 2条")
    assert state == {"老王": {"towel": 3}, "Amy 王": {"towel": 1}, "小美": {"towel": 2}}
    assert review == []
    state, review = _run(TOWELS, tmp_path / "b", "#接龙 毛巾 浴巾\n例：小明 毛巾2条\n"
                                                 "1. 阿梅 浴巾1条送到5栋 毛巾2条\n2. 陈叔 毛巾2条下午来拿")
    assert state == {"阿梅": {"bath": 1, "towel": 2}, "陈叔": {"towel": 2}}
    assert review == []
