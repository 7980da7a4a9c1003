"""Knowledge base: parts, attributes and catalog fields through keys, and the slips of a viewer's asking words.

A part's colour or material (凳面啥做的, 把手是啥颜色) is answered by the row keyed by the part or the clause naming
it, read from the notes (no word list of parts), never by another part's (把手套 is not the 把手, the body's colour
is not the handle's). Catalog fields have cue words of their own (平时卖多少: the original price; 有啥活动: the
offer), and an empty field is handed over. A slip in the asking words (那里产的, 多种, 冲电) is read as meant before
the question is typed. A trolley shop (invented, written for these tests) keeps prose, bullets and a table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PRODUCTS = """store: {name: 推推小车铺, address: 银杏路 5 号菜场北门, pickup: 第二天 10:00-20:00 到店自提}
products:
  - {sku: cart, name: 爬楼买菜车, aliases: [买菜车, 小拉车], link: 1, unit: 辆, price: 89, original_price: 139,
     offer: 第二辆半价, origin: 浙江永康, stock: 9, notes: notes/cart.md}
  - {sku: stool, name: 榉木折叠凳, aliases: [折叠凳, 凳子, 凳], link: 2, unit: 张, price: 59, stock: 9,
     notes: notes/stool.md}
  - {sku: scooter, name: 儿童滑板车, aliases: [滑板车], link: 3, unit: 辆, price: 129, stock: 9,
     notes: notes/scooter.md}
  - {sku: book, name: 小车安全绘本, aliases: [绘本], link: 4, unit: 本, price: 25, stock: 9, notes: notes/book.md}
"""

NOTES = {
    "cart.md": "# 爬楼买菜车\n\n- 车兜：牛津布的，防水，能拆下来洗\n- 拉杆：三档调高，最高 98 厘米\n"
               "- 轮子：六个，爬楼用的三角轮\n- 承重：40 斤以内\n- 充电灯：充电要 2 个小时，能亮一晚上\n",
    "stool.md": "# 榉木折叠凳\n\n凳面是榉木的，打了两遍木蜡油。凳腿是加粗钢管，喷了黑漆。整张凳子 2.1 公斤，"
                "折起来 5 厘米厚。\n",
    "scooter.md": "# 儿童滑板车\n\n把手套是硅胶的，握着防滑。车身有粉、蓝两个色。轮子是 PU 闪光轮，一滑就亮。"
                  "刹车片用久了会掉粉，正常。木蜡油刚涂是乳白色，干了是透明的。\n",
    "book.md": "# 小车安全绘本\n\n- 作者：孟小禾，幼儿园老师\n- 插图：顾一帆画的\n- 页数：32 页\n",
}


@pytest.fixture(scope="module")
def cart_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "carts", PRODUCTS, NOTES)


@pytest.mark.parametrize("question,current,facts", [
    ("凳面啥做的", "stool", ["榉木"]),          # the part said with the product's name (凳 + 面) in a clause
    ("凳腿是啥材质", "stool", ["钢管"]),
    ("车兜啥做的", "cart", ["牛津布"]),          # the row keyed by the part
    ("绘本作者是谁", "book", ["孟小禾"]),        # a who asked of a book: its 作者 row
    ("绘本里的画是谁画的", "book", ["顾一帆"]),
    ("平时卖多少", "cart", ["139"]),            # the original price, a catalog field
    ("买菜车有啥活动", "cart", ["半价"]),        # the offer asked as an activity (no gift in it)
    ("买菜车那里产的", "cart", ["永康"]),        # 那里 typed for 哪里
    ("凳子多种", "stool", ["2.1"]),             # 多种 typed for 多重
    ("充电灯冲电要多久", "cart", ["2 个小时"]),   # 冲电 typed for 充电
    ("木蜡油干了啥颜色", "scooter", ["透明"]),    # 干了 is the state the colour is asked in, no part
])
def test_a_part_field_or_slipped_question_gets_its_fact(cart_kb, question, current, facts):
    a = cart_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text.replace(" ", "") for f in (x.replace(" ", "") for x in facts)), \
        (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("把手是啥颜色", "scooter"),      # 把手套 names the sleeve, and the colour is the body's: neighbour facts
    ("凳子平时卖多少", "stool"),      # no original price: handed over, never the live price
    ("滑板车那里产的", "scooter"),    # no origin anywhere
    ("拉杆啥做的", "cart"),           # the handle's row says its height, no material
    ("刹车片啥颜色", "scooter"),      # 掉粉 is powder, no colour
])
def test_another_parts_fact_or_an_empty_field_is_refused(cart_kb, question, current):
    a = cart_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


def test_asking_words_are_read_as_meant_on_the_question_side_only():
    from copilot.knowledge.text import ask_words

    assert ask_words("花盆那里产的") == "花盆哪里产的"
    assert ask_words("这个多种") == "这个多重"
    assert ask_words("店再哪") == "店在哪"
    assert ask_words("放在那里就行，有多种颜色吗") == "放在那里就行，有多种颜色吗"   # 那里 and 多种 as words
