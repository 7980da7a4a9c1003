"""群接龙, round 30: a dozen (半打, 一打) counts only goods sold by the 个 or packed in 个, never bottles through
the 个 rule (a person asks); a size word several products share (大杯) is the one of the family the header
names in full (现煮奶茶 中杯 … 大杯), not another product's."""

from __future__ import annotations

from doubles import chain_apply as _apply
from doubles import chain_ledger as _ledger
from doubles import chain_review as _review

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state
from copilot.orders.parser import IntentParser

SOY = Catalog.from_dict({"products": [  # a breakfast stall: soy milk by the bottle, buns by the piece
    {"sku": "soy_milk", "name": "现磨豆浆 500ml", "aliases": ["豆浆", "现磨豆浆"], "link": 1, "unit": "瓶", "price": 5,
     "stock": 80},
    {"sku": "bun", "name": "鲜肉包", "aliases": ["肉包"], "link": 2, "unit": "个", "price": 2, "stock": 200},
    {"sku": "cruller_box", "name": "油条 12根装", "aliases": ["油条"], "link": 3, "unit": "盒", "pack": "12根", "price": 15,
     "stock": 30},
]})

TEA = Catalog.from_dict({"products": [  # a tea-drink kiosk: milk tea in two cup sizes, orange juice in the large cup
    {"sku": "milktea_m", "name": "现煮奶茶 中杯", "aliases": ["中杯奶茶"], "link": 1, "unit": "杯", "price": 10, "stock": 50},
    {"sku": "milktea_l", "name": "现煮奶茶 大杯", "aliases": ["大杯奶茶"], "link": 2, "unit": "杯", "price": 13, "stock": 50},
    {"sku": "juice_l", "name": "鲜榨橙汁 大杯", "aliases": ["橙汁"], "link": 3, "unit": "杯", "price": 15, "stock": 50},
]})


def test_half_a_dozen_bottles_in_a_single_product_chain_goes_to_review(tmp_path):
    ledger = _ledger(tmp_path, SOY)
    _apply(ledger, "#接龙 现磨豆浆500ml 5元/瓶 明早7点\n例：小明 2\n1. 小雨2\n2. Lucky 周 半打\n3. 阿梅 一打")
    assert chain_state(ledger) == {"小雨": {"soy_milk": 2}}
    assert _review(ledger) == ["Lucky 周", "阿梅"]


def test_a_dozen_of_bottles_said_live_goes_to_review():
    intent = IntentParser(SOY).parse("豆浆来一打", None)
    assert intent.needs_review and not intent.items


def test_a_dozen_still_counts_pieces_and_packs_of_pieces():
    parse = IntentParser(SOY).parse
    assert [(i.sku, i.qty) for i in parse("肉包来一打", None).items] == [("bun", 12)]
    assert [(i.sku, i.qty) for i in parse("肉包来半打", None).items] == [("bun", 6)]


def test_a_shared_size_word_is_the_one_of_the_family_the_header_names(tmp_path):
    ledger = _ledger(tmp_path, TEA)
    _apply(ledger, "#接龙 明天现煮奶茶 中杯10 大杯13 每人限4杯\n例：小明 中杯1杯\n"
                   "1. 李姐中杯2\n2. 阿 K 大杯2杯\n3. 🌸花姐🌸 2杯大杯")
    assert chain_state(ledger) == {"李姐": {"milktea_m": 2}, "阿 K": {"milktea_l": 2}, "🌸花姐🌸": {"milktea_l": 2}}
    assert _review(ledger) == []


def test_a_shared_size_word_without_a_family_in_the_header_stays_review(tmp_path):
    ledger = _ledger(tmp_path, TEA)
    _apply(ledger, "#接龙 明天饮品 大杯13起 每人限4杯\n例：小明 大杯1杯\n1. 阿 K 大杯2杯")
    assert chain_state(ledger) == {}
    assert _review(ledger) == ["阿 K"]


LAMPS = Catalog.from_dict({"products": [  # a lighting stall: bulbs by socket size, sold as separate links
    {"sku": "bulb_e27", "name": "LED灯泡 E27 一只", "aliases": ["E27灯泡", "e27灯泡"], "link": 1, "unit": "只", "price": 9,
     "stock": 50},
    {"sku": "bulb_e14", "name": "LED灯泡 E14 一只", "aliases": ["E14灯泡", "e14灯泡"], "link": 2, "unit": "只", "price": 8,
     "stock": 50},
    {"sku": "switch", "name": "墙壁开关", "aliases": ["开关"], "link": 3, "unit": "个", "price": 12, "stock": 50},
    {"sku": "tape", "name": "电工胶布", "aliases": ["胶布"], "link": 4, "unit": "卷", "price": 3, "stock": 50},
]})


def test_a_latin_nickname_after_one_character_stays_the_nickname(tmp_path):
    ledger = _ledger(tmp_path, SOY)
    _apply(ledger, "#接龙 现磨豆浆500ml 5元/瓶\n例：小明 2\n1. 阿 May 2\n2. 小 Kiki 1瓶")
    assert chain_state(ledger) == {"阿 May": {"soy_milk": 2}, "小 Kiki": {"soy_milk": 1}}
    assert _review(ledger) == []


def test_a_model_word_of_an_offered_product_beside_another_item_is_not_dropped(tmp_path):
    ledger = _ledger(tmp_path, LAMPS)
    _apply(ledger, "#接龙 灯泡开关补货\nE27灯泡9/只 E14灯泡8/只 开关12/个 胶布3/卷\n例：小明 E27 2只\n"
                   "1. 王叔 E27两只、开关1个\n2. 阿梅 E14一只+胶布2卷")
    assert chain_state(ledger) == {"王叔": {"bulb_e27": 2, "switch": 1}, "阿梅": {"bulb_e14": 1, "tape": 2}}
    assert _review(ledger) == []


CANDLES = Catalog.from_dict({"products": [  # a gift shop: scented candles in a choice of scents, gift bags
    {"sku": "candle", "name": "香薰蜡烛", "aliases": ["蜡烛"], "link": 1, "unit": "个", "price": 29, "stock": 50},
    {"sku": "gift_bag", "name": "礼品袋", "aliases": ["手提袋"], "link": 2, "unit": "个", "price": 3, "stock": 50},
]})


def test_a_choice_the_header_lists_glued_after_the_count_is_a_remark(tmp_path):
    ledger = _ledger(tmp_path, CANDLES)
    _apply(ledger, "#接龙 香薰蜡烛补货\n香薰蜡烛 29/个（雪松/琥珀/无花果） 礼品袋3元\n例：小明 蜡烛1个雪松\n"
                   "1. 12号 蜡烛2个琥珀 礼品袋1个\n2. 阿珍 蜡烛1个无花果")
    assert chain_state(ledger) == {"12号": {"candle": 2, "gift_bag": 1}, "阿珍": {"candle": 1}}
    assert _review(ledger) == []


def test_an_unlisted_word_glued_after_the_count_still_goes_to_review(tmp_path):
    ledger = _ledger(tmp_path, CANDLES)
    _apply(ledger, "#接龙 香薰蜡烛补货\n香薰蜡烛 29/个（雪松/琥珀） 礼品袋3元\n例：小明 蜡烛1个雪松\n1. 阿珍 蜡烛1个玫瑰")
    assert chain_state(ledger) == {}
    assert _review(ledger) == ["阿珍"]


def test_a_count_then_a_latin_model_remark_in_a_one_product_chain_is_the_count(tmp_path):
    shop = Catalog.from_dict({"products": [  # a bike shop: one seat cover sewn to the model
        {"sku": "seat_cover", "name": "定做车座套", "aliases": ["车座套"], "link": 1, "unit": "套", "price": 68, "stock": 30},
        {"sku": "bell", "name": "车铃", "link": 2, "unit": "个", "price": 9, "stock": 30},
    ]})
    ledger = _ledger(tmp_path, shop)
    _apply(ledger, "#接龙 定做车座套 68/套 每人限2套\n下单请写车型\n例：小明 1套 捷安特\n"
                   "1. 阿 May 1套 ATX-860 26寸\n2. 小林 1套 XTC 2套不要了\n3. 老周 2套 车铃1个\n4. Tony 1套 UCC?")
    assert chain_state(ledger) == {"阿 May": {"seat_cover": 1}, "老周": {"seat_cover": 2, "bell": 1}}
    assert _review(ledger) == ["Tony", "小林"]
