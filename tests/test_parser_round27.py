"""Parser round 27 (tuning set 26): how viewers name goods whose names hold numbers, and what they say beside the
order, in stores other than a hardware shop (a sports and toy shop, a pharmacy, a bakery, a butcher, a craft shop).

- A number glued to a mark inside names (4号 of 4号足球, 100mg of 阿司匹林 100mg, 2合1, 4通道) said as a word is
  that product (or, in several names, their family: a person asks), never a quantity or a missing link.
- Work the store does at the buyer's home (要上门组装, 周日上午上门装) is a note on the order line.
- Parts of a total shared between rooms, people or colours (我一盒我妈一盒, 家里两个 公司一个, 红黄各1) are no more
  goods; parts that add up to anything else go to a person.
- 帮隔壁老王带两斤: a neighbour by name is who the goods are for.
- A word that in speech means other goods too (面包: 吐司 as well; 蛋糕: a mousse) is one of them, not the one
  product whose name holds it.
- 蛋挞要的是抹茶蛋挞 2盒: the words saying which one was meant are no unread goods.
- 积木能拆开卖吗 我只要20片: the part asked about, in a unit the goods are not sold in, is the question, no order.
"""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind

SPORTS = shop("测试体育玩具店", ("ball4", "4号足球", "个", 59, {"link": 11}), ("ball5", "5号足球", "个", 79, {"link": 12}),
              ("basket5", "5号篮球", "个", 69, {"link": 13}),
              ("plane", "4通道遥控飞机", "个", 129, {"link": 14, "aliases": ["遥控飞机"]}),
              ("blocks", "2合1磁力积木", "盒", 99, {"link": 15, "aliases": ["磁力积木"]}),
              ("rope", "儿童跳绳", "根", 15, {"link": 16, "aliases": ["跳绳"]}),
              ("clay", "超轻彩泥", "盒", 12, {"link": 17, "aliases": ["彩泥"]}))
PHARMACY = shop("测试药房", ("aspirin", "阿司匹林肠溶片 100mg", "盒", 18, {"aliases": ["阿司匹林"]}),
                ("thermo", "电子体温计", "个", 25, {"aliases": ["体温计"]}))
BAKERY = shop("测试面包房", ("wholewheat", "全麦面包", "个", 12, {}), ("toast", "白吐司", "袋", 10, {"aliases": ["吐司"]}),
              ("tart_plain", "原味蛋挞", "盒", 18, {}), ("tart_matcha", "抹茶蛋挞", "盒", 20, {}),
              ("mousse", "芒果慕斯", "个", 28, {}), ("cake", "奶油蛋糕", "个", 88, {}))
LONE_BREAD = shop("测试早点铺", ("bread", "全麦面包", "个", 12, {}), ("milk", "鲜牛奶", "瓶", 6, {}))
BUTCHER = shop("测试肉铺", ("ribs", "猪肋排", "斤", 32, {"aliases": ["排骨", "肋排"]}))


@pytest.mark.parametrize("text,current,items", [
    ("4号的来一个", "ball4", {"ball4": 1}), ("4号来两个", None, {"ball4": 2}),
    ("来2个4号", None, {"ball4": 2}), ("4通道的来一个", "plane", {"plane": 1}), ("2合1的来一盒", None, {"blocks": 1}),
    ("足球4号的再来一个", "ball4", {"ball4": 1})])
def test_a_number_and_its_mark_in_a_name_names_the_product(text, current, items):
    got, booked = parsed(SPORTS, text, current)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)


def test_a_dose_in_latin_letters_names_the_medicine():
    got, booked = parsed(PHARMACY, "100mg的来两盒", "aspirin")
    assert (got.needs_review, booked) == (False, {"aspirin": 2})


@pytest.mark.parametrize("text", ["5号的来一个", "五号的来一个"])
def test_a_marked_word_of_several_names_is_asked_even_with_one_shown(text):
    got, _ = parsed(SPORTS, text, "ball5")
    assert got.kind is Kind.ORDER and got.needs_review


@pytest.mark.parametrize("text,note", [("遥控飞机来一个 要上门组装", "要上门组装"),
                                       ("磁力积木来一盒 周日上午上门装 3栋", "周日上午上门装 3栋"),
                                       ("体温计来两个 帮我上门测一下", "帮我上门测一下")])
def test_work_done_at_home_is_a_note_on_the_order(text, note):
    got, booked = parsed(PHARMACY if "体温计" in text else SPORTS, text)
    assert got.kind is Kind.ORDER and not got.needs_review and booked and got.note == note


def test_asking_about_the_home_service_is_a_question():
    assert parsed(SPORTS, "能上门组装吗", "plane")[0].kind is Kind.QUESTION


@pytest.mark.parametrize("catalog,text,current,items", [
    (BAKERY, "原味蛋挞来两盒 我一盒我妈一盒", None, {"tart_plain": 2}),
    (PHARMACY, "来三个 家里两个 公司一个", "thermo", {"thermo": 3}),
    (SPORTS, "彩泥来两盒 红黄各1", None, {"clay": 2})])
def test_parts_of_the_total_are_no_more_goods(catalog, text, current, items):
    got, booked = parsed(catalog, text, current)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)


def test_colours_sharing_the_total_stay_on_the_order_line():
    assert "红黄各1" in parsed(SPORTS, "彩泥来两盒 红黄各1")[0].note


@pytest.mark.parametrize("catalog,text,current", [(PHARMACY, "来三个 家里两个 公司两个", "thermo"),
                                                  (SPORTS, "彩泥来两盒 红黄各2", None)])
def test_parts_that_add_up_to_something_else_are_asked(catalog, text, current):
    assert parsed(catalog, text, current)[0].needs_review


@pytest.mark.parametrize("text", ["帮隔壁老王带两斤", "给对门李阿姨也来两斤"])
def test_a_neighbour_by_name_is_who_the_goods_are_for(text):
    got, booked = parsed(BUTCHER, text, "ribs")
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, {"ribs": 2})


@pytest.mark.parametrize("text,current", [("面包来两个", None), ("面包来两个", "wholewheat"), ("蛋糕来一个", "cake")])
def test_a_word_that_also_means_other_goods_is_asked(text, current):
    got, _ = parsed(BAKERY, text, current)
    assert got.kind is Kind.ORDER and got.needs_review


def test_the_word_names_the_one_product_when_no_other_goods_of_it_are_sold():
    got, booked = parsed(LONE_BREAD, "面包来两个")
    assert (got.needs_review, booked) == (False, {"bread": 2})


@pytest.mark.parametrize("text,items", [("蛋挞要的是抹茶蛋挞 2盒", {"tart_matcha": 2}),
                                        ("我说的是原味蛋挞 来一盒", {"tart_plain": 1})])
def test_saying_which_one_was_meant_leaves_no_unread_word(text, items):
    got, booked = parsed(BAKERY, text)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)


@pytest.mark.parametrize("catalog,text,current", [(SPORTS, "跳绳能剪开卖吗 我只要2米", "rope"),
                                                  (SPORTS, "积木能拆开卖吗 我只要20片", "blocks")])
def test_a_part_asked_about_in_a_unit_not_sold_is_a_question(catalog, text, current):
    got, booked = parsed(catalog, text, current)
    assert got.kind is Kind.QUESTION and not booked


def test_an_order_in_the_sale_unit_beside_that_question_is_still_an_order():
    got, booked = parsed(SPORTS, "跳绳能剪开卖吗 我先要一根", "rope")
    assert got.kind is Kind.ORDER and booked == {"rope": 1}
