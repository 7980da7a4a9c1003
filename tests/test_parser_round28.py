"""Parser round 28 (tuning set 27): sizes inside names and what a viewer says about which one, in stores other than
a bedding shop (a sports shop, a bakery, a butcher, a pharmacy, a shoe shop).

- A size or count of one product's names said right beside its name (6寸的奶油蛋糕, 5斤装的排骨) names it once: one
  product, one quantity.
- A size said bare (2.8的) or with its unit beside a count in the sale unit (1.8米2张, 1张1.8米) is which goods, never a
  quantity; a size several names hold is settled by the unit said when only one of them is sold in it.
- 刚才的全麦面包也帮我留两个: the goods shown before, named, are ordered.
- 一盒是10片吧: what a pack holds, guessed for the host to confirm, is a question.
- 是6寸还是8寸我忘了 先来一个: the buyer does not know which of two: a person asks.
- 全家四口都要 能打折吗: "all of them" of people or things, told with a question, is no order.
- 口罩2个: the count's unit is no character of a name (口罩个 is not 口罩夹): such a reading is a guess for a person.
- 来3双 两双33码一双35码: counts in sizes worn that make the total are which sizes (the note, as said); 女款35码 keeps
  whose cut with the size; 周六周日都行 (when a visit suits) is a note; 60x90的 (width by length in a name) is which goods.
"""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind

SPORTS = shop("测试体育用品店", ("rope28", "儿童跳绳 2.8米", "根", 15, {"aliases": ["跳绳"]}),
              ("mat18", "加厚瑜伽垫 1.8米", "张", 89, {"aliases": ["瑜伽垫"]}),
              ("band18", "弹力拉力带 1.8米", "条", 29, {"aliases": ["拉力带"]}),
              ("mat15", "儿童瑜伽垫 1.5米", "张", 59, {}))
BAKERY = shop("测试蛋糕店", ("cake6", "奶油蛋糕 6寸", "个", 88, {}), ("cake8", "奶油蛋糕 8寸", "个", 128, {}),
              ("bread", "全麦面包", "个", 12, {}))
BUTCHER = shop("测试肉铺", ("ribs_box", "排骨 5斤装", "箱", 150, {"aliases": ["整箱排骨"]}),
               ("trotter", "猪蹄", "个", 18, {}))
SHOES = shop("测试鞋店", ("shoe", "儿童运动鞋", "双", 99, {"aliases": ["运动鞋"]}), ("sock", "纯棉袜子", "双", 9, {}))
PHARMACY = shop("测试药房", ("vitc", "维生素C片 100片装", "瓶", 25, {"aliases": ["维生素C"]}),
                ("mask", "医用口罩", "包", 15, {"pack": "10个"}),
                ("clip", "口罩收纳夹", "个", 6, {"aliases": ["口罩夹"]}),
                ("thermo", "电子体温计", "个", 25, {"aliases": ["体温计"]}),
                ("strip", "退热贴", "盒", 20, {"spec": "一盒 6 片"}))


@pytest.mark.parametrize("catalog,text,current,items", [
    (BAKERY, "6寸的奶油蛋糕来一个", None, {"cake6": 1}),
    (BUTCHER, "5斤装的排骨来两箱", None, {"ribs_box": 2}),
    (PHARMACY, "100片装的维生素C来两瓶", None, {"vitc": 2})])
def test_a_size_of_a_name_said_beside_that_name_names_it_once(catalog, text, current, items):
    got, booked = parsed(catalog, text, current)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)


@pytest.mark.parametrize("text,current,items", [
    ("2.8的来两根", "rope28", {"rope28": 2}),
    ("1.8的来一张", None, {"mat18": 1}),  # 1.8米: 瑜伽垫 (张) and 拉力带 (条), the unit tells
    ("1.8的来两条", "mat18", {"band18": 2}),
    ("1.8米2张", None, {"mat18": 2}),
    ("1张1.8米", None, {"mat18": 1}),
    ("1.8的和1.5的各来一张", None, {"mat18": 1, "mat15": 1})])
def test_a_size_is_which_goods_never_a_quantity(text, current, items):
    got, booked = parsed(SPORTS, text, current)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)


@pytest.mark.parametrize("text", ["1.8的来一个", "1.8的来两根"])
def test_a_shared_size_with_a_unit_none_or_several_are_sold_in_is_asked(text):
    got, _ = parsed(SPORTS, text, "mat18")
    assert got.kind is Kind.ORDER and got.needs_review


def test_the_goods_shown_before_named_are_ordered():
    got, booked = parsed(BAKERY, "刚才的全麦面包也帮我留两个", "cake8")
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, {"bread": 2})


def test_goods_shown_before_not_named_are_asked():
    got, _ = parsed(BAKERY, "刚才的也来一个", "cake8")
    assert got.kind is Kind.ORDER and got.needs_review


@pytest.mark.parametrize("text,current", [("一盒是6片吧", "strip"), ("退热贴一盒就是6片吧", "strip"),
                                          ("一瓶是100片吧", "vitc")])
def test_a_pack_content_guessed_is_a_question(text, current):
    got, _ = parsed(PHARMACY, text, current)
    assert got.kind is Kind.QUESTION and not got.items


def test_a_quantity_said_with_ba_is_still_an_order():
    got, booked = parsed(PHARMACY, "退热贴来两盒吧", "strip")
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, {"strip": 2})


@pytest.mark.parametrize("text", ["是大一码还是小一码我忘了 先来一双", "记不清要运动鞋还是袜子 来一双",
                                  "孩子穿哪个还是拿不准 先来一双"])
def test_a_buyer_who_does_not_know_which_is_asked(text):
    got, _ = parsed(SHOES, text, "shoe")
    assert got.kind is Kind.ORDER and got.needs_review


def test_forgetting_something_else_still_orders():
    got, booked = parsed(SHOES, "差点忘了 袜子来两双", "shoe")
    assert (got.needs_review, booked) == (False, {"sock": 2})


@pytest.mark.parametrize("catalog,text,current", [(PHARMACY, "全家四口都要体温计 能打折吗", "thermo"),
                                                  (BUTCHER, "三个孩子都要猪蹄 能便宜点吗", "trotter")])
def test_all_of_them_told_with_a_question_is_the_question(catalog, text, current):
    got, _ = parsed(catalog, text, current)
    assert got.kind is Kind.QUESTION and not got.items


def test_the_units_character_is_no_part_of_a_name():
    got, _ = parsed(PHARMACY, "口罩2个")
    assert got.kind is Kind.ORDER and got.needs_review


SHOE_SHOP = shop("测试童鞋店", ("sneaker", "儿童运动鞋", "双", 99, {"spec": "尺码 26-37码"}),
                 ("boot", "雪地靴", "双", 129, {}))
PET = shop("测试宠物店", ("groom", "上门洗护", "份", 80, {"aliases": ["洗护"]}), ("mat", "宠物垫 60x90", "张", 39, {}),
           ("crate", "航空箱", "个", 159, {"spec": "40x60 厘米"}))


def test_counts_in_sizes_that_make_the_total_are_which_sizes():
    got, booked = parsed(SHOE_SHOP, "雪地靴来3双 两双33码一双35码", "boot")
    assert (got.needs_review, booked) == (False, {"boot": 3}) and "两双33码一双35码" in got.note.replace(" ", "")


def test_counts_in_sizes_that_make_another_total_are_asked():
    got, _ = parsed(SHOE_SHOP, "雪地靴来3双 两双33码两双35码", "boot")
    assert got.kind is Kind.ORDER and got.needs_review


@pytest.mark.parametrize("text,qty,note", [("雪地靴来两双 女款35码", 2, "女款35码"), ("雪地靴来一双 儿童款30码", 1, "儿童款30码")])
def test_whose_cut_stays_with_the_size_in_the_note(text, qty, note):
    got, booked = parsed(SHOE_SHOP, text, "boot")
    assert booked == {"boot": qty} and note in got.note.replace(" ", "")


@pytest.mark.parametrize("text,note", [("洗护来1份 周六周日都行", "周六周日都行"), ("洗护来2份 明天下午都可以", "明天下午都可以")])
def test_days_that_suit_a_visit_are_a_note(text, note):
    got, _ = parsed(PET, text, "groom")
    assert got.kind is Kind.ORDER and not got.needs_review and note in got.note.replace(" ", "")


@pytest.mark.parametrize("text,current,items", [("宠物垫60x90的来两张", "mat", {"mat": 2}),
                                                ("60x90的来一张", None, {"mat": 1})])
def test_a_width_by_length_of_a_name_is_which_goods(text, current, items):
    got, booked = parsed(PET, text, current)
    assert (got.needs_review, booked) == (False, items)
