"""Parser round 5: rules a shop assistant applies to any store's comments (a family word is the head of its
kinds' names, not the start of other goods; 来几个 is an order without a number; a viewer who will be back
tomorrow orders nothing; a product named beside a vague quantity is the one meant)."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.intent import Kind
from copilot.orders.rules import parse

BUTCHER = Catalog.from_dict({"products": [
    {"sku": "beef_y", "name": "黄牛肉", "link": 1, "unit": "斤", "price": 45, "stock": 30},
    {"sku": "beef_t", "name": "牦牛肉", "link": 2, "unit": "斤", "price": 60, "stock": 30},
    {"sku": "jerky", "name": "牛肉干", "link": 3, "unit": "袋", "price": 30, "stock": 30},
    {"sku": "ball", "name": "牛肉丸", "link": 4, "unit": "斤", "price": 25, "stock": 30},
    {"sku": "zongzi", "name": "肉粽", "aliases": ["粽子"], "link": 5, "unit": "个", "price": 6, "stock": 50},
    {"sku": "rice", "name": "东北大米", "aliases": ["大米"], "link": 6, "unit": "袋", "price": 50, "stock": 20},
]})

CASES = [
    # 牛肉 names 黄牛肉 / 牦牛肉 (its kinds); 牛肉干 and 牛肉丸 are goods made of it, not the one meant
    ("beef_y", "牛肉来两袋", "order", {}, True),
    ("beef_y", "牛肉来2斤", "order", {}, True),
    (None, "牛肉干来两袋", "order", {"jerky": 2}, False),
    (None, "黄牛肉2斤", "order", {"beef_y": 2}, False),
    # 来几个 X: an order, how many not said; the product named, not the one on screen
    ("rice", "来几个粽子", "order", {"zongzi": None}, True),
    ("zongzi", "来几个", "order", {"zongzi": None}, True),
    ("rice", "来点牛肉干", "order", {"jerky": None}, True),
    ("rice", "大米拍了", "order", {"rice": None}, True),
    ("zongzi", "来几个?", "question", {}, False),
    ("zongzi", "还有几个", "question", {}, False),
    # the viewer will be back (明天还来, 下次再来看) or followed the stream: no order
    ("rice", "明天还来", "other", {}, False),
    ("rice", "已关注 明天还来", "other", {}, False),
    ("rice", "下次再来看哈", "other", {}, False),
    ("rice", "关注了 来2袋", "order", {"rice": 2}, False),
    ("rice", "明天再来2袋", "order", {"rice": 2}, False),
]


@pytest.mark.parametrize("current, text, kind, items, review", CASES, ids=[c[1] for c in CASES])
def test_round5_rules(current, text, kind, items, review):
    intent = parse(text, BUTCHER, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    if not review or items:
        assert {i.sku: i.qty for i in intent.items} == items, intent.reason


NOODLES = Catalog.from_dict({"products": [
    {"sku": "wonton", "name": "鲜肉馄饨", "aliases": ["馄饨"], "link": 1, "unit": "份", "price": 12, "stock": 50},
    {"sku": "pork_rib", "name": "猪排骨", "link": 2, "unit": "斤", "price": 38, "stock": 30},
    {"sku": "lamb_rib", "name": "羊排骨", "link": 3, "unit": "斤", "price": 58, "stock": 30},
    {"sku": "rib_soup", "name": "排骨汤", "link": 4, "unit": "份", "price": 18, "stock": 30},
    {"sku": "sesame", "name": "芝麻酱", "link": 5, "unit": "瓶", "price": 15, "stock": 30},
]})


@pytest.mark.parametrize("text, items, review", [
    ("馄炖来2份", {"wonton": 2}, False),   # 炖 / 饨 share 屯 and rhyme
    ("混沌来2份", {"wonton": 2}, False),   # 混 / 馄 (昆), 沌 / 饨 (屯): the common written form
    ("洋排骨2斤", {"lamb_rib": 2}, False),  # 洋 sounds like 羊, 排骨 is the family word: 羊排骨
    ("排骨2斤", {}, True),                 # 猪 or 羊? (排骨汤 is goods made of it, not a kind)
    ("排骨来2份", {}, True),               # 份: neither kind is sold so; 排骨汤 is no 排骨
    ("混合2份", {}, True),                 # 混 alone is no typo of 馄饨
])
def test_typos_a_person_reads_without_doubt(text, items, review):
    intent = parse(text, NOODLES, None)
    assert intent.kind is Kind.ORDER and intent.needs_review is review, intent.reason
    if not review:
        assert {i.sku: i.qty for i in intent.items} == items


@pytest.mark.parametrize("text, items, note", [
    ("明早要2份馄饨 3瓶芝麻酱", {"wonton": 2, "sesame": 3}, ""),        # 明早: when, no goods
    ("下午要2份馄饨", {"wonton": 2}, ""),
    ("猪排骨2斤 明天7点来店里拿", {"pork_rib": 2}, "明天7点来店里拿"),   # collecting at the shop
    ("芝麻酱1瓶 过来门店取", {"sesame": 1}, "过来门店取"),
    ("馄饨2份 送5栋 电话尾号1234", {"wonton": 2}, "送5栋 电话尾号1234"),  # the note as written
    ("馄饨2份 手机尾号1234", {"wonton": 2}, "手机尾号1234"),
])
def test_times_and_collection_notes(text, items, note):
    intent = parse(text, NOODLES, None)
    assert intent.kind is Kind.ORDER and not intent.needs_review, intent.reason
    assert {i.sku: i.qty for i in intent.items} == items
    assert intent.note == note


def test_a_one_character_variant_read_by_its_partner():
    """2牛1羊: 牛 is in 牛肉粉 and 牛肉干, but 羊 (羊肉粉 only) says the noodles are meant."""
    cat = Catalog.from_dict({"products": [
        {"sku": "beef_n", "name": "牛肉粉", "link": 1, "unit": "份", "price": 15, "stock": 50},
        {"sku": "lamb_n", "name": "羊肉粉", "link": 2, "unit": "份", "price": 18, "stock": 50},
        {"sku": "jerky", "name": "牛肉干", "link": 3, "unit": "袋", "price": 30, "stock": 50}]})
    intent = parse("2牛1羊", cat, None)
    assert intent.kind is Kind.ORDER and not intent.needs_review, intent.reason
    assert {i.sku: i.qty for i in intent.items} == {"beef_n": 2, "lamb_n": 1}
    both = Catalog.from_dict({"products": [  # 羊 is in 羊肉粉 and 羊肉干 now: noodles or jerky? a person asks
        {"sku": "beef_n", "name": "牛肉粉", "link": 1, "unit": "份", "price": 15, "stock": 50},
        {"sku": "lamb_n", "name": "羊肉粉", "link": 2, "unit": "份", "price": 18, "stock": 50},
        {"sku": "jerky", "name": "牛肉干", "link": 3, "unit": "袋", "price": 30, "stock": 50},
        {"sku": "lamb_j", "name": "羊肉干", "link": 4, "unit": "袋", "price": 30, "stock": 50}]})
    unsure = parse("2牛1羊", both, None)
    assert unsure.kind is Kind.ORDER and unsure.needs_review  # an order in shorthand, never chatter


@pytest.mark.parametrize("current, text, kind, items, review", [
    ("wonton", "要两碗", "order", {"wonton": 2}, False),      # a 份 of a dish is a bowl
    (None, "馄饨来3碗", "order", {"wonton": 3}, False),
    ("pork_rib", "来两碗", "order", {}, True),                # a bowl of ribs sold by the 斤: how much?
    ("sesame", "来一碗", "order", {}, True),                  # bottles, not bowls
    ("wonton", "我妈喝了两碗 真香", "other", {}, False),       # a story (喝了), no order
    ("pork_rib", "排骨是谁家养的猪", "question", {}, False),
    ("pork_rib", "谁家的排骨", "question", {}, False),
])
def test_bowls_and_who(current, text, kind, items, review):
    intent = parse(text, NOODLES, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    if not review:
        assert {i.sku: i.qty for i in intent.items} == items


GROCER = Catalog.from_dict({"products": [
    {"sku": "rice", "name": "五常大米", "aliases": ["大米"], "link": 1, "unit": "袋", "price": 69, "stock": 40},
    {"sku": "millet", "name": "黄小米", "aliases": ["小米"], "link": 2, "unit": "斤", "price": 9, "stock": 50},
    {"sku": "milk", "name": "全脂纯牛奶", "aliases": ["全脂牛奶"], "link": 3, "unit": "箱", "price": 55, "stock": 30},
]})


@pytest.mark.parametrize("current, text, kind, items, review", [
    ("rice", "已拍", "order", {"rice": None}, True),          # like 拍了: ordered on the link, how much?
    ("rice", "已下单", "order", {"rice": None}, True),
    ("rice", "拍好了", "order", {"rice": None}, True),
    ("rice", "下单了 怎么付款", "question", {}, False),         # the question is what they want answered
    ("rice", "已拍 2袋", "order", {"rice": 2}, False),
    ("milk", "帮邻居带一箱", "order", {"milk": 1}, False),     # bought for the neighbour: still one box
    ("milk", "帮我妈捎一箱", "order", {"milk": 1}, False),
    ("rice", "米2", "order", {}, True),                       # 米 of 大米 and of 小米: an order, of which?
    ("rice", "小米2", "order", {"millet": 2}, False),
    ("rice", "主播2", "other", {}, False),
])
def test_placed_on_the_link_and_words_with_a_count(current, text, kind, items, review):
    intent = parse(text, GROCER, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    if not review or items:
        assert {i.sku: i.qty for i in intent.items} == items


PEPPERS = Catalog.from_dict({"products": [
    {"sku": "green", "name": "青椒", "link": 1, "unit": "斤", "price": 5, "stock": 30},
    {"sku": "red", "name": "红椒", "link": 2, "unit": "斤", "price": 7, "stock": 30},
    {"sku": "crucian", "name": "鲫鱼", "link": 3, "unit": "条", "price": 9, "stock": 30},
    {"sku": "grass", "name": "草鱼", "link": 4, "unit": "条", "price": 12, "stock": 30},
]})


@pytest.mark.parametrize("current, text, kind, items, review", [
    ("green", "红的来一斤", "order", {"red": 1}, False),    # 红 tells 红椒 from 青椒, two-character names
    ("green", "要2斤红的", "order", {"red": 2}, False),
    ("green", "青的和红的各一斤", "order", {"green": 1, "red": 1}, False),
    ("grass", "鲫的来2条", "order", {"crucian": 2}, False),
    ("green", "红的好看", "other", {}, False),
    ("green", "我的红包呢", "question", {}, False),
])
def test_one_character_variants_of_two_character_names(current, text, kind, items, review):
    intent = parse(text, PEPPERS, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items


def test_a_variant_character_inside_another_name_still_tells_the_pair_apart():
    """红 of 红椒 although 西红柿 holds it in the middle (no one shortens 西红柿 to 红); 红薯 starts with it: which?"""
    base = [{"sku": "green", "name": "青椒", "link": 1, "unit": "斤", "price": 5, "stock": 30},
            {"sku": "red", "name": "红椒", "link": 2, "unit": "斤", "price": 7, "stock": 30}]
    tomato = Catalog.from_dict({"products": base + [
        {"sku": "tomato", "name": "西红柿", "link": 3, "unit": "斤", "price": 6, "stock": 30}]})
    intent = parse("红的2斤", tomato, "green")
    assert not intent.needs_review and {i.sku: i.qty for i in intent.items} == {"red": 2}, intent.reason
    yam = Catalog.from_dict({"products": base + [
        {"sku": "yam", "name": "红薯", "link": 3, "unit": "斤", "price": 4, "stock": 30}]})
    assert parse("红的2斤", yam, "green").needs_review


def test_tasting_words_are_no_goods():
    intent = parse("来2斤尝尝鲜", PEPPERS, "green")
    assert not intent.needs_review and {i.sku: i.qty for i in intent.items} == {"green": 2}, intent.reason


@pytest.mark.parametrize("text", ["2斤 分两袋装", "2斤 分开装", "要2斤 帮我分成2袋装", "2斤 单独装"])
def test_how_to_pack_it_is_no_goods_and_no_second_quantity(text):
    intent = parse(text, PEPPERS, "green")
    assert not intent.needs_review and {i.sku: i.qty for i in intent.items} == {"green": 2}, intent.reason


DELI = Catalog.from_dict({"products": [
    {"sku": "feet_lemon", "name": "柠檬凤爪", "link": 1, "unit": "盒", "price": 25, "stock": 30},
    {"sku": "feet_tiger", "name": "虎皮凤爪", "link": 2, "unit": "盒", "price": 28, "stock": 30},
    {"sku": "tea_sweet", "name": "甜奶茶", "link": 3, "unit": "杯", "price": 12, "stock": 30},
    {"sku": "tea_plain", "name": "无糖奶茶", "link": 4, "unit": "杯", "price": 12, "stock": 30},
]})


@pytest.mark.parametrize("text, items, review", [
    ("凤爪柠檬的2盒", {"feet_lemon": 2}, False),    # the family word, then its member with 的
    ("凤爪虎皮味的1盒", {"feet_tiger": 1}, False),
    ("奶茶无糖的2杯", {"tea_plain": 2}, False),
    ("奶茶甜的1杯", {"tea_sweet": 1}, False),
    ("凤爪2盒", {}, True),                         # which one?
])
def test_family_word_then_its_member(text, items, review):
    intent = parse(text, DELI, None)
    assert intent.kind is Kind.ORDER and intent.needs_review is review, intent.reason
    if not review:
        assert {i.sku: i.qty for i in intent.items} == items


def test_a_state_word_is_no_variant_of_a_short_name():
    """生菜 / 白菜: 白的 is 白菜, but 要生的 is how the buyer wants the shrimp, never 生菜."""
    cat = Catalog.from_dict({"products": [
        {"sku": "lettuce", "name": "生菜", "link": 1, "unit": "斤", "price": 5, "stock": 30},
        {"sku": "cabbage", "name": "白菜", "link": 2, "unit": "斤", "price": 7, "stock": 30},
        {"sku": "shrimp", "name": "基围虾", "aliases": ["虾"], "link": 3, "unit": "斤", "price": 70, "stock": 30}]})
    assert {i.sku: i.qty for i in parse("白的来2斤", cat, "lettuce").items} == {"cabbage": 2}
    shrimp = parse("虾要生的2斤", cat, "shrimp")
    assert "lettuce" not in {i.sku for i in shrimp.items}
    assert shrimp.needs_review or {i.sku: i.qty for i in shrimp.items} == {"shrimp": 2}
