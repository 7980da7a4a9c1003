"""Parser round 29 (tuning set 28): what a viewer says besides the goods in stores other than a phone-accessories
shop (a pharmacy, an appliance-parts shop, a bakery, a butcher).

- 试纸来两盒 三诺GA3的, 集尘袋来一包 戴森V8的, 边刷来两对 都是小米T7的: the model of the buyer's own the goods must fit
  (a brand, then a code) said as a part of its own is the order's note, never a quantity, a link or another product;
  a code the catalog's names hold (128的 of 存储卡 128G) names goods instead.
- 面包两个都要: the number counts the products wanted, not how many of each: a person asks.
- usb小风扇: a word of letters of the names typed in another case is that word.
- 18W×2: the multiplication sign glued to a name's letters is the times mark.
- 64G 2个, 32G来一个, 那我要64的: a capacity of the names (G as in U盘 64G) beside a count in the sale unit, apart or
  after an order word, or said bare, is which goods, never a weight or a quantity.
- 牛奶包 of 牛奶吐司面包 beside 全麦吐司面包: a name said with the last character of the word it shares is that name.
- 给我爸妈一人一盒 inside the total, 明天上午来换 (a service's visit), 跟月饼一起送到5栋: no more goods, the note.
- 刚才的曲奇再加一罐: more of the goods named before is a relative change; 刚才拍的曲奇是两罐 states its quantity.
- 眼镜神 for 眼镜绳: a back nasal typed as the front one (shen for sheng) is a sound-alike of the name.
"""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind

PHARMACY = shop("测试药房", ("strip", "血糖试纸 50片装", "盒", 89, {"aliases": ["试纸"]}),
                ("needle", "采血针", "盒", 20, {}), ("meter", "血糖仪", "台", 199, {}))
PARTS = shop("测试家电配件店", ("filter", "净水器滤芯", "个", 59, {"aliases": ["滤芯"]}),
             ("bag", "吸尘器集尘袋 5个装", "包", 29, {"aliases": ["集尘袋"]}),
             ("brush", "扫地机边刷", "对", 19, {"aliases": ["边刷"]}),
             ("card", "行车记录仪存储卡 128G", "张", 59, {"aliases": ["存储卡"]}))
BAKERY = shop("测试面包店", ("toast_milk", "牛奶吐司面包", "个", 15, {}), ("toast_wheat", "全麦吐司面包", "个", 16, {}),
              ("tart", "蛋挞", "个", 6, {}))
BUTCHER = shop("测试肉铺", ("ribs", "猪肋排", "斤", 38, {"aliases": ["肋排"]}), ("trotter", "猪蹄", "个", 18, {}))


@pytest.mark.parametrize("catalog,text,current,items,note", [
    (PHARMACY, "血糖试纸来两盒 三诺GA3的", None, {"strip": 2}, "三诺GA3的"),
    (PARTS, "集尘袋来一包 戴森V8的", None, {"bag": 1}, "戴森V8的"),
    (PARTS, "边刷来两对 都是小米T7的", "brush", {"brush": 2}, "都是小米T7的"),
    (PARTS, "来一包 要戴森V10的", "bag", {"bag": 1}, "要戴森V10的"),
    (PARTS, "滤芯来两个 美的MRC1586的", None, {"filter": 2}, "美的MRC1586的"),
    (PARTS, "边刷来一对 石头S7的", None, {"brush": 1}, "石头S7的")])
def test_a_model_said_beside_the_order_is_its_note(catalog, text, current, items, note):
    got, booked = parsed(catalog, text, current)
    assert (got.kind, got.needs_review, booked, got.note) == (Kind.ORDER, False, items, note)


def test_a_model_with_a_brand_that_is_a_word_of_names_is_still_the_note():
    shop_ = shop("测试家电配件店", ("bag_d", "戴森集尘袋", "包", 39, {}), ("brush_d", "戴森边刷", "对", 29, {}),
                 ("filter", "净水器滤芯", "个", 59, {"aliases": ["滤芯"]}))
    got, booked = parsed(shop_, "滤芯来一个 戴森15的")
    assert (got.kind, got.needs_review, booked, got.note) == (Kind.ORDER, False, {"filter": 1}, "戴森15的")


@pytest.mark.parametrize("text", ["存储卡来一张 要128的", "存储卡来一张 128G的"])
def test_a_code_of_the_names_is_no_model(text):
    got, _ = parsed(PARTS, text)
    assert "128" not in got.note


@pytest.mark.parametrize("catalog,text,current", [
    (BAKERY, "吐司面包两个都要", None), (BAKERY, "两样都要", "toast_milk"), (BUTCHER, "肋排猪蹄两个都要", None)])
def test_both_counted_is_no_quantity_of_each(catalog, text, current):
    got, booked = parsed(catalog, text, current)
    assert got.kind is Kind.ORDER and got.needs_review and all(q is None for q in booked.values())


def test_both_with_a_quantity_each_is_an_order_of_both():
    got, booked = parsed(BAKERY, "牛奶吐司和全麦吐司都要 各来两个")
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, {"toast_milk": 2, "toast_wheat": 2})


STATIONERY = shop("测试文具店", ("usb32", "U盘 32G", "个", 29, {}), ("usb64", "U盘 64G", "个", 45, {}),
                  ("fan", "USB小风扇", "个", 19, {}), ("pen", "中性笔", "支", 2, {}))
HARDWARE = shop("测试五金店", ("bulb9", "LED球泡灯 9W", "个", 9, {}), ("bulb18", "LED球泡灯 18W", "个", 15, {}),
                ("tape", "电工胶布", "卷", 3, {}))


@pytest.mark.parametrize("text,items", [("usb小风扇来两个", {"fan": 2}), ("Usb小风扇 来一个", {"fan": 1})])
def test_a_word_of_letters_of_the_names_in_another_case_is_that_word(text, items):
    got, booked = parsed(STATIONERY, text)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)


@pytest.mark.parametrize("catalog,text,items", [(HARDWARE, "9W×3", {"bulb9": 3}), (HARDWARE, "18W×2", {"bulb18": 2}),
                                                (STATIONERY, "USB小风扇×3", {"fan": 3})])
def test_the_multiplication_sign_glued_to_a_name_is_the_times_mark(catalog, text, items):
    got, booked = parsed(catalog, text)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)


@pytest.mark.parametrize("text,current,items", [
    ("64G 2个", None, {"usb64": 2}), ("32G来一个", None, {"usb32": 1}), ("那我要64的 来两个", "usb32", {"usb64": 2}),
    ("64G来一个 备份照片用", "usb64", {"usb64": 1})])
def test_a_capacity_of_the_names_beside_a_count_is_which_goods(text, current, items):
    got, booked = parsed(STATIONERY, text, current)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)


def test_a_capacity_of_the_names_said_bare_cancels_that_product():
    got, booked = parsed(STATIONERY, "64的不要了", "usb32")
    assert (got.kind, booked) == (Kind.CANCEL, {"usb64": None})


TOASTS = shop("测试面包店", ("toast_wheat", "全麦吐司面包", "个", 16, {}), ("toast_milk", "牛奶吐司面包", "个", 15, {}),
              ("bun_wheat", "全麦餐包", "个", 6, {}), ("milk_tea", "牛奶布丁", "个", 8, {}))
PATCHES = shop("测试药房", ("patch_kid", "儿童退烧贴", "盒", 20, {}), ("patch_adult", "成人退烧贴", "盒", 22, {}),
               ("thermo_kid", "儿童体温计", "个", 25, {}), ("mask_adult", "成人口罩", "包", 15, {}))
CHERRIES = shop("测试水果店", ("cherry_s", "小盒车厘子", "盒", 39, {}), ("cherry_l", "大盒车厘子", "盒", 69, {}))


@pytest.mark.parametrize("catalog,text,items", [
    (TOASTS, "牛奶包来两个", {"toast_milk": 2}), (TOASTS, "牛奶包x3", {"toast_milk": 3}),
    (PATCHES, "儿童贴 2盒", {"patch_kid": 2}), (PATCHES, "成人贴来一盒", {"patch_adult": 1})])
def test_a_name_said_with_the_last_character_of_the_word_it_shares_is_that_name(catalog, text, items):
    got, booked = parsed(catalog, text)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)


def test_a_clipped_name_of_two_names_is_neither():
    got, booked = parsed(TOASTS, "全麦包来两个")  # 全麦吐司面包 or 全麦餐包
    assert "toast_wheat" not in booked


def test_a_common_word_of_the_same_shape_is_no_name():
    got, booked = parsed(CHERRIES, "能给个小盒子装吗")
    assert not booked


GIFTS = shop("测试面包店", ("mooncake", "流心月饼礼盒", "盒", 88, {"aliases": ["月饼礼盒"]}),
             ("cookie", "黄油曲奇", "罐", 39, {"aliases": ["曲奇"]}), ("bag", "礼品手提袋", "个", 2, {"aliases": ["手提袋"]}))
CLINIC = shop("测试眼镜店", ("clean", "眼镜清洗服务", "份", 20, {"aliases": ["清洗"]}),
              ("cloth", "眼镜布", "块", 5, {}), ("rope", "眼镜绳", "条", 9, {}))


def test_one_for_each_person_inside_the_total_is_no_more_goods():
    got, booked = parsed(GIFTS, "月饼礼盒来两盒 给我爸妈一人一盒")
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, {"mooncake": 2})


@pytest.mark.parametrize("catalog,text,items,note", [
    (CLINIC, "清洗来一份 周六下午来洗", {"clean": 1}, None),
    (CLINIC, "清洗 来一份 明天上午来换", {"clean": 1}, "明天上午来换"),
    (GIFTS, "曲奇来两罐 跟月饼一起送到5栋", {"cookie": 2}, "跟月饼一起送到5栋")])
def test_a_visit_or_what_to_bring_it_with_is_the_note(catalog, text, items, note):
    got, booked = parsed(catalog, text)
    assert (got.kind, got.needs_review, booked) == (Kind.ORDER, False, items)
    assert note is None or got.note == note


def test_more_of_the_goods_named_before_is_a_relative_change():
    got, booked = parsed(GIFTS, "刚才的曲奇再加一罐", "bag")
    assert (got.kind, got.needs_review, booked) == (Kind.MODIFY, False, {"cookie": 1})
    assert all(i.relative for i in got.items)


def test_the_quantity_of_the_goods_placed_stated_is_a_change_to_it():
    got, booked = parsed(GIFTS, "刚才拍的曲奇是两罐", "cookie")
    assert (got.kind, got.needs_review, booked) == (Kind.MODIFY, False, {"cookie": 2})


@pytest.mark.parametrize("text", ["眼镜神来一条", "眼睛绳来一条"])
def test_a_back_nasal_typed_as_the_front_one_is_the_name(text):
    got, booked = parsed(CLINIC, text)
    assert got.kind is Kind.ORDER and booked == {"rope": 1}
