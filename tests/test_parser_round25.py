"""Parser round 25 (tuning set 24): how specs, models and kinds are said, in stores other than a stationery shop.

- A piece word a pack product's name ends with (作业本 of 拼音田格作业本 10本装), which the owner's own short name keeps
  as the piece alone (拼音田格本), names the kind of every product counted in that piece (数学方格练习本 10本装 too):
  a person asks; with no other pack of that piece it is the product.
- A one-character variant of a two-character name that another product's name also starts with (黑 of 黑枣, and of
  黑色芝麻糊) names its product beside another member of its pair said in the comment (1黑1红, 红黑各一袋), or a family
  word that holds it and another member (运动袜黑的 of 黑袜 / 白袜 beside 棉袜).
- A total said before a share of each that adds up to it (要6袋 红的黑的各3袋) is that sum, no third quantity.
- Letters and digits of a model in the names (B6, A6) typed in another case, and a comment typed in traditional
  characters, are read as the catalog writes them; a model is a whole word (A6 is no A of A4).
- A capacity, size or colour count of several names said with one of them (0.8的铁丝) is part of that name.
- Latin letters inside a question beside an order that names its goods (数据线来2条 typec的有吗) do not hold
  the order back.
- 这个 + a kind word with the product shown of that kind (这个袜子) is the product shown.
- Goods said to be forgotten (酱油忘了 来一瓶) are the goods of the quantity that follows.
- Goods named with a model in what to deliver this with (和K9罐头一起送) are the note, no order.
"""

from __future__ import annotations

import pytest
from doubles import items_of, shop

from copilot.orders.intent import Kind
from copilot.orders.rules import parse

BAKERY = shop("测试面包店", ("butter", "黄油吐司片 8片装", "袋", 12, {"aliases": ["黄油片"], "pack": "8片"}),
              ("wheat", "全麦面包片 8片装", "袋", 13, {"aliases": ["全麦片"], "pack": "8片"}),
              ("bun", "奶香小餐包", "袋", 9, {}))
ONE_TOAST = shop("测试面包店", ("butter", "黄油吐司片 8片装", "袋", 12, {"aliases": ["黄油片"], "pack": "8片"}))
PINYIN = ("pinyin", "拼音田格作业本 10本装", "包", 6, {"aliases": ["拼音田格本"], "pack": "10本"})
BOOKS = shop("测试童书店", PINYIN, ("maths", "数学方格练习本 10本装", "包", 6, {"aliases": ["数学方格本"], "pack": "10本"}),
             ("story", "儿童绘本故事书", "套", 39, {"aliases": ["绘本"]}))
ONE_BOOK = shop("测试童书店", PINYIN, ("story", "儿童绘本故事书", "套", 39, {"aliases": ["绘本"]}))
DATES = shop("测试干货店", ("red", "新疆红枣 500克装", "袋", 25, {"aliases": ["红枣"]}),
             ("black", "乌枣黑枣 500克装", "袋", 28, {"aliases": ["黑枣"]}),
             ("sesame", "黑色芝麻糊 500克装", "袋", 19, {"aliases": ["芝麻糊"]}))
CLOTHES = shop("测试服饰店", ("white", "运动袜白色", "双", 9, {"aliases": ["白袜"]}),
               ("black", "运动袜黑色", "双", 9, {"aliases": ["黑袜"]}), ("cotton", "加厚棉袜", "双", 12, {"aliases": ["棉袜"]}),
               ("leggings", "黑色打底裤", "条", 39, {"aliases": ["打底裤"]}))
PHARMACY = shop("测试药房", ("b6", "维生素B6片", "瓶", 15, {"aliases": ["B6片"]}),
                ("vc", "维生素C泡腾片", "瓶", 25, {"aliases": ["泡腾片"]}))
PHOTO = shop("测试冲印店", ("a4", "A4高光相纸 20张", "包", 19, {"aliases": ["A4相纸"]}),
             ("a6", "A6高光相纸 50张", "包", 15, {"aliases": ["A6相纸"]}))
HARDWARE = shop("测试五金店", ("iron", "镀锌铁丝 0.8mm", "卷", 8, {"aliases": ["铁丝"]}),
                ("steel", "不锈钢丝 0.8mm", "卷", 15, {"aliases": ["钢丝"]}),
                ("crayon", "儿童油画棒 36色", "盒", 18, {"aliases": ["油画棒"]}))
PHONE = shop("测试数码店", ("cable", "快充数据线", "条", 19, {"aliases": ["数据线"]}))
SOCKS = shop("测试袜店", ("floor", "加厚地板袜", "双", 15, {"aliases": ["地板袜"]}),
             ("cotton", "纯棉中筒袜", "双", 9, {"aliases": ["棉袜"]}))
GROCERY = shop("测试粮油店", ("soy", "生抽酱油", "瓶", 12, {"aliases": ["酱油"]}),
               ("vinegar", "山西陈醋", "瓶", 10, {"aliases": ["陈醋"]}))
PETS = shop("测试宠物店", ("litter", "豆腐猫砂", "袋", 29, {"aliases": ["猫砂"]}),
            ("can", "K9主食罐头", "罐", 32, {"aliases": ["K9罐头"]}))


@pytest.mark.parametrize("store,text,current,items", [
    (BAKERY, "黄油片来一袋", None, {"butter": 1}),
    (BAKERY, "全麦片来两袋", "butter", {"wheat": 2}),
    (ONE_TOAST, "吐司片来一袋", None, {"butter": 1}),          # the only pack of 片: nothing to tell apart
    (ONE_BOOK, "作业本来一包", None, {"pinyin": 1}),
    (BOOKS, "拼音田格本来一包", "maths", {"pinyin": 1}),
    (DATES, "1黑1红", None, {"black": 1, "red": 1}),
    (DATES, "黑1红1", None, {"black": 1, "red": 1}),
    (DATES, "红黑各一袋", "red", {"red": 1, "black": 1}),
    (DATES, "要6袋 红的黑的各3袋", "red", {"red": 3, "black": 3}),
    (CLOTHES, "运动袜黑的来两双", None, {"black": 2}),         # the family word said holds 黑袜 and 白袜
    (PHARMACY, "b6片来一瓶", None, {"b6": 1}),
    (PHARMACY, "維生素C泡騰片來兩瓶", None, {"vc": 2}),
    (PHOTO, "A6的来一包", None, {"a6": 1}),
    (PHOTO, "a4的来两包", "a6", {"a4": 2}),
    (HARDWARE, "0.8的铁丝来一卷", None, {"iron": 1}),
    (HARDWARE, "钢丝0.8的来两卷", None, {"steel": 2}),
    (HARDWARE, "36的来一盒", "crayon", {"crayon": 1}),
    (PHONE, "数据线来2条 typec的有吗", "cable", {"cable": 2}),
    (SOCKS, "这个袜子来两双", "floor", {"floor": 2}),
    (GROCERY, "酱油忘了 来一瓶", "vinegar", {"soy": 1}),
    (GROCERY, "来2瓶 一瓶给我妈一瓶给我婆婆", "soy", {"soy": 2}),     # how the two are shared out
    (PETS, "来2袋 和K9罐头一起送", "litter", {"litter": 2}),
])
def test_read_without_review(store, text, current, items):
    intent = parse(text, store, current)
    assert intent.kind is Kind.ORDER and not intent.needs_review, intent.reason
    assert items_of(intent) == items


@pytest.mark.parametrize("store,text,current", [
    (BOOKS, "作业本来一包", None),             # 拼音田格 or 数学方格: both packs of 本
    (BOOKS, "作业本来一包", "pinyin"),         # the screen does not settle a kind
    (BOOKS, "练习本来两包", None),
    (BAKERY, "吐司片来一袋", None),            # 黄油吐司片 or 全麦面包片: both packs of 片
    (BAKERY, "吐司片来一袋", "butter"),        # the screen does not settle a kind
    (BAKERY, "面包片来一袋", None),
    (DATES, "黑的来一袋", None),               # 黑枣 or 黑色芝麻糊
    (DATES, "黑的来一袋", "red"),              # a pair's member shown does not settle it (round 5): only said
    (CLOTHES, "黑的来两双", "white"),
    (DATES, "黑的来一袋", "sesame"),
    (DATES, "要6袋 红的黑的各2袋", "red"),     # 6 is not the sum of the shares
    (SOCKS, "袜子来两双", "floor"),            # no 这个: which socks
    (HARDWARE, "0.8的来一卷", None),           # 铁丝 or 钢丝
    (GROCERY, "来3瓶 一瓶给我妈一瓶给我婆婆", "soy"),      # the shares add up to 2, not 3
    (PHONE, "typec的有吗 来2条", "cable"),     # the order names no goods: of the kind asked about?
    (GROCERY, "陈醋来两瓶 一瓶送到3栋一瓶送到5栋", None),  # two deliveries: the store has something to do
])
def test_left_for_a_person(store, text, current):
    intent = parse(text, store, current)
    assert intent.needs_review, items_of(intent)


def test_forgotten_is_no_order_alone_and_no_pickup_story():
    assert parse("酱油忘了", GROCERY, "vinegar").kind is not Kind.ORDER
    assert parse("酱油忘了拿", GROCERY, "vinegar").kind is not Kind.ORDER  # forgot to collect: a story
    intent = parse("来2袋 和K9罐头一起送", PETS, "litter")
    assert "K9罐头" in intent.note
