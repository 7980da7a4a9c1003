"""群接龙, round 4: nicknames ending in digits, a line edited into something unreadable, a dozen and
one-character variants in a chain, a word two products share read by the unit."""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

HEAD = "#接龙\n🍓草莓 🥭芒果 🍅西红柿 明天下午到店自提，今晚10点截单\n例：张三 草莓2斤\n"
STALL = Catalog.from_dict({"products": [
    {"sku": "duck_m", "name": "麻鸭（公）", "aliases": ["公鸭"], "link": 1, "unit": "只", "price": 50, "stock": 20},
    {"sku": "duck_f", "name": "麻鸭（母）", "aliases": ["母鸭"], "link": 2, "unit": "只", "price": 55, "stock": 20},
    {"sku": "egg", "name": "咸鸭蛋", "link": 3, "unit": "个", "price": 2, "stock": 100},
    {"sku": "prawn", "name": "鲜活河虾", "aliases": ["河虾"], "link": 4, "unit": "斤", "price": 40, "stock": 30},
    {"sku": "prawn_meat", "name": "冻虾仁", "aliases": ["虾仁"], "link": 5, "unit": "盒", "price": 30, "stock": 20},
    {"sku": "squid", "name": "鱿鱼", "link": 6, "unit": "斤", "price": 26, "stock": 20},
]})


def _state(ledger):
    return {m: dict(sorted(s.items())) for m, s in chain_state(ledger).items()}


def _apply(ledger, text):
    return apply_chain(ledger, text, IntentParser(ledger.catalog).parse)


def test_digits_at_the_end_of_a_nickname_stay_in_it(ledger):
    _apply(ledger, HEAD + "1. 小王88草莓2斤\n2. 小美 520 芒果1斤\n3. 李姐2草莓\n4. Amy520 西红柿3斤")
    assert _state(ledger) == {"小王88": {"strawberry": 2}, "小美 520": {"mango": 1}, "李姐": {"strawberry": 2},
                              "Amy520": {"tomato": 3}}
    assert ledger.lines(status=REVIEW) == []


def test_a_line_edited_into_something_unreadable_takes_down_what_it_booked(ledger):
    _apply(ledger, HEAD + "1. 王阿姨 草莓2斤\n2. 小雨 芒果1斤")
    before = ledger.catalog.get("strawberry")
    _apply(ledger, HEAD + "1. 王阿姨 草莓两份\n2. 小雨 芒果1斤")  # 份 of a 斤 product: how much now?
    assert _state(ledger) == {"小雨": {"mango": 1}}  # the old 2斤 does not stand silently
    (rev,) = ledger.lines(status=REVIEW)
    assert rev.buyer == "王阿姨" and rev.sku == "strawberry" and rev.qty == 2  # what it was, to confirm
    assert "原来的" in rev.reason and "2斤" in rev.reason
    assert before is not None
    _apply(ledger, HEAD + "1. 王阿姨 草莓3斤\n2. 小雨 芒果1斤")
    assert _state(ledger) == {"王阿姨": {"strawberry": 3}, "小雨": {"mango": 1}}
    assert ledger.lines(status=REVIEW) == []


def test_stock_freed_by_an_unreadable_edit_goes_to_the_waitlist(tmp_path):
    cat = Catalog.from_dict({"products": [
        {"sku": "crab", "name": "梭子蟹", "link": 1, "unit": "只", "price": 30, "stock": 3}]})
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}", cat, "s")
    head = "#接龙 梭子蟹\n例：张三 2\n"
    _apply(ledger, head + "1. 阿海 3\n2. 小林 2")
    assert _state(ledger) == {"阿海": {"crab": 3}, "小林": {"crab": 2}}  # 小林 waits in line
    _apply(ledger, head + "1. 阿海 3 4\n2. 小林 2")
    assert [ln.buyer for ln in ledger.lines(status=REVIEW)] == ["阿海"]
    assert [ln.buyer for ln in ledger.lines(status="reserved")] == ["小林"]


def test_a_dozen_and_one_character_variants_in_a_chain(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}", STALL, "s")
    _apply(ledger, "#接龙 咸鸭蛋\n例：阿海 12\n1. 吃蛋 一打\n2. 阿坤 20")
    _apply(ledger, "#接龙 麻鸭 公鸭50 母鸭55\n例：张三 公1母1\n1. 老陈 母2\n2. 阿兰 1公1母\n3. 秋秋 公母各1只")
    assert _state(ledger) == {"吃蛋": {"egg": 12}, "阿坤": {"egg": 20}, "老陈": {"duck_f": 2},
                              "阿兰": {"duck_f": 1, "duck_m": 1}, "秋秋": {"duck_f": 1, "duck_m": 1}}


def test_a_word_two_offered_products_share_is_read_by_its_unit(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}", STALL, "s")
    _apply(ledger, "#接龙 河虾 鱿鱼\n例：张三 虾2斤\n1. 琴姐 虾一斤半\n2. 阿飞 虾两份\n3. 小马 鱿鱼1公斤")
    assert _state(ledger) == {"琴姐": {"prawn": 1.5}, "小马": {"squid": 2}}
    assert [ln.buyer for ln in ledger.lines(status=REVIEW)] == ["阿飞"]


def test_a_paid_remark_after_the_order_is_no_unreadable_word(ledger):
    _apply(ledger, HEAD + "1. 老王 芒果2斤已付\n2. 小李 草莓1斤（已转账）")
    assert _state(ledger) == {"老王": {"mango": 2}, "小李": {"strawberry": 1}}
    assert ledger.lines(status=REVIEW) == []


def test_a_copy_of_the_line_above_goes_to_review(ledger):
    _apply(ledger, HEAD + "1. 王阿姨 草莓2斤\n2. 美美 同款\n3. 小雨 楼上同款")
    assert _state(ledger) == {"王阿姨": {"strawberry": 2}}
    assert sorted(ln.buyer for ln in ledger.lines(status=REVIEW)) == ["小雨", "美美"]
