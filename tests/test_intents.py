"""Table-driven tests of the rule parser: one comment -> one intent."""

from __future__ import annotations

import json

import pytest

from copilot.base.comments import load_comments
from copilot.base.errors import InputError
from copilot.orders.intent import Kind
from copilot.orders.parser import IntentParser
from copilot.orders.rules import parse

# (current_sku, text, kind, items as {sku: qty}, needs_review)
CASES = [
    ("mango", "扣1", "order", {"mango": 1}, False),
    ("mango", "+1", "order", {"mango": 1}, False),
    ("mango", "1", "order", {"mango": 1}, False),
    ("mango", "我也要", "order", {"mango": None}, True),  # copies an order whose quantity it does not say
    ("eggs", "来一份", "order", {"eggs": 1}, False),
    ("eggs", "给我妈也来一份", "order", {"eggs": 1}, False),
    ("mango", "来一份", "order", {}, True),  # a 份 of a product sold by weight: how much? (a person asks)
    ("mango", "+2", "order", {"mango": 2}, False),
    ("mango", "x3", "order", {"mango": 3}, False),
    ("mango", "×2", "order", {"mango": 2}, False),
    ("eggs", "2份", "order", {"eggs": 2}, False),
    ("mango", "要3斤", "order", {"mango": 3}, False),
    ("mango", "来俩", "order", {"mango": 2}, False),
    ("apple", "要十二斤", "order", {"apple": 12}, False),
    ("mango", "要一斤半", "order", {"mango": 1.5}, False),
    ("mango", "半斤", "order", {"mango": 0.5}, False),
    ("mango", "两斤半", "order", {"mango": 2.5}, False),
    ("mango", "8两", "order", {"mango": 0.8}, False),        # 两 after a number: a tenth of a 斤
    ("mango", "来二两", "order", {"mango": 0.2}, False),
    ("mango", "要1斤2两", "order", {"mango": 1.2}, False),
    (None, "三两芒果", "order", {"mango": 0.3}, False),
    ("mango", "要１公斤", "order", {"mango": 2}, False),
    ("mango", "１kg", "order", {"mango": 2}, False),
    ("mango", "500g", "order", {"mango": 1}, False),
    ("mango", "２５０克", "order", {"mango": 0.5}, False),
    ("mango", "＋２", "order", {"mango": 2}, False),
    ("eggs", "要两盒", "order", {"eggs": 2}, False),
    ("milk", "来3瓶", "order", {"milk": 3}, False),
    ("tofu", "两块", "order", {"tofu": 2}, False),
    ("chicken", "要一只", "order", {"chicken": 1}, False),
    (None, "3号链接来2份", "order", {}, True),  # 五花肉 is sold by the 斤
    (None, "1号链接3斤", "order", {"strawberry": 3}, False),
    (None, "链接5 2斤", "order", {"apple": 2}, False),
    (None, "#4 三斤", "order", {"mango": 3}, False),
    (None, "一号两斤", "order", {"strawberry": 2}, False),
    (None, "要两斤芒果", "order", {"mango": 2}, False),
    (None, "草莓2斤，芒果3斤", "order", {"strawberry": 2, "mango": 3}, False),
    (None, "草莓2斤 芒果3斤", "order", {"strawberry": 2, "mango": 3}, False),
    (None, "草莓2斤、苹果3斤；番茄1斤", "order", {"strawberry": 2, "apple": 3, "tomato": 1}, False),
    (None, "草莓2斤\n西红柿3斤", "order", {"strawberry": 2, "tomato": 3}, False),
    (None, "草莓芒果各来两斤", "order", {"strawberry": 2, "mango": 2}, False),
    (None, "豆腐来一块，再来两瓶牛奶", "order", {"tofu": 1, "milk": 2}, False),
    ("mango", "不要芒果要草莓2斤", "order", {"strawberry": 2}, False),
    ("strawberry", "草莓来2斤🍓", "order", {"strawberry": 2}, False),
    ("mango", "寇1", "order", {"mango": 1}, False),
    ("pork", "五花来2斤 切片", "order", {"pork": 2}, False),
    # needs review: never guess an order
    (None, "扣1", "order", {}, True),
    (None, "要两斤榴莲", "order", {}, True),
    (None, "20号链接来一份", "order", {}, True),
    ("strawberry", "一箱", "order", {}, True),
    ("eggs", "要2斤", "order", {}, True),
    ("mango", "要3个", "order", {}, True),
    ("strawberry", "草莓要10斤", "order", {}, True),
    ("chicken", "土鸡来3只", "order", {}, True),
    ("mango", "要1000斤", "order", {}, True),
    ("chicken", "要半只", "order", {}, True),
    ("mango", "+1 +1", "order", {}, True),
    ("mango", "12", "order", {}, True),
    # cancel and modify
    ("mango", "不要了", "cancel", {}, False),
    ("mango", "取消", "cancel", {}, False),
    (None, "取消芒果", "cancel", {"mango": None}, False),
    (None, "3号不要了", "cancel", {"pork": None}, False),
    ("mango", "草莓不要了 芒果留着", "cancel", {"strawberry": None}, False),  # the kept product stays booked
    ("mango", "不要草莓了 芒果不变", "cancel", {"strawberry": None}, False),
    (None, "草莓 不要了", "cancel", {"strawberry": None}, False),
    ("mango", "取消一斤", "cancel", {"mango": None}, True),   # a part of the order, not all of it
    (None, "草莓取消2斤", "cancel", {"strawberry": None}, True),
    ("mango", "改成3斤", "modify", {"mango": 3}, False),
    (None, "芒果改成5斤", "modify", {"mango": 5}, False),
    ("tofu", "数量改成2", "modify", {"tofu": 2}, False),
    (None, "改成3斤", "modify", {}, True),
    # questions are never orders
    (None, "芒果2斤多少钱", "question", {}, False),
    ("mango", "还有货吗", "question", {}, False),
    (None, "1号链接甜吗", "question", {}, False),
    (None, "一号发货吗", "question", {}, False),
    ("mango", "19.9一斤吗", "question", {}, False),
    ("mango", "扣1了吗", "question", {}, False),
    ("chicken", "鸡是冰鲜的还是活的", "question", {}, False),
    (None, "青菜打药没😂", "question", {}, False),        # the northern question particle
    (None, "送货不 我家离得不远", "question", {}, False),
    ("bass", "查没查孔雀石绿", "question", {}, False),
    # chatter is never an order
    ("mango", "主播好漂亮", "other", {}, False),
    ("mango", "666", "other", {}, False),
    ("mango", "1111", "other", {}, False),
    (None, "昨天买的芒果很甜", "other", {}, False),
    ("mango", "她要了两斤", "other", {}, False),
    ("mango", "要是便宜点我就买两斤", "other", {}, False),
    ("mango", "我家3个孩子", "other", {}, False),
    ("mango", "芒果季节又到了", "other", {}, False),
    (None, "今天18号了", "other", {}, False),
    ("mango", "🌹🌹", "other", {}, False),
    ("mango", "", "other", {}, False),
]


@pytest.mark.parametrize("current, text, kind, items, review", CASES, ids=[c[1] or "empty" for c in CASES])
def test_parse(catalog, current, text, kind, items, review):
    intent = parse(text, catalog, current)
    assert intent.kind == Kind(kind), intent.reason
    assert intent.needs_review is review, intent.reason
    if not review:
        assert {i.sku: i.qty for i in intent.items} == items
        assert all(i.unit == catalog.get(i.sku).unit for i in intent.items)
    else:
        assert intent.reason, "a flagged comment says why"


def test_review_reason_names_the_limit(catalog):
    intent = parse("草莓要10斤", catalog, "strawberry")
    assert "限购5斤" in intent.reason


def test_very_long_comment_is_not_parsed_into_an_order(catalog):
    intent = parse("草莓" * 5000 + "扣1", catalog, "strawberry")
    assert intent.needs_review or intent.kind is not Kind.ORDER


def test_llm_only_sees_undecided_comments_and_is_validated(catalog, fake_llm):
    parser = IntentParser(catalog, fake_llm)
    assert parser.parse("扣1", "mango").items[0].sku == "mango"
    assert fake_llm.history == []  # decided by the rules
    fake_llm.enqueue('{"kind": "order", "items": [{"sku": "mango", "qty": 3, "unit": "斤"}], "confident": true}')
    got = parser.parse("贵妃芒果果来3斤哈", "mango")
    assert got.source == "llm" and got.items[0].qty == 3 and not got.needs_review
    assert "贵妃芒果果来3斤哈" in fake_llm.history[-1][-1]["content"]


def test_llm_answer_with_unknown_sku_keeps_the_review(catalog, fake_llm):
    parser = IntentParser(catalog, fake_llm)
    fake_llm.enqueue('{"kind": "order", "items": [{"sku": "durian", "qty": 2}], "confident": true}')
    got = parser.parse("要两斤榴莲", None)
    assert got.needs_review and got.source == "rules"


def test_llm_over_limit_is_still_flagged(catalog, fake_llm):
    parser = IntentParser(catalog, fake_llm)
    fake_llm.enqueue('{"kind": "order", "items": [{"sku": "strawberry", "qty": 9}], "confident": true}')
    got = parser.parse("草莓莓来九斤哈", "strawberry")
    assert got.needs_review and "限购" in got.reason


def test_llm_failure_falls_back_to_review(catalog, fake_llm):
    from copilot.base.errors import LLMError

    parser = IntentParser(catalog, fake_llm.enqueue(LLMError("down")))
    assert parser.parse("要两斤榴莲", None).needs_review


def test_load_comments_validates_every_line(catalog):
    good = [json.dumps({"id": "c1", "user": "王阿姨", "text": "扣1", "ts": 3.5, "current_sku": "mango"})]
    comments = load_comments(good, catalog)
    assert comments[0].current_sku == "mango" and comments[0].ts == 3.5
    with pytest.raises(InputError, match="第 2 行"):
        load_comments(good + ["{not json"], catalog)
    with pytest.raises(InputError, match="缺少内容"):
        load_comments(['{"id": "c1"}'], catalog)
    with pytest.raises(InputError, match="durian"):
        load_comments(['{"id": "c1", "text": "扣1", "current_sku": "durian"}'], catalog)


# the fixes of issue 14: notes, relative changes, corrections, vague orders, typos, names apart from quantities
FIXES = [
    ("strawberry", "老板我要3斤草莓送到3栋", "order", {"strawberry": 3}, False, "送到3栋"),
    ("eggs", "2盒，5栋302 尾号1234", "order", {"eggs": 2}, False, "5栋302 尾号1234"),
    ("mango", "给我也来点", "order", {"mango": None}, True, ""),
    ("mango", "拍了", "order", {"mango": None}, True, ""),
    ("mango", "我妈也要", "order", {"mango": None}, True, ""),
    ("mango", "两个都要", "order", {"mango": None}, True, ""),
    (None, "都来一份", "order", {}, True, ""),
    (None, "草莓芒果都要", "order", {}, True, ""),  # a stated pair, but how many of each? (blind sets 3 and 7)
    (None, "苹果 两斤", "order", {"apple": 2}, False, ""),
    (None, "鸡蛋 x3", "order", {"eggs": 3}, False, ""),
    ("mango", "再加一斤", "modify", {"mango": 1}, False, ""),
    ("rice", "少要一袋", "modify", {"rice": -1}, False, ""),
    ("rice", "加一斤草莓", "modify", {"strawberry": 1}, False, ""),
    ("eggs", "要3盒 不是2盒", "modify", {"eggs": 3}, False, ""),
    (None, "草霉2斤", "order", {"strawberry": 2}, False, ""),
    (None, "西红市2斤", "order", {"tomato": 2}, False, ""),
    ("mango", "加2", "order", {"mango": 2}, False, ""),
    ("strawberry", "买两斤草莓能送吗", "question", {}, False, ""),
    ("mango", "我住3栋", "other", {}, False, ""),
]


@pytest.mark.parametrize("current, text, kind, items, review, note", FIXES, ids=[c[1] for c in FIXES])
def test_issue_14_fixes(catalog, current, text, kind, items, review, note):
    intent = parse(text, catalog, current)
    assert intent.kind == Kind(kind), intent.reason
    assert intent.needs_review is review, intent.reason
    assert {i.sku: i.qty for i in intent.items} == items
    assert intent.note == note
    if kind == "modify" and "不是" not in text:
        assert all(i.relative for i in intent.items)


def test_two_close_names_go_to_review(catalog):
    """A typo that sounds like two products is not guessed."""
    from copilot.base.catalog import Catalog

    cat = Catalog.from_dict({"products": [
        {"sku": "a", "name": "青菜", "link": 1, "unit": "把", "price": 1, "stock": 9},
        {"sku": "b", "name": "清菜", "aliases": ["轻菜"], "link": 2, "unit": "把", "price": 1, "stock": 9}]})
    assert parse("请菜2把", cat, None).needs_review


def test_flavour_initials_with_quantities():
    from copilot.base.catalog import Catalog

    cat = Catalog.from_dict({"products": [
        {"sku": "orig", "name": "原味鸭脖", "link": 1, "unit": "盒", "price": 1, "stock": 9},
        {"sku": "hot", "name": "香辣鸭脖", "aliases": ["辣味"], "link": 2, "unit": "盒", "price": 1, "stock": 9}]})
    got = parse("1原2辣", cat, None)
    assert {i.sku: i.qty for i in got.items} == {"orig": 1, "hot": 2} and not got.needs_review
    assert parse("1鸭2鸭", cat, None).needs_review or parse("1鸭2鸭", cat, None).kind is not Kind.ORDER


def test_the_note_and_relative_change_reach_the_ledger(ledger, catalog):
    from copilot.base.comments import Comment

    ledger.apply(Comment("n1", "王阿姨", "老板我要3斤草莓送到3栋"), parse("老板我要3斤草莓送到3栋", catalog, None))
    ledger.apply(Comment("n2", "王阿姨", "少要一斤"), parse("少要一斤", catalog, "strawberry"))
    lines = ledger.lines(status="reserved")
    assert [(ln.sku, ln.qty, ln.note) for ln in lines] == [("strawberry", 2, "送到3栋")]


# round 2 of issue 14: kinds of mistakes a never-seen store showed, read from the catalog, not per store
DELI = {"products": [
    {"sku": "wings_honey", "name": "蜜汁鸡翅", "aliases": ["蜜汁翅"], "link": 1, "unit": "盒", "price": 20, "stock": 30},
    {"sku": "wings_hot", "name": "香辣鸡翅", "aliases": ["辣翅"], "link": 2, "unit": "盒", "price": 20, "stock": 30},
    {"sku": "tart", "name": "葡式蛋挞", "aliases": ["蛋挞"], "link": 3, "unit": "盒", "price": 18, "stock": 30,
     "spec": "每盒 6 个"},
    {"sku": "bun", "name": "豆沙包", "link": 4, "unit": "个", "price": 2, "stock": 90},
    {"sku": "ribs", "name": "糖醋排骨", "aliases": ["排骨"], "link": 5, "unit": "斤", "price": 40, "stock": 30},
]}
ROUND2 = [
    # a flavour or variant named by what sets it apart from its family (蜜汁 of 蜜汁鸡翅 / 香辣鸡翅)
    ("wings_honey", "蜜汁2香辣1", "order", {"wings_honey": 2, "wings_hot": 1}, False),
    ("wings_honey", "2蜜汁1香辣", "order", {"wings_honey": 2, "wings_hot": 1}, False),
    ("wings_honey", "香辣的来两盒", "order", {"wings_hot": 2}, False),
    ("wings_honey", "蜜汁味的1盒 香辣的2盒", "order", {"wings_honey": 1, "wings_hot": 2}, False),
    ("wings_honey", "蜜汁的鸡翅2盒", "order", {"wings_honey": 2}, False),
    ("wings_honey", "香辣 2", "order", {"wings_hot": 2}, False),
    # the family word alone is one of several: review, unless each of them is asked for
    ("wings_honey", "鸡翅2盒", "order", {}, True),
    ("wings_honey", "两种鸡翅都来一盒", "order", {"wings_honey": 1, "wings_hot": 1}, False),
    ("wings_honey", "鸡翅不要了", "cancel", {"wings_honey": None, "wings_hot": None}, False),
    ("wings_honey", "香辣的好吃吗", "question", {}, False),
    # 各 without a unit; 各 / 每样 without two products named
    ("tart", "蛋挞和豆沙包各一", "order", {"tart": 1, "bun": 1}, False),
    ("tart", "两样各一盒", "order", {"tart": None}, True),
    ("tart", "每样来一盒", "order", {"tart": None}, True),
    # a quantity said twice, or one that belongs to no product
    ("tart", "扣1扣1扣1", "order", {}, True),
    ("ribs", "排骨2斤3斤", "order", {}, True),
    ("ribs", "2斤排骨蛋挞1盒", "order", {}, True),
    # 个 of a product whose box holds pieces is not a box; of a piece product it is the unit
    ("tart", "来6个", "order", {}, True),
    ("bun", "豆沙包来4个", "order", {"bun": 4}, False),
    # no quantity of its own: copies someone else's order, or takes it without a number
    ("tart", "我也要", "order", {"tart": None}, True),
    ("tart", "这个我要了", "order", {"tart": None}, True),
    ("tart", "同上", "order", {"tart": None}, True),
    ("tart", "我也要两盒", "order", {"tart": 2}, False),
    # arriving, deferring, a quantity in pinyin
    (None, "晚上好呀 来啦", "other", {}, False),
    ("tart", "等我回家看看冰箱还有没有蛋挞再说", "other", {}, False),
    ("ribs", "ribs 3 jin", "order", {}, True),
]


@pytest.mark.parametrize("current, text, kind, items, review", ROUND2, ids=[c[1] for c in ROUND2])
def test_round_2_kinds(current, text, kind, items, review):
    from copilot.base.catalog import Catalog

    intent = parse(text, Catalog.from_dict(DELI), current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items, intent.reason


NOTES = [  # when and where to collect or deliver, kept whole on the order line
    ("strawberry", "草莓2斤 下午5点来拿", {"strawberry": 2}, "下午5点来拿"),
    ("mango", "1号链接来一斤 留到明天下午取", {"strawberry": 1}, "留到明天下午取"),
    (None, "老板给我留一斤草莓 两斤西红柿 放6栋门卫", {"strawberry": 1, "tomato": 2}, "放6栋门卫"),
    ("mango", "芒果1斤送阳光小区", {"mango": 1}, "送阳光小区"),
    ("mango", "芒果3斤，周六上午来拿", {"mango": 3}, "周六上午来拿"),
    ("mango", "3斤 两个小时后来拿", {"mango": 3}, "两个小时后来拿"),  # a length of time, no second quantity
    ("mango", "芒果1斤 半小时后来取", {"mango": 1}, "半小时后来取"),
    ("eggs", "2盒，5栋302 尾号1234", {"eggs": 2}, "5栋302 尾号1234"),
    ("mango", "2斤 电话138 1234 5678", {"mango": 2}, "电话138 1234 5678"),
    ("mango", "2斤 地址：幸福小区3-2-501", {"mango": 2}, "地址：幸福小区3-2-501"),  # as typed (round 18)
    ("mango", "2斤送到公司 光明路88号", {"mango": 2}, "送到公司 光明路88号"),  # 88号 is no link here
    ("mango", "2斤 周日上午", {"mango": 2}, "周日上午"),
    ("mango", "送2斤到5栋", {"mango": 2}, "到5栋"),  # the quantity is no part of the note
    ("mango", "明天送2斤", {"mango": 2}, ""),
    ("mango", "送两斤到幸福小区", {"mango": 2}, "到幸福小区"),
]


@pytest.mark.parametrize("current, text, items, note", NOTES, ids=[c[1] for c in NOTES])
def test_collection_and_delivery_notes(catalog, current, text, items, note):
    intent = parse(text, catalog, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, False), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items
    assert intent.note == note


def test_a_note_alone_orders_nothing(catalog):
    assert parse("明天来拿", catalog, "mango").kind is Kind.OTHER
    assert parse("明天下午能来拿吗", catalog, "mango").kind is Kind.QUESTION
    assert parse("送货不 我家离得不远", catalog, "mango").kind is Kind.QUESTION


def test_eggs_counted_in_pieces_are_not_boxes(catalog):
    intent = parse("鸡蛋要3个", catalog, "eggs")  # 每盒 30 枚: 3 eggs, not 3 boxes
    assert intent.needs_review and "换算不了" in intent.reason


SEA = {"products": [
    {"sku": "shrimp", "name": "鲜活基围虾", "aliases": ["基围虾"], "link": 1, "unit": "斤", "price": 49, "stock": 30},
    {"sku": "hairtail", "name": "舟山带鱼", "aliases": ["带鱼"], "link": 2, "unit": "斤", "price": 35, "stock": 30},
    {"sku": "orange", "name": "砂糖橘", "link": 3, "unit": "箱", "price": 39, "stock": 20},
    {"sku": "sausage_c", "name": "广式腊肠", "aliases": ["腊肠"], "link": 4, "unit": "斤", "price": 45, "stock": 30},
    {"sku": "sausage_s", "name": "川味香肠", "aliases": ["香肠"], "link": 5, "unit": "斤", "price": 42, "stock": 30},
    {"sku": "milk", "name": "低温鲜奶", "aliases": ["鲜奶"], "link": 6, "unit": "瓶", "price": 9, "stock": 50},
    {"sku": "yogurt", "name": "老酸奶", "aliases": ["酸奶"], "link": 7, "unit": "杯", "price": 6, "stock": 60},
    {"sku": "mango", "name": "芒果", "link": 8, "unit": "斤", "price": 12, "stock": 60},
    {"sku": "cake6", "name": "6寸慕斯蛋糕", "link": 9, "unit": "个", "price": 88, "stock": 10},
    {"sku": "cake8", "name": "8寸慕斯蛋糕", "link": 10, "unit": "个", "price": 128, "stock": 10},
]}
PARTS = [
    # a part of one product's names only: its head noun (虾, 橘子) or a word no other product has (广式)
    ("shrimp", "虾来2斤", "order", {"shrimp": 2}, False),
    ("hairtail", "2斤虾", "order", {"shrimp": 2}, False),
    ("orange", "橘子来一箱", "order", {"orange": 1}, False),
    ("sausage_c", "广式的2斤", "order", {"sausage_c": 2}, False),
    ("sausage_s", "川味的来一斤", "order", {"sausage_s": 1}, False),
    ("sausage_c", "川味的来一斤", "order", {}, True),  # a word at the start of another product's name: on screen only
    # a part of several products' names: the one on screen, else the one sold in the unit said, else review
    ("milk", "奶来2瓶", "order", {"milk": 2}, False),  # 奶 of 鲜奶 and of 酸奶: 鲜奶 on screen
    ("mango", "奶来2瓶", "order", {"milk": 2}, False),  # only 鲜奶 is sold by the 瓶
    ("mango", "奶来2个", "order", {}, True),
    # a character that is a component of the right one (or the other way round)
    ("mango", "亡果2斤", "order", {"mango": 2}, False),
    # a size of a product sold in sizes
    ("cake6", "8寸的来一个", "order", {"cake8": 1}, False),
    ("cake6", "6寸一个 8寸一个", "order", {"cake6": 1, "cake8": 1}, False),
    ("cake6", "蛋糕要一个", "order", {}, True),
    # cancelling by a part of a name; swapping to another product without a quantity
    ("hairtail", "虾不要了", "cancel", {"shrimp": None}, False),
    ("shrimp", "虾换成带鱼", "modify", {}, True),
]


@pytest.mark.parametrize("current, text, kind, items, review", PARTS, ids=[c[1] for c in PARTS])
def test_parts_of_names_typos_and_sizes(current, text, kind, items, review):
    from copilot.base.catalog import Catalog

    intent = parse(text, Catalog.from_dict(SEA), current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items, intent.reason


CLAUSES = [  # products and quantities spread over the clauses of one comment
    ("mango", "草莓，芒果 各2斤", "order", {"strawberry": 2, "mango": 2}, False),
    ("mango", "草莓，芒果都要", "order", {}, True),  # how many of each is not said: a person asks
    ("mango", "草莓 来2斤", "order", {"strawberry": 2}, False),  # the named product, not the one on screen
    ("mango", "草莓，芒果2斤", "order", {}, True),  # 2斤 each, or only mango?
    ("mango", "芒果2斤，草莓", "order", {}, True),
    ("mango", "要草莓芒果2斤", "order", {}, True),
    ("mango", "芒果2斤→3斤", "order", {}, True),  # a second quantity for the same product
    ("mango", "芒果2斤 3斤", "order", {}, True),
    ("mango", "草莓好甜 来2斤", "order", {}, True),  # talks of strawberries while mangoes are on screen
    ("strawberry", "草莓好甜 来2斤", "order", {"strawberry": 2}, False),
    # a copy of someone's order says no quantity of its own, unless another clause does
    ("mango", "跟楼上一样", "order", {"mango": None}, True),
    ("mango", "同上 2斤", "order", {"mango": 2}, False),
    ("mango", "和楼上一样来2斤", "order", {"mango": 2}, False),
    ("mango", "草莓芒果一样来一斤", "order", {"strawberry": 1, "mango": 1}, False),
    # a slip corrected is a change to the new total; what is left at home is no order
    ("mango", "打错了 是2斤", "modify", {"mango": 2}, False),
    ("mango", "写错了，要3斤", "modify", {"mango": 3}, False),
    ("mango", "芒果来4斤 我刚刚打错了", "modify", {"mango": 4}, False),  # the slip named after the new total
    ("mango", "要1斤，前面说错了", "modify", {"mango": 1}, False),
    ("mango", "我想改一下 芒果4斤", "modify", {"mango": 4}, False),  # a change announced, then the new total
    ("mango", "芒果加到5斤", "modify", {"mango": 5}, False),
    ("mango", "家里还有2斤", "other", {}, False),
    # 还有 joins one more product to the order; 都来 after 每天/天天/每场 is about coming to the stream
    ("mango", "芒果2斤 还有草莓来一斤", "order", {"mango": 2, "strawberry": 1}, False),
    ("mango", "加油加油 天天都来", "other", {}, False),
    ("mango", "主播好 我每场都在", "other", {}, False),
    ("mango", "姐妹们都来买呀", "other", {}, False),  # 都 counts the people invited, not the products
    ("mango", "天天都吃一点", "other", {}, False),
    ("mango", "草莓 还有芒果 都来一斤", "order", {"strawberry": 1, "mango": 1}, False),
    # a second number beside the quantity that nothing reads: how many in all? (not the last one alone)
    ("mango", "3+4", "order", {}, True),
    ("mango", "1+2斤", "order", {}, True),
    ("mango", "芒果2斤+草莓1斤", "order", {"mango": 2, "strawberry": 1}, False),
    ("mango", "要2斤 共25.6", "order", {"mango": 2}, False),
    # a length of time is no quantity of goods; 就行 and 还是 (still) are no product and no question
    ("mango", "芒果催熟要2个星期", "other", {}, False),
    ("mango", "2斤就行", "order", {"mango": 2}, False),
    ("mango", "有点贵 但是还是要2斤", "order", {"mango": 2}, False),
    ("mango", "要芒果还是草莓", "question", {}, False),
    # a count for a word that is no product we sell: the order is not read as only the known part
    ("mango", "芒果2斤 榴莲1", "order", {}, True),
    ("mango", "芒果2斤 3栋", "order", {"mango": 2}, False),
    # the same product twice with its own quantity: a total, or a change of mind?
    ("mango", "芒果2斤 草莓1斤 芒果1斤", "order", {}, True),
    # brackets that change or add goods are part of the order; other brackets stay a note
    ("mango", "芒果3斤（已改2斤）", "order", {}, True),
    ("mango", "草莓1斤(再加半斤)", "order", {}, True),
    ("mango", "芒果3斤（帮隔壁带）", "order", {"mango": 3}, False),
]


@pytest.mark.parametrize("current, text, kind, items, review", CLAUSES, ids=[c[1] for c in CLAUSES])
def test_products_and_quantities_across_clauses(catalog, current, text, kind, items, review):
    intent = parse(text, catalog, current)
    assert (intent.kind, intent.needs_review) == (Kind(kind), review), intent.reason
    assert {i.sku: i.qty for i in intent.items} == items, intent.reason


def test_variants_written_in_brackets_or_first():
    """凤爪（柠檬） / 凤爪（虎皮）, 鸭脖原味 / 鸭脖香辣: the family word may come first or the variant sit in brackets."""
    from copilot.base.catalog import Catalog

    cat = Catalog.from_dict({"products": [
        {"sku": "lemon", "name": "凤爪（柠檬）", "link": 1, "unit": "盒", "price": 1, "stock": 9},
        {"sku": "tiger", "name": "凤爪（虎皮）", "link": 2, "unit": "盒", "price": 1, "stock": 9},
        {"sku": "orig", "name": "鸭脖原味", "link": 3, "unit": "盒", "price": 1, "stock": 9},
        {"sku": "hot", "name": "鸭脖香辣", "link": 4, "unit": "盒", "price": 1, "stock": 9}]})
    for text, items in [("柠檬2虎皮1", {"lemon": 2, "tiger": 1}), ("虎皮凤爪2盒", {"tiger": 2}),
                        ("香辣的来一盒", {"hot": 1}), ("原味2 香辣1", {"orig": 2, "hot": 1})]:
        got = parse(text, cat, "lemon")
        assert not got.needs_review and {i.sku: i.qty for i in got.items} == items, (text, got.reason)
    assert parse("凤爪2盒", cat, "lemon").needs_review and parse("鸭脖来一盒", cat, "lemon").needs_review


def test_every_blind_set_has_its_eval_suite_and_runs_by_name():
    import evals

    names = [root.name.replace("_", "-") for root in evals.BLIND_SETS]
    numbers = [int(n.removeprefix("intents-blind")) for n in names[1:]]
    assert names[0] == "intents-blind" and numbers[0] == 2 and numbers == sorted(set(numbers))   # gaps: held out now
    assert not set(numbers) & {int(r.name[1:].split("_")[0]) for r in evals.held_out_sets(evals.HELD_OUT["intents-holdout"])}
    assert all(n in evals.available() and (evals.BLIND_SETS[i] / "comments.jsonl").exists()
               for i, n in enumerate(names))
    got = evals.run_suite("intents-blind2", None)
    assert got["n"] == sum(1 for _ in open(evals.BLIND_SETS[1] / "comments.jsonl", encoding="utf-8"))
