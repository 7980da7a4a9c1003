"""群接龙 round 47, general readings found on the butcher (intents_blind47) and luggage (intents_blind48) chains, tried
on invented stores:

- 肉 and a head said alone (肉卷, 肉丸) in a chain that offers several goods of that head made of meat (猪肉卷 and 肥羊卷,
  鸡肉丸 and 牛筋丸) names either, though one name only holds the word: review, never a booking of the one that holds it;
  with one such product offered, or the other of no meat (鱼丸), it is that product;
- a long whole thing (根 / 支 / 条) of goods sold by the 只 counts one of them (一条鸭腿, 两根鸡腿 = 只);
- a header that prices goods per unit (钥匙扣8元/个) offers the listing sold in that unit, not the same goods' other pack
  (钥匙扣 5个装 by the 包), unless it names, prices or counts that pack too.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

HOTPOT = Catalog.from_dict({"products": [
    {"sku": "pork_roll", "name": "黑猪肉卷 250g", "aliases": ["黑猪肉卷", "猪肉卷"], "link": 1, "unit": "盒", "price": 28,
     "stock": 50},
    {"sku": "mutton_roll", "name": "肥羊卷 250g", "aliases": ["肥羊卷", "肥羊"], "link": 2, "unit": "盒", "price": 32,
     "stock": 50},
    {"sku": "chicken_ball", "name": "鸡肉丸", "link": 3, "unit": "袋", "price": 15, "stock": 50},
    {"sku": "tendon_ball", "name": "牛筋丸", "link": 4, "unit": "袋", "price": 25, "stock": 50},
    {"sku": "fish_ball", "name": "潮汕鱼丸", "aliases": ["鱼丸"], "link": 5, "unit": "袋", "price": 22, "stock": 50},
]})
ROAST = Catalog.from_dict({"products": [
    {"sku": "duck_leg", "name": "酱香鸭腿", "aliases": ["鸭腿"], "link": 1, "unit": "只", "price": 9, "stock": 40},
    {"sku": "duck_neck", "name": "卤鸭脖", "aliases": ["鸭脖"], "link": 2, "unit": "斤", "price": 30, "stock": 40},
]})
GIFTS = Catalog.from_dict({"products": [
    {"sku": "keyring", "name": "卡通钥匙扣 单个", "aliases": ["单个钥匙扣"], "link": 1, "unit": "个", "price": 8,
     "stock": 60},
    {"sku": "keyring_pack", "name": "卡通钥匙扣 5个装", "aliases": ["钥匙扣5个装"], "link": 2, "unit": "包",
     "price": 35, "stock": 20, "pack": "5个"},
    {"sku": "badge", "name": "搪瓷徽章", "aliases": ["徽章"], "link": 3, "unit": "枚", "price": 12, "stock": 60},
]})


def _run(catalog, tmp_path, text):
    tmp_path.mkdir(exist_ok=True)
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", catalog, "2026-12-01")
    apply_chain(ledger, text, IntentParser(catalog).parse)
    return chain_state(ledger), sorted(ln.buyer for ln in ledger.lines(status=REVIEW))


def test_meat_and_a_head_names_every_offered_meat_of_that_head(tmp_path):
    state, review = _run(HOTPOT, tmp_path, "#接龙 周五火锅 黑猪肉卷250g 28元/盒 肥羊卷250g 32元/盒\n例：小明 肥羊2盒\n"
                                           "1. 小美 肉卷2盒\n2. 阿强 猪肉卷1盒\n3. 老王 肥羊2盒")
    assert state == {"阿强": {"pork_roll": 1}, "老王": {"mutton_roll": 2}}
    assert review == ["小美"]


def test_meat_ball_beside_another_meat_ball_is_review(tmp_path):
    state, review = _run(HOTPOT, tmp_path, "#接龙 丸子团 鸡肉丸 牛筋丸\n例：小明 牛筋丸1袋\n"
                                           "1. 🌸花花 肉丸2袋\n2. 阿May 牛筋丸1袋")
    assert state == {"阿May": {"tendon_ball": 1}}
    assert review == ["🌸花花"]


def test_meat_and_a_head_with_one_meat_offered_is_that_one(tmp_path):
    state, review = _run(HOTPOT, tmp_path / "one", "#接龙 黑猪肉卷 28元/盒\n例：小明 2盒\n1. 小美 肉卷2盒")
    assert state == {"小美": {"pork_roll": 2}} and review == []
    state, review = _run(HOTPOT, tmp_path / "fish", "#接龙 丸子团 鸡肉丸 潮汕鱼丸\n例：小明 鱼丸1袋\n"
                                                    "1. 小美 肉丸2袋 鱼丸1袋")  # a fish ball is no 肉丸
    assert state == {"小美": {"chicken_ball": 2, "fish_ball": 1}} and review == []


def test_sticks_and_strips_count_goods_sold_by_the_zhi(tmp_path):
    state, review = _run(ROAST, tmp_path, "#接龙 酱香鸭腿 9元/只\n例：小明 2只\n"
                                          "1. 小美 2条\n2. 阿强 鸭腿3根\n3. 老王 1只")
    assert state == {"小美": {"duck_leg": 2}, "阿强": {"duck_leg": 3}, "老王": {"duck_leg": 1}}
    assert review == []
    intent = IntentParser(ROAST).parse("来两条", "duck_leg")
    assert [(i.sku, i.qty) for i in intent.items] == [("duck_leg", 2)] and not intent.needs_review


def test_a_strip_of_goods_sold_by_weight_still_asks(tmp_path):
    state, review = _run(ROAST, tmp_path, "#接龙 卤鸭脖 30元/斤\n例：小明 1斤\n1. 小美 鸭脖2条")
    assert state == {} and review == ["小美"]


def test_a_price_per_unit_offers_the_listing_sold_in_it(tmp_path):
    state, review = _run(GIFTS, tmp_path, "#接龙 开学小礼物 钥匙扣8元/个\n例：小明 钥匙扣1个\n"
                                          "1. 阿强 2\n2. 小美 3个")
    assert state == {"阿强": {"keyring": 2}, "小美": {"keyring": 3}}
    assert review == []


def test_a_price_per_unit_beside_a_priced_pack_offers_both(tmp_path):
    # the 5个装 written in the header made it the only 钥匙扣 offered: a bare 2 was booked as two packs
    state, review = _run(GIFTS, tmp_path, "#接龙 开学小礼物 钥匙扣8元/个 5个装35元/包\n例：小明 钥匙扣1个\n"
                                          "1. 阿强 2\n2. 小美 钥匙扣5个装1包")
    assert state == {"小美": {"keyring_pack": 1}}
    assert review == ["阿强"]


LAMPS = Catalog.from_dict({"products": [
    {"sku": "bulb_5w", "name": "暖光灯泡 5W", "aliases": ["5W灯泡"], "link": 1, "unit": "个", "price": 4, "stock": 80},
    {"sku": "bulb_12w", "name": "暖光灯泡 12W", "aliases": ["12W灯泡"], "link": 2, "unit": "个", "price": 7, "stock": 80},
    {"sku": "book_34", "name": "口算练习册 3-4年级", "aliases": ["中年级口算"], "link": 3, "unit": "本", "price": 9,
     "stock": 50},
    {"sku": "book_56", "name": "口算练习册 5-6年级", "aliases": ["高年级口算"], "link": 4, "unit": "本", "price": 9,
     "stock": 50},
]})


def test_specs_listed_after_one_name_offer_each_listing(tmp_path):
    # the header writes the first listing's whole name, then the other's spec alone: a bare count names neither
    state, review = _run(LAMPS, tmp_path / "w", "#接龙 暖光灯泡 5W 4元/个 12W 7元/个\n例：小明 5W2个\n"
                                                 "1. 小美 3个\n2. 阿强 12W2个")
    assert state == {"阿强": {"bulb_12w": 2}} and review == ["小美"]
    state, review = _run(LAMPS, tmp_path / "g", "#接龙 口算练习册 3-4年级 / 5-6年级 9元\n例：小明 3-4年级1本\n"
                                                 "1. 小美 2本\n2. 阿强 高年级口算1本")
    assert state == {"阿强": {"book_56": 1}} and review == ["小美"]


def test_a_spec_after_a_limit_offers_nothing(tmp_path):
    state, review = _run(LAMPS, tmp_path, "#接龙 暖光灯泡 5W 4元/个 每人限12个\n例：小明 2个\n1. 小美 3个")
    assert state == {"小美": {"bulb_5w": 3}} and review == []


PANTRY = Catalog.from_dict({"products": [
    {"sku": "rice_loose", "name": "五常大米", "aliases": ["大米"], "link": 1, "unit": "斤", "price": 6, "stock": 300},
    {"sku": "rice_sack", "name": "五常大米 整袋20斤", "link": 2, "unit": "袋", "price": 110, "stock": 30,
     "pack": "20斤"},
    {"sku": "oil", "name": "花生油 5L", "aliases": ["花生油"], "link": 3, "unit": "桶", "price": 89, "stock": 30},
]})


def test_goods_named_by_a_listing_the_chain_does_not_offer_are_asked_in_its_pack(tmp_path):
    # the chain sells the 20斤 sack only: 大米40斤 is two sacks, not 40 斤 of the loose rice it does not offer
    state, review = _run(PANTRY, tmp_path, "#接龙 新米到了 五常大米 整袋20斤 110元 花生油89元/桶\n例：小明 2袋\n"
                                           "1. 小美 大米40斤\n2. 阿强 大米10斤\n3. 老王 大米20斤 花生油1桶")
    assert state == {"小美": {"rice_sack": 2}, "老王": {"rice_sack": 1, "oil": 1}}
    assert review == ["阿强"]


def test_a_word_of_the_one_offered_listing_with_a_count_is_that_listing(tmp_path):
    # the header sells the single 钥匙扣 only: 钥匙扣3个 is three of it, as 3个 alone would be (the chain is the screen)
    state, review = _run(GIFTS, tmp_path, "#接龙 开学小礼物 单个钥匙扣 8元\n例：小明 1个\n"
                                          "1. 小美 钥匙扣3个\n2. 老王 2")
    assert state == {"小美": {"keyring": 3}, "老王": {"keyring": 2}}
    assert review == []
