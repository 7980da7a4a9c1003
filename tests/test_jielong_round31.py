"""群接龙, round 31: the example line names products but narrows no family word of the header (猫粮另加 still offers
every 猫粮, whatever kind the example wrote); a grade code glued to the nickname (李姐5W-30 1桶) or to the count
(0w20两桶) is the product's; a weight the product's name holds, as its pack (曼特宁454克), is that many packs."""

from __future__ import annotations

from doubles import chain_apply as _apply
from doubles import chain_ledger as _ledger
from doubles import chain_review as _review

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state

PETS = Catalog.from_dict({"products": [
    {"sku": "food_adult", "name": "成猫猫粮", "aliases": ["成猫粮"], "link": 1, "unit": "袋", "price": 69, "stock": 50},
    {"sku": "food_kitten", "name": "幼猫猫粮", "aliases": ["幼猫粮"], "link": 2, "unit": "袋", "price": 79, "stock": 50},
    {"sku": "litter", "name": "豆腐猫砂", "aliases": ["猫砂"], "link": 3, "unit": "包", "price": 35, "stock": 50},
    {"sku": "can_tuna", "name": "金枪鱼猫罐头", "aliases": ["猫罐头"], "link": 5, "unit": "罐", "price": 8, "stock": 90},
]})


def test_the_example_narrows_no_family_word_of_the_header(tmp_path):
    ledger = _ledger(tmp_path, PETS)
    _apply(ledger, "#接龙 周末猫咪团 豆腐猫砂35 猫粮另加\n例：小明 猫砂1包 成猫猫粮1袋\n"
                   "1. 阿梅 猫砂2包 成猫粮1袋\n2. Kevin王 猫砂1包 猫粮2袋")
    assert chain_state(ledger) == {"阿梅": {"litter": 2, "food_adult": 1}}
    assert _review(ledger) == ["Kevin王"]


def test_the_example_still_names_what_it_offers(tmp_path):
    ledger = _ledger(tmp_path, PETS)
    _apply(ledger, "#接龙 周末猫咪团\n例：小明 猫砂1包\n1. 阿梅 2")
    assert chain_state(ledger) == {"阿梅": {"litter": 2}}


LAMPS = Catalog.from_dict({"products": [
    {"sku": "bulb_9w", "name": "LED球泡灯 9W", "aliases": ["9W灯泡"], "link": 1, "unit": "个", "price": 9, "stock": 90},
    {"sku": "bulb_12w", "name": "LED球泡灯 12W", "aliases": ["12W灯泡"], "link": 2, "unit": "个", "price": 12,
     "stock": 90},
    {"sku": "pencil_2b", "name": "考试铅笔 2B", "link": 3, "unit": "支", "price": 2, "stock": 90},
    {"sku": "pencil_4b", "name": "素描铅笔 4B", "link": 4, "unit": "支", "price": 3, "stock": 90},
]})


def test_a_mark_glued_to_the_nickname_is_the_orders(tmp_path):
    ledger = _ledger(tmp_path, LAMPS)
    _apply(ledger, "#接龙 灯泡团购 9W 9元 12W 12元\n例：小明 9W 1个\n1. 李姐9W 2个\n2. 王哥 12W 3个")
    assert chain_state(ledger) == {"李姐": {"bulb_9w": 2}, "王哥": {"bulb_12w": 3}}
    assert _review(ledger) == []


def test_a_mark_glued_to_a_count_in_words_is_no_count(tmp_path):
    ledger = _ledger(tmp_path, LAMPS)
    _apply(ledger, "#接龙 开学铅笔 2B 2元 4B 3元\n例：小明 2B 1支\n1. 小林2019 4B两支\n2. 阿梅 2B三支")
    assert chain_state(ledger) == {"小林2019": {"pencil_4b": 2}, "阿梅": {"pencil_2b": 3}}
    assert _review(ledger) == []


def test_a_nickname_holding_digits_and_a_letter_is_no_mark(tmp_path):
    ledger = _ledger(tmp_path, LAMPS)
    _apply(ledger, "#接龙 灯泡团购 9W 9元 12W 12元\n1. 阿K9 12W灯泡2个")
    assert chain_state(ledger) == {"阿K9": {"bulb_12w": 2}}


TREATS = Catalog.from_dict({"products": [
    {"sku": "freeze_chicken", "name": "鸡肉冻干 500g", "aliases": ["鸡肉冻干"], "link": 1, "unit": "袋", "pack": "500克",
     "price": 59, "stock": 40},
    {"sku": "freeze_duck", "name": "鸭肉冻干 200g", "aliases": ["鸭肉冻干"], "link": 2, "unit": "袋", "pack": "200克",
     "price": 29, "stock": 40},
    {"sku": "litter_6l", "name": "豆腐猫砂 6L", "aliases": ["豆腐猫砂"], "link": 3, "unit": "包", "price": 25, "stock": 40},
]})


def test_the_weight_its_name_holds_is_that_many_packs(tmp_path):
    ledger = _ledger(tmp_path, TREATS)
    _apply(ledger, "#接龙 冻干团 鸡肉冻干500g/袋 鸭肉冻干200g/袋\n例：小明 鸡肉冻干1袋\n"
                   "1. 10栋老刘 鸡肉冻干500克\n2. 阿梅 鸭肉冻干 200g\n3. 大伟 鸡肉冻干2袋")
    want = {"10栋老刘": {"freeze_chicken": 1}, "阿梅": {"freeze_duck": 1}, "大伟": {"freeze_chicken": 2}}
    assert chain_state(ledger) == want
    assert _review(ledger) == []


def test_a_size_that_is_no_pack_weight_stays_for_review(tmp_path):
    ledger = _ledger(tmp_path, TREATS)
    _apply(ledger, "#接龙 猫砂团 豆腐猫砂6L 25元 鸡肉冻干500g\n1. 阿梅 豆腐猫砂6L\n2. 小林 鸡肉冻干500克 磨碎")
    assert chain_state(ledger) == {}
    assert _review(ledger) == ["小林", "阿梅"]
