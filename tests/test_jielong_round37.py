"""群接龙, round 37: a member's nickname that starts with a building or floor number glued to the numbering
(``3.12号楼老李``, ``4.8幢Coco``) is entry 3 / 4, not a price 3.12; 米粉 is any rice noodle in speech (米线, 螺蛳粉), so
said beside a 米线 it names no one product; a unit that tells apart packs of the same goods picks the listing sold
in it when the listing's name carries the pack's count (``整箱24瓶``), and when the word said is a part of one
listing's names only (饮用水 of 整箱饮用水, said with 瓶). Every store here is invented (no instant-food shop)."""

from __future__ import annotations

from doubles import chain_pasted

from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser

FRUIT = Catalog.from_dict({"products": [
    {"sku": "grape", "name": "阳光玫瑰葡萄", "aliases": ["葡萄", "阳光玫瑰"], "link": 1, "unit": "串", "price": 39,
     "stock": 100, "limit_per_buyer": 5},
]})

BREAKFAST = Catalog.from_dict({"products": [
    {"sku": "fried_rice_noodle", "name": "江西炒米粉", "aliases": ["炒米粉"], "link": 1, "unit": "份", "price": 12,
     "stock": 50},
    {"sku": "rice_line", "name": "云南过桥米线", "aliases": ["过桥米线"], "link": 2, "unit": "份", "price": 18,
     "stock": 50},
    {"sku": "soy_milk", "name": "现磨豆浆", "aliases": ["豆浆"], "link": 3, "unit": "杯", "price": 4, "stock": 80},
]})

WATER = Catalog.from_dict({"products": [
    {"sku": "water_one", "name": "山泉饮用水 单瓶", "aliases": ["单瓶山泉水"], "link": 1, "unit": "瓶", "price": 2,
     "stock": 500},
    {"sku": "water_case", "name": "山泉饮用水 整箱24瓶", "aliases": ["整箱山泉水", "整箱饮用水"], "link": 2, "unit": "箱",
     "pack": "24瓶", "price": 40, "stock": 40, "limit_per_buyer": 3},
    {"sku": "tissue", "name": "抽纸 3层", "aliases": ["抽纸"], "link": 3, "unit": "提", "price": 19, "stock": 60},
]})


def test_a_building_number_glued_to_the_numbering_is_the_members_not_a_price(tmp_path):
    state, review = chain_pasted(tmp_path, FRUIT, "#接龙 阳光玫瑰葡萄 39元一串\n例：小明 葡萄2串\n1.小芳 葡萄2串\n"
                                            "2.3栋王姐 1串\n3.12号楼老李 葡萄2串\n4.8幢Coco 葡萄1串\n")
    assert state["12号楼老李"] == {"grape": 2.0} and state["8幢Coco"] == {"grape": 1.0}
    assert state["小芳"] == {"grape": 2.0} and state["3栋王姐"] == {"grape": 1.0} and not review


def test_a_decimal_price_line_is_still_no_entry(tmp_path):
    state, review = chain_pasted(tmp_path, FRUIT, "#接龙 阳光玫瑰葡萄\n9.9元一斤 两斤起\n例：小明 葡萄2串\n1.小芳 葡萄2串\n")
    assert state == {"小芳": {"grape": 2.0}} and not review


def test_rice_noodle_beside_a_rice_line_names_no_one_product(tmp_path):
    state, review = chain_pasted(tmp_path, BREAKFAST, "#接龙 明早早餐\n例：小明 豆浆1杯\n1、老K 米粉1份，豆浆2杯\n"
                                                "2、Amy 炒米粉2份\n3、小雨 过桥米线1份\n")
    assert "老K" in review and "老K" not in state  # 米粉: the 炒米粉 or the 米线? a person asks
    assert state["Amy"] == {"fried_rice_noodle": 2.0} and state["小雨"] == {"rice_line": 1.0}
    rice = IntentParser(BREAKFAST).parse("米粉来一份", None)
    assert rice.needs_review and not rice.items


def test_a_unit_picks_the_listing_whose_name_carries_the_packs_count(tmp_path):
    state, review = chain_pasted(tmp_path, WATER, "#接龙 山泉饮用水 2元/瓶 40元/箱(24瓶)\n例：小明 饮用水1箱\n"
                                            "1. 大刘 山泉饮用水2箱\n2. 小美 山泉饮用水6瓶\n3. 阿强 饮用水6瓶 抽纸1提\n")
    assert state["大刘"] == {"water_case": 2.0}  # 箱 picks the 整箱24瓶 of the same goods
    assert state["小美"] == {"water_one": 6.0}
    assert state["阿强"] == {"water_one": 6.0, "tissue": 1.0}  # 饮用水 of 整箱饮用水 alone, said with 瓶: the 单瓶
    assert not review


def test_the_pack_named_in_full_is_not_swapped_for_its_single(tmp_path):
    intent = IntentParser(WATER).parse("整箱饮用水6瓶", None)
    assert [i.sku for i in intent.items] == ["water_case"] and intent.needs_review  # 6瓶 of a 24瓶 case: ask
