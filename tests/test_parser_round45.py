"""Parser round 45: a visit to collect is no order; one kind of goods in several sizes, told apart by the unit said;
a size several names hold (12寸), or a decimal one (12.5的), said beside a family word; seasons said another way
(夏天的 of 夏款); a change after a clause that only names the product. Invented stores, for any store."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse
from tests.doubles import booked

OIL = Catalog.from_dict({"products": [
    {"sku": "peanut_5l", "name": "花生油 5L 大桶", "link": 1, "unit": "桶", "price": 139, "stock": 30},
    {"sku": "peanut_18", "name": "花生油 1.8L 6瓶装", "link": 2, "unit": "箱", "pack": "6瓶", "price": 299,
     "stock": 30},
    {"sku": "peanut_900", "name": "花生油 900ml", "link": 3, "unit": "瓶", "price": 29, "stock": 30},
    {"sku": "corn_900", "name": "玉米油 900ml", "link": 5, "unit": "瓶", "price": 19, "stock": 30},
    {"sku": "corn_5l", "name": "玉米油 5L", "link": 6, "unit": "桶", "price": 79, "stock": 30},
    {"sku": "water_125", "name": "桶装山泉水 12.5L", "link": 12, "unit": "桶", "price": 19, "stock": 30},
    {"sku": "rice_5", "name": "泰国香米 5kg", "link": 7, "unit": "袋", "price": 49, "stock": 30},
], "store": {"name": "测试粮油店"}})
PYJAMAS = Catalog.from_dict({"products": [
    {"sku": "pj_summer", "name": "儿童睡衣 夏款", "aliases": ["夏款睡衣"], "link": 1, "unit": "套", "price": 59,
     "stock": 30},
    {"sku": "pj_winter", "name": "儿童睡衣 冬款", "aliases": ["冬款睡衣", "加绒睡衣"], "link": 2, "unit": "套",
     "price": 89, "stock": 30},
    {"sku": "socks", "name": "儿童袜子 5双装", "aliases": ["袜子"], "link": 3, "unit": "包", "price": 19,
     "stock": 30},
], "store": {"name": "测试童装店"}})
RIDE = Catalog.from_dict({"products": [
    {"sku": "balance_bike", "name": "儿童平衡车 12寸", "aliases": ["平衡车"], "link": 1, "unit": "辆", "price": 299,
     "stock": 10},
    {"sku": "tube_12", "name": "童车内胎 12x2.125", "aliases": ["12寸内胎"], "link": 2, "unit": "条", "price": 15,
     "stock": 30},
    {"sku": "bell", "name": "车铃", "link": 3, "unit": "个", "price": 9, "stock": 30},
], "store": {"name": "测试童车店"}})



def _review(intent) -> None:
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True), intent
    assert not [i for i in intent.items if i.qty is not None]


@pytest.mark.parametrize("text, current", [
    ("谢谢老板 明天下午过来拿花生油", "rice_5"),
    ("玉米油明早来取", None),
])
def test_a_visit_to_collect_goods_is_no_order(text, current):
    assert parse(text, OIL, current).kind is Kind.OTHER


@pytest.mark.parametrize("text, current, items", [
    ("玉米油来一瓶 明天来拿", "corn_900", {"corn_900": 1}),
    ("明天来拿两袋泰国香米", None, {"rice_5": 2}),
])
def test_an_order_with_its_collection_is_still_an_order(text, current, items):
    assert booked(parse(text, OIL, current)) == items


@pytest.mark.parametrize("text, current, items", [
    ("花生油来一箱", "peanut_900", {"peanut_18": 1}),  # only the 1.8L is sold by the 箱
    ("花生油再来一桶", None, {"peanut_5l": 1}),
    ("玉米油来两桶", "corn_900", {"corn_5l": 2}),
])
def test_the_unit_said_picks_one_size_of_a_kind(text, current, items):
    assert booked(parse(text, OIL, current)) == items


@pytest.mark.parametrize("text, current", [
    ("花生油来两瓶", None),  # the 900ml by the 瓶, or 2 of the 6瓶 in a 1.8L 箱?
    ("油来一桶", None),  # 花生油 or 玉米油: two goods
])
def test_a_unit_two_sizes_or_goods_share_stays_for_a_person(text, current):
    _review(parse(text, OIL, current))


@pytest.mark.parametrize("text, current, items", [
    ("12.5的来一桶", "rice_5", {"water_125": 1}),  # a decimal size of one name (link 12 too), no quantity
    ("900的玉米油来两瓶", "peanut_5l", {"corn_900": 2}),  # 900 of 花生油 and 玉米油: the 玉米油
    ("玉米油900的来一瓶", None, {"corn_900": 1}),
])
def test_a_size_said_beside_a_family_word_names_its_member(text, current, items):
    assert booked(parse(text, OIL, current)) == items


@pytest.mark.parametrize("text, current, items", [
    ("12寸来一辆", "bell", {"balance_bike": 1}),
    ("12寸1辆", "balance_bike", {"balance_bike": 1}),
    ("12寸的来两条", "bell", {"tube_12": 2}),
])
def test_a_size_two_names_hold_is_told_apart_by_the_unit(text, current, items):
    assert booked(parse(text, RIDE, current)) == items


def test_a_size_two_names_hold_said_with_a_unit_both_fit_stays_for_a_person():
    _review(parse("12寸来一个", RIDE, "bell"))  # 个 counts a bike and a tube alike


@pytest.mark.parametrize("text, current, items", [
    ("夏天的来两套", "pj_summer", {"pj_summer": 2}),
    ("冬天的睡衣来一套", "socks", {"pj_winter": 1}),
    ("冬季的来一套 哦不对 两套", "pj_winter", {"pj_winter": 2}),
])
def test_a_season_said_another_way_names_the_variant(text, current, items):
    assert booked(parse(text, PYJAMAS, current)) == items


def test_a_season_word_in_talk_is_no_product():
    assert parse("冬天的时候穿着热不热", PYJAMAS, "pj_winter").kind is Kind.QUESTION


@pytest.mark.parametrize("text, sign", [("冬款的 少要一套", -1), ("冬款的 再加一套", 1)])
def test_a_change_after_a_clause_naming_the_product_changes_that_product(text, sign):
    intent = parse(text, PYJAMAS, "socks")
    assert (intent.kind, intent.needs_review) == (Kind.MODIFY, False), intent
    assert [(i.sku, i.qty, i.relative) for i in intent.items] == [("pj_winter", sign, True)]


UMBRELLA = Catalog.from_dict({"products": [
    {"sku": "umbrella", "name": "晴雨伞 三折", "aliases": ["雨伞"], "link": 1, "unit": "把", "price": 39, "stock": 30,
     "spec": "三折自动，黑色、绿色、粉色三色，下单时备注颜色"},
    {"sku": "boots", "name": "儿童雨靴", "link": 2, "unit": "双", "price": 49, "stock": 30},
], "store": {"name": "测试雨具店"}})


@pytest.mark.parametrize("text, qty, note", [
    ("雨伞来两把 一把黑色一把粉色", 2, "一把黑色一把粉色"),
    ("来3把 两把绿色一把黑色", 3, "两把绿色一把黑色"),
])
def test_counts_shared_out_by_colour_are_the_note(text, qty, note):
    intent = parse(text, UMBRELLA, "umbrella")
    assert booked(intent) == {"umbrella": qty}
    assert note in intent.note.replace(" ", "")


def test_colour_counts_that_do_not_add_up_stay_for_a_person():
    assert parse("来两把 一把黑色两把粉色", UMBRELLA, "umbrella").needs_review


TEA = Catalog.from_dict({"products": [
    {"sku": "lj_early", "name": "明前龙井 250g", "link": 1, "unit": "罐", "price": 268, "stock": 20},
    {"sku": "lj_late", "name": "雨前龙井 250g", "link": 2, "unit": "罐", "price": 168, "stock": 20},
    {"sku": "lj_ticket", "name": "龙井茶票 10张", "link": 3, "unit": "本", "price": 500, "stock": 20},
    {"sku": "blc_ticket", "name": "碧螺春茶票 10张", "link": 4, "unit": "本", "price": 400, "stock": 20},
], "store": {"name": "测试茶叶店"}})


def test_this_with_a_word_the_shown_name_holds_names_the_shown_product():
    assert booked(parse("就这个龙井的 一本", TEA, "lj_ticket")) == {"lj_ticket": 1}


def test_the_same_word_without_this_stays_for_a_person():
    _review(parse("龙井的 一罐", TEA, "lj_ticket"))  # 明前 or 雨前


@pytest.mark.parametrize("text, items", [("12寸的 两条", {"tube_12": 2}), ("12寸的 一辆", {"balance_bike": 1})])
def test_a_shared_size_with_的_and_its_count_written_apart_is_told_apart_by_the_unit(text, items):
    assert booked(parse(text, RIDE, "bell")) == items


def test_a_shared_size_written_apart_from_a_count_both_fit_stays_for_a_person():
    _review(parse("12寸的 一个", RIDE, "bell"))
