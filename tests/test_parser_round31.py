"""Parser round 31 (tuning set 30): classes of comments misread in stores other than a cosmetics shop (a hardware
store, a kitchenware shop, a pharmacy, a stationery shop).

- 螺丝刀套装来一个 of a 套 whose spec counts its parts in 支 (一套 12 支批头): 个 is the everyday word for one set, since
  a 支 is no 个; a 套 of 6 个 bowls still asks (one bowl or one set?).
- 纯棉t恤来两件, t型膨胀螺丝来两包: one letter glued to a Chinese word of a name (T恤, T型), typed in the other case, is
  that name's letter.
- 刚才说的是两斤, 刚刚要的是3条: what the buyer said before, set right with a quantity alone, is a change to that
  total (刚才说的是两斤吗 asks).
- 02米黄来一桶, 12号豆绿 x1, 乳胶漆来一桶 05号, 米黄色的来两桶, 藏青的 x2, 01雪白和05浅灰各来一桶: a shade or colour
  the listing's spec names (01 雪白、02 米黄 … 色号; 有藏青、米白、卡其三个颜色) said beside a counted order is the order's
  note, never a quantity, a link or an unknown word; said alone (05号) it is no count; a listed code with 号 only after
  that product's own count (乳胶漆2桶 12号; 腻子粉1袋 12号 may be link 12 and asks).
- 维C片来两瓶 of 维生素C片, 维生素E乳来一瓶 of 维E乳: the spelled-out and the short form of a vitamin are one word, the
  name's own form.
- 5%的来一瓶, 75%的来两瓶: a concentration of one product's names said bare names that product (5% is never the 5
  of 15%, nor link 5, nor a count).
- 长的那头干嘛用的, 这个孔干嘛的: what a part is for is a question, not chatter.
"""

from __future__ import annotations

import pytest
from doubles import parsed, shop

from copilot.orders.intent import Kind

HARDWARE = shop("测试五金店", ("bits", "螺丝刀套装 12支装", "套", 39, {"aliases": ["螺丝刀套装"], "spec": "一套 12 支批头带手柄"}),
                ("tape", "卷尺 5米", "个", 15, {"aliases": ["卷尺"]}))
CLOTHES = shop("测试服装店", ("tee", "纯棉T恤", "件", 39, {}), ("shorts", "纯棉短裤", "条", 29, {}))
HARDWARE2 = shop("测试五金店", ("anchor", "T型膨胀螺丝", "包", 8, {"aliases": ["膨胀螺丝"]}),
                 ("hook", "粘钩", "个", 2, {}))
FISH = shop("测试鱼档", ("bass", "鲜活鲈鱼", "条", 35, {"aliases": ["鲈鱼"]}),
            ("shrimp", "基围虾", "斤", 58, {"aliases": ["虾"]}))
PAINT = shop("测试油漆店", ("paint", "墙面乳胶漆 5L", "桶", 199,
                                {"aliases": ["乳胶漆"], "spec": "有 01 雪白、02 米黄、05 浅灰、12 豆绿四个色号，可以调色"}),
             ("roller", "滚筒刷", "把", 15, {}), ("tape", "美纹纸", "卷", 5, {}), ("putty", "腻子粉", "袋", 35, {}),
             ("primer", "墙固底漆", "桶", 89, {}), ("gloves", "乳胶手套", "双", 3, {}), ("brush", "排刷", "把", 6, {}),
             ("sand", "砂纸", "张", 1, {}), ("knife", "刮刀", "把", 8, {}), ("cover", "保护膜", "卷", 12, {}),
             ("bucket", "调漆桶", "个", 10, {}), ("stick", "搅拌棒", "根", 2, {}))
YARN = shop("测试毛线铺", ("wool", "羊毛粗线 100g", "包", 18, {"aliases": ["羊毛线"], "spec": "有藏青、米白、卡其三个颜色"}),
            ("needle", "竹棒针", "副", 9, {}))
CHEMIST = shop("测试药房", ("alc75", "75%医用酒精 500ml", "瓶", 9, {}), ("alc95", "95%酒精 500ml", "瓶", 12, {}),
               ("iodine", "5%碘伏 100ml", "瓶", 6, {}), ("peroxide", "3%双氧水", "瓶", 4, {}),
               ("urea", "15%尿素软膏", "支", 8, {}))
VITAMINS = shop("测试保健品店", ("vc", "维生素C片 100片", "瓶", 29, {"aliases": ["维生素C片"]}),
                ("ve", "维E乳 100ml", "瓶", 12, {"aliases": ["维E乳"]}), ("fish", "深海鱼油", "瓶", 59, {}))
KITCHEN = shop("测试厨具店", ("bowls", "陶瓷碗套装", "套", 59, {"aliases": ["碗套装"], "spec": "一套 6 个碗"}),
               ("pens", "彩色马克笔套装", "套", 29, {"aliases": ["马克笔"], "spec": "一套 24 支，双头"}))


@pytest.mark.parametrize(("catalog", "text", "current", "want"), [
    (HARDWARE, "螺丝刀套装来一个", "bits", {"bits": 1}),
    (HARDWARE, "来两个", "bits", {"bits": 2}),
    (KITCHEN, "马克笔来一个", "pens", {"pens": 1}),
])
def test_a_ge_of_a_set_whose_parts_are_no_ge_is_one_set(catalog, text, current, want):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


def test_a_ge_of_a_set_of_ge_pieces_still_asks():
    intent, _ = parsed(KITCHEN, "碗套装来一个", "bowls")
    assert intent.kind == Kind.ORDER and intent.needs_review


@pytest.mark.parametrize(("catalog", "text", "current"), [
    (HARDWARE, "长的那头干嘛用的", "bits"),
    (HARDWARE, "尺子上这个扣干嘛的", "tape"),
    (KITCHEN, "碗底那圈干嘛用", "bowls"),
])
def test_what_a_part_is_for_is_a_question(catalog, text, current):
    intent, _ = parsed(catalog, text, current)
    assert intent.kind == Kind.QUESTION


@pytest.mark.parametrize(("catalog", "text", "current", "want"), [
    (CLOTHES, "纯棉t恤来两件", "shorts", {"tee": 2}),
    (CLOTHES, "纯棉t恤 x1", None, {"tee": 1}),
    (HARDWARE2, "t型膨胀螺丝来两包", "hook", {"anchor": 2}),
])
def test_one_letter_of_a_name_in_the_other_case_is_that_names_letter(catalog, text, current, want):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


def test_x_before_a_count_stays_times_beside_a_lettered_name():
    intent, items = parsed(HARDWARE2, "粘钩 x3", "hook")
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {"hook": 3}


@pytest.mark.parametrize(("catalog", "text", "current", "want"), [
    (FISH, "刚才说的是两斤", "shrimp", {"shrimp": 2}),
    (FISH, "刚刚要的是3条", "bass", {"bass": 3}),
    (HARDWARE, "之前说的是一个", "tape", {"tape": 1}),
])
def test_what_was_said_before_set_right_by_a_quantity_is_a_change(catalog, text, current, want):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.MODIFY and not intent.needs_review and items == want


def test_what_was_said_before_asked_is_a_question():
    intent, _ = parsed(FISH, "刚才说的是两斤吗", "shrimp")
    assert intent.kind == Kind.QUESTION


@pytest.mark.parametrize(("catalog", "text", "current", "want", "note"), [
    (PAINT, "02米黄来一桶", "paint", {"paint": 1}, "02米黄"),
    (PAINT, "12号豆绿 x1", "paint", {"paint": 1}, "12号豆绿"),
    (PAINT, "乳胶漆来一桶 05号", "paint", {"paint": 1}, "05号"),
    (PAINT, "米黄色的来两桶", "paint", {"paint": 2}, "米黄色的"),
    (PAINT, "乳胶漆 x1 02的", "paint", {"paint": 1}, "02的"),
    (PAINT, "01雪白和05浅灰各来一桶", "paint", {"paint": 2}, "01雪白和05浅灰"),
    (YARN, "藏青的 x2", "wool", {"wool": 2}, "藏青的"),
    (PAINT, "乳胶漆2桶 12号", "paint", {"paint": 2}, "12号"),
    (PAINT, "滚筒刷1把 乳胶漆1桶 12号", "paint", {"roller": 1, "paint": 1}, "12号"),
    (YARN, "羊毛线来3包 米白色", "wool", {"wool": 3}, "米白色"),
])
def test_a_shade_the_spec_lists_said_with_an_order_is_its_note(catalog, text, current, want, note):
    intent, items = parsed(catalog, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want and note in intent.note


def test_a_shade_said_alone_is_no_count():
    intent, items = parsed(PAINT, "02号", "paint")
    assert not (intent.kind == Kind.ORDER and not intent.needs_review and items)


def test_a_link_said_with_its_unit_stays_a_link_beside_a_shaded_listing():
    intent, items = parsed(PAINT, "12号来两根", "paint")
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == {"stick": 2}


@pytest.mark.parametrize(("text", "current", "want"), [
    ("5%的来一瓶", None, {"iodine": 1}),
    ("75%的来两瓶", "urea", {"alc75": 2}),
    ("15%的来一支", "iodine", {"urea": 1}),
    ("3%的 x2", None, {"peroxide": 2}),
])
def test_a_concentration_of_one_name_said_bare_names_that_product(text, current, want):
    intent, items = parsed(CHEMIST, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want


def test_a_concentration_asked_about_is_a_question():
    intent, _ = parsed(CHEMIST, "75%的能喷手吗", "alc75")
    assert intent.kind == Kind.QUESTION


def test_a_code_after_another_products_count_is_no_shade():
    intent, _ = parsed(PAINT, "腻子粉1袋 12号", "paint")
    assert intent.needs_review


@pytest.mark.parametrize(("text", "current", "want"), [
    ("维C片来两瓶", "fish", {"vc": 2}),
    ("维生素E乳来一瓶", "fish", {"ve": 1}),
    ("维生素e乳 x2", None, {"ve": 2}),
])
def test_a_vitamin_spelled_out_or_short_is_the_names_own_form(text, current, want):
    intent, items = parsed(VITAMINS, text, current)
    assert intent.kind == Kind.ORDER and not intent.needs_review and items == want
