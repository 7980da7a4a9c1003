"""Parser round 9, probed on stores unlike the nut shop it was found in: a homophone of a longer name around a
shorter one; a whole-word homophone; a quantity said again as enough; 不要A了 要B (and the ledger asking when A
was ordered); a price nobody sells at beside a named product; names with brackets; and the booking principles:
a word alone that reads as goods is never dropped, a word of several names is not settled by the screen, only the
units a person reads the same or the catalog declares (``pack``) convert, several products need their quantities."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment
from copilot.base.errors import CopilotError
from copilot.orders.intent import Kind
from copilot.orders.ledger import Ledger
from copilot.orders.rules import parse

BAKERY = Catalog.from_dict({"products": [
    {"sku": "bread", "name": "手撕面包", "aliases": ["面包"], "link": 1, "unit": "个", "price": 5, "stock": 50},
    {"sku": "beef", "name": "卤牛肉", "aliases": ["牛肉"], "link": 2, "unit": "斤", "price": 48, "stock": 40},
    {"sku": "beef_pastry", "name": "牛肉酥", "link": 3, "unit": "盒", "price": 25, "stock": 30},
    {"sku": "broccoli", "name": "西兰花", "link": 4, "unit": "斤", "price": 6, "stock": 50},
    {"sku": "milk", "name": "纯牛奶", "link": 5, "unit": "箱", "price": 60, "stock": 20},
    {"sku": "soymilk", "name": "现磨豆浆", "aliases": ["豆浆"], "link": 6, "unit": "杯", "price": 3, "stock": 50},
    {"sku": "youtiao", "name": "油条", "link": 7, "unit": "根", "price": 2, "stock": 80},
    {"sku": "tea_big", "name": "奶茶（大杯）", "aliases": ["大杯奶茶"], "link": 8, "unit": "杯", "price": 15, "stock": 30},
    {"sku": "tea_small", "name": "奶茶（小杯）", "aliases": ["小杯奶茶"], "link": 9, "unit": "杯", "price": 10,
     "stock": 30},
    {"sku": "neck", "name": "卤鸭脖", "link": 10, "unit": "斤", "price": 40, "stock": 30},
    {"sku": "neck_dry", "name": "风干鸭脖", "link": 11, "unit": "袋", "price": 18, "stock": 30},
    {"sku": "apple", "name": "苹果", "link": 12, "unit": "斤", "price": 6, "stock": 80},
    {"sku": "orange", "name": "脐橙", "link": 13, "unit": "斤", "price": 7, "stock": 80},
    {"sku": "walnut", "name": "纸皮核桃", "link": 14, "unit": "斤", "price": 26, "stock": 40},
]})

PACKED = Catalog.from_dict({"products": [
    {"sku": "rice", "name": "五常大米", "link": 1, "unit": "袋", "pack": "5斤", "price": 45, "stock": 40},
    {"sku": "raisin", "name": "葡萄干", "link": 2, "unit": "袋", "pack": "500克", "price": 20, "stock": 40},
    {"sku": "raisin_plain", "name": "散装葡萄干", "link": 3, "unit": "袋", "spec": "每袋 500 克", "price": 18,
     "stock": 40},
    {"sku": "egg", "name": "土鸡蛋", "link": 4, "unit": "板", "pack": "20个", "price": 30, "stock": 20},
    {"sku": "cookie", "name": "曲奇", "link": 5, "unit": "盒", "price": 30, "stock": 30},
    {"sku": "juice", "name": "橙汁", "link": 6, "unit": "瓶", "price": 8, "stock": 30},
]})


def _read(text, current, catalog=BAKERY):
    intent = parse(text, catalog, current)
    return intent, {i.sku: i.qty for i in intent.items}


@pytest.mark.parametrize("current, text, want", [
    ("milk", "手丝面包2个", {"bread": 2}),       # 丝 for 撕 around 面包: the longer name, the same product
    ("milk", "牛肉苏 x2", {"beef_pastry": 2}),   # 苏 for 酥 beside 牛肉: the pastry, not 2 斤 of beef
    ("milk", "牛肉来2斤", {"beef": 2}),          # 牛肉 said alone is still the beef
    ("milk", "西蓝华来2斤", {"broccoli": 2}),     # two characters off, all three sounds the same
])
def test_homophones_around_a_name_and_of_a_whole_name(current, text, want):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason


def test_an_order_word_beside_a_name_is_no_homophone_of_a_longer_name():
    store = Catalog.from_dict({"products": [
        {"sku": "ear", "name": "猪耳朵", "aliases": ["猪耳"], "link": 1, "unit": "斤", "price": 30, "stock": 30}]})
    intent, got = _read("猪耳多要一斤", "ear", store)  # 多要 (one more), not 朵 of 猪耳朵
    assert intent.kind is Kind.MODIFY and [i.relative for i in intent.items] == [True] and got == {"ear": 1}


@pytest.mark.parametrize("text, review, want", [
    ("纯牛奶2箱 2箱就够了", False, {"milk": 2}),  # said again, and that it is enough
    ("纯牛奶2箱 1箱就够", True, {}),            # two different quantities: a person asks
    ("纯牛奶2箱 2箱", True, {}),                # a bare repeat: 4, or 2?
])
def test_a_quantity_said_again_as_enough_is_one_order(text, review, want):
    intent, got = _read(text, "milk")
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, review), intent.reason
    if not review:
        assert got == want


def test_a_declined_product_then_another_orders_the_other():
    intent, got = _read("豆浆不要了 要3根油条", "soymilk")
    assert (intent.kind, intent.needs_review, got, intent.declined) == (Kind.ORDER, False, {"youtiao": 3},
                                                                         ("soymilk",))


def test_the_ledger_asks_when_the_declined_product_was_ordered(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}", BAKERY, "s")
    swap = "豆浆不要了 要3根油条"
    fresh = ledger.apply(Comment("c1", "小王", swap, current_sku="soymilk"), parse(swap, BAKERY, "soymilk"))
    assert not fresh.review and [(ln.sku, ln.qty) for ln in fresh.created] == [("youtiao", 3)]
    ledger.apply(Comment("c2", "老李", "豆浆2杯", current_sku="soymilk"), parse("豆浆2杯", BAKERY, "soymilk"))
    held = ledger.apply(Comment("c3", "老李", swap, current_sku="soymilk"), parse(swap, BAKERY, "soymilk"))
    assert held.review and "豆浆" in held.created[0].reason  # a swap? the soymilk is still booked
    assert {ln.sku: ln.qty for ln in ledger.lines(status="reserved") if ln.buyer == "老李"} == {"soymilk": 2}


@pytest.mark.parametrize("text, review", [
    ("卤牛肉来2斤 35一斤的那个", False),   # named, and nobody sells at 35: the price is misremembered
    ("卤牛肉来2斤 25一斤的那个", True),    # 25 is the pastry's price: which one?
])
def test_a_price_beside_a_named_product(text, review):
    intent, got = _read(text, "beef")
    assert (intent.needs_review, got) == (review, {"beef": 2}), intent.reason


@pytest.mark.parametrize("text, want", [
    ("奶茶（大杯）来2杯", {"tea_big": 2}),
    ("要1杯奶茶(小杯)", {"tea_small": 1}),
])
def test_a_name_with_brackets_is_read_whole(text, want):
    intent, got = _read(text, None)
    assert (intent.kind, intent.needs_review, got) == (Kind.ORDER, False, want), intent.reason


def test_a_family_word_beside_a_quantity_goes_to_review():
    intent, _ = _read("奶茶 2杯", None)  # 大杯 or 小杯? (this crashed before)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, True)


@pytest.mark.parametrize("current, text, review, want", [
    ("orange", "苹国 x2", False, {"apple": 2}),  # a typo alone, its quantity apart: not the orange on screen
    ("orange", "纸皮和桃 x2", False, {"walnut": 2}),  # 和 is a filler word, but not inside this typo of 核桃
    ("neck", "鸭脖 +2", True, {}),              # 卤鸭脖 or 风干鸭脖: not dropped for the one on screen
    ("neck", "鸭脖2斤", True, {}),              # nor settled by the screen when the unit fits it
    ("apple", "鸭脖2斤", True, {}),             # off screen neither: two kinds of 鸭脖, the unit said loosely
    ("apple", "苹果2斤 谢谢老板", False, {"apple": 2}),
])
def test_a_word_alone_that_reads_as_goods_is_never_dropped(current, text, review, want):
    intent, got = _read(text, current)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, review), intent.reason
    if not review:
        assert got == want


@pytest.mark.parametrize("text, review", [
    ("苹果2斤 脐橙", True),         # the oranges: one, or how many?
    ("12号和13号都要", True),
    ("苹果2斤 脐橙3斤", False),
    ("苹果脐橙各2斤", False),
])
def test_several_products_each_need_a_quantity(text, review):
    intent, _ = _read(text, None)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, review), intent.reason


@pytest.mark.parametrize("current, text, review, want", [
    ("cookie", "来2个", True, {}),                # 个 of a box: pieces or boxes?
    ("juice", "来2个", False, {"juice": 2}),      # a bottle is one thing
    ("raisin", "要一斤", False, {"raisin": 1}),   # declared: 500克 a bag
    ("raisin", "要1公斤", False, {"raisin": 2}),
    ("raisin", "要半斤", True, {}),               # half a bag: a person asks
    ("raisin_plain", "要一斤", True, {}),         # only the spec text says 500 克: not declared, asked
    ("rice", "要10斤", False, {"rice": 2}),
    ("egg", "要40个", False, {"egg": 2}),         # 20 eggs a tray
    ("egg", "要10个", True, {}),                  # half a tray
    ("egg", "来2板", False, {"egg": 2}),
])
def test_only_units_read_the_same_or_declared_convert(current, text, review, want):
    intent, got = _read(text, current, PACKED)
    assert (intent.kind, intent.needs_review) == (Kind.ORDER, review), intent.reason
    if not review:
        assert got == want


def test_a_pack_must_be_a_number_and_a_unit_and_old_catalogs_stay_valid():
    ok = {"sku": "a", "name": "葡萄干", "link": 1, "unit": "袋", "price": 1, "stock": 1}
    assert Catalog.from_dict({"products": [ok]}).get("a").pack_size is None
    assert Catalog.from_dict({"products": [{**ok, "pack": "250 克"}]}).get("a").pack_size == (250.0, "克")
    with pytest.raises(CopilotError) as err:
        Catalog.from_dict({"products": [{**ok, "pack": "一袋"}]})
    assert "pack" in str(err.value) and "500克" in str(err.value)
