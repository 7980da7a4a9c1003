"""群接龙, round 45: the chain's offer settles a word of the shop that names several products.

- An example line that writes an offered product by its family word (例：小明 鲜牛奶2瓶 under a header of 鲜牛奶大瓶 and
  酸奶大瓶) names the header's product, and does not put the whole family on offer (which left every member's
  鲜牛奶2瓶 to review).
- A number and the character (or letters) after it that several of the shop's names hold (20寸 of a 20寸拉杆箱 and of a 20寸
  保护套; 36V of a charger and of a battery) names the one the chain offers.
- Items joined by a space or + where a name ends with its own number (鲜奶250 1箱+酸奶200 2箱) are read item by
  item, each count with its unit closing one, as a comma would; a line with an item that reads as nothing stays
  for a person.
- A line that names a product with a count beside it, and whose reading books nothing of it, goes to a person
  rather than being booked in part.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.chains import chain_state
from tests.doubles import chain_apply, chain_ledger, chain_review

DAIRY = Catalog.from_dict({"products": [
    {"sku": "milk_1l", "name": "鲜牛奶 1L 大瓶", "aliases": ["鲜牛奶大瓶", "大瓶鲜牛奶"], "link": 1, "unit": "瓶",
     "price": 15, "stock": 80},
    {"sku": "milk_500", "name": "鲜牛奶 500ml 中瓶", "aliases": ["鲜牛奶中瓶", "中瓶鲜牛奶"], "link": 2, "unit": "瓶",
     "price": 9, "stock": 80},
    {"sku": "milk_box", "name": "鲜牛奶 250ml 12盒装", "aliases": ["鲜奶250", "250ml鲜牛奶"], "link": 3, "unit": "箱",
     "pack": "12盒", "price": 48, "stock": 40},
    {"sku": "yogurt_1l", "name": "原味酸奶 1L 大瓶", "aliases": ["酸奶大瓶", "大瓶酸奶"], "link": 4, "unit": "瓶",
     "price": 18, "stock": 60},
    {"sku": "yogurt_box", "name": "原味酸奶 200g 10杯装", "aliases": ["酸奶200", "200g酸奶"], "link": 5, "unit": "箱",
     "pack": "10杯", "price": 45, "stock": 40},
    {"sku": "milk_card", "name": "鲜牛奶月卡 30次", "aliases": ["鲜牛奶月卡", "奶卡"], "link": 7, "unit": "张",
     "price": 299, "stock": 20},
    {"sku": "cheese", "name": "奶酪棒 500g", "aliases": ["奶酪棒"], "link": 6, "unit": "袋", "price": 39, "stock": 30},
]})

LUGGAGE = Catalog.from_dict({"products": [
    {"sku": "case_20", "name": "铝框拉杆箱 20x40", "aliases": ["20寸拉杆箱", "登机箱"], "link": 1, "unit": "个",
     "price": 199, "stock": 20},
    {"sku": "case_24", "name": "铝框拉杆箱 24x60", "aliases": ["24寸拉杆箱", "托运箱"], "link": 2, "unit": "个",
     "price": 259, "stock": 20},
    {"sku": "cover_20", "name": "弹力箱套 20寸", "aliases": ["20寸箱套"], "link": 3, "unit": "个", "price": 29,
     "stock": 50},
    {"sku": "kids_24", "name": "儿童卡通拉杆箱 24寸", "aliases": ["儿童拉杆箱"], "link": 4, "unit": "个", "price": 159,
     "stock": 20},
    {"sku": "lock", "name": "海关密码锁", "aliases": ["密码锁"], "link": 5, "unit": "把", "price": 25, "stock": 50},
]})

POWER = Catalog.from_dict({"products": [
    {"sku": "chg_36", "name": "锂电充电器 36V", "aliases": ["36V充电器"], "link": 1, "unit": "个", "price": 89, "stock": 20},
    {"sku": "chg_72", "name": "锂电充电器 72V", "aliases": ["72V充电器"], "link": 2, "unit": "个", "price": 149,
     "stock": 20},
    {"sku": "bat_36", "name": "锂电池 36V 12Ah", "aliases": ["36V电池"], "link": 3, "unit": "块", "price": 699, "stock": 10},
    {"sku": "bat_72", "name": "锂电池 72V 20Ah", "aliases": ["72V电池"], "link": 4, "unit": "块", "price": 1299,
     "stock": 10},
]})


def test_an_example_line_writing_the_offer_by_its_family_word_does_not_offer_the_whole_family(tmp_path):
    ledger = chain_ledger(tmp_path, DAIRY)
    chain_apply(ledger, "#接龙 周六送奶 鲜牛奶大瓶 15元/瓶 酸奶大瓶 18元/瓶 每人限4瓶\n例：小明 鲜牛奶2瓶\n"
                        "1. 李姐鲜牛奶2瓶\n2. 阿芬 1鲜牛奶2酸奶\n3. 老周 鲜牛奶1瓶 酸奶1瓶")
    assert chain_state(ledger) == {"李姐": {"milk_1l": 2}, "阿芬": {"milk_1l": 1, "yogurt_1l": 2},
                                   "老周": {"milk_1l": 1, "yogurt_1l": 1}}
    assert chain_review(ledger) == []


def test_a_family_word_the_header_does_not_settle_stays_for_a_person(tmp_path):
    ledger = chain_ledger(tmp_path, DAIRY)  # control: both 鲜牛奶 bottles on offer, 鲜牛奶2瓶 is either
    chain_apply(ledger, "#接龙 周六送奶 鲜牛奶大瓶 15元 鲜牛奶中瓶 9元\n例：小明 鲜牛奶大瓶2瓶\n"
                        "1. 李姐 鲜牛奶2瓶\n2. 阿芬 鲜牛奶中瓶1瓶")
    assert chain_state(ledger) == {"阿芬": {"milk_500": 1}}
    assert chain_review(ledger) == ["李姐"]


def test_a_number_and_its_character_that_several_names_hold_is_the_one_on_offer(tmp_path):
    ledger = chain_ledger(tmp_path, LUGGAGE)
    chain_apply(ledger, "#接龙 拉杆箱拼团 铝框拉杆箱 20x40 199元/个 铝框拉杆箱 24x60 259元/个 每人限2个\n"
                        "例：小明 20寸1个\n1. 李姐 20寸1个\n2. 老周24寸2个\n3. 8栋阿芬 20寸1个 24寸1个")
    assert chain_state(ledger) == {"李姐": {"case_20": 1}, "老周": {"case_24": 2},
                                   "8栋阿芬": {"case_20": 1, "case_24": 1}}
    assert chain_review(ledger) == []


def test_a_number_and_its_letters_that_several_names_hold_is_the_one_on_offer(tmp_path):
    ledger = chain_ledger(tmp_path, POWER)  # 36V is a charger and a battery of the shop; the chain sells chargers
    chain_apply(ledger, "#接龙 充电器拼单 锂电充电器 36V 89元 锂电充电器 72V 149元\n例：小明 36V 1个\n"
                        "1. 李姐 36V 1个\n2. 老周72V2个\n3. 阿芬 36v一个")
    assert chain_state(ledger) == {"李姐": {"chg_36": 1}, "老周": {"chg_72": 2}, "阿芬": {"chg_36": 1}}
    assert chain_review(ledger) == []


def test_items_joined_by_a_space_or_plus_after_names_ending_in_a_number_are_read_item_by_item(tmp_path):
    ledger = chain_ledger(tmp_path, DAIRY)
    chain_apply(ledger, "#接龙 整箱奶 鲜奶250 48元/箱 酸奶200 45元/箱 奶酪棒 39元/袋 每人各限3箱\n"
                        "例：小明 鲜奶250 1箱\n1. 小芳 鲜奶250 1箱+酸奶200 2箱\n2. 老K 酸奶200 1箱 鲜奶250 2箱\n"
                        "3. 阿May 鲜奶250 1箱 奶酪棒2袋\n4. 阿强 鲜奶250 两箱 酸奶200 一箱")
    assert chain_state(ledger) == {"小芳": {"milk_box": 1, "yogurt_box": 2}, "老K": {"yogurt_box": 1, "milk_box": 2},
                                   "阿May": {"milk_box": 1, "cheese": 2}, "阿强": {"milk_box": 2, "yogurt_box": 1}}
    assert chain_review(ledger) == []


def test_items_apart_keep_a_line_with_an_unread_item_for_a_person(tmp_path):
    ledger = chain_ledger(tmp_path, DAIRY)  # control: 豆浆 is not sold here, so 老K's line is not booked in part
    chain_apply(ledger, "#接龙 整箱奶 鲜奶250 48元/箱 酸奶200 45元/箱\n例：小明 鲜奶250 1箱\n"
                        "1. 老K 鲜奶250 1箱 豆浆2箱\n2. 小芳 酸奶200 1箱")
    assert chain_state(ledger) == {"小芳": {"yogurt_box": 1}}
    assert chain_review(ledger) == ["老K"]


def test_a_line_naming_a_product_with_a_count_it_books_nothing_of_is_not_booked_in_part(tmp_path):
    ledger = chain_ledger(tmp_path, DAIRY)  # 鲜奶250一箱 reads as nothing: the line is not booked as 酸奶 alone
    chain_apply(ledger, "#接龙 整箱奶 鲜奶250 48元/箱 酸奶200 45元/箱\n例：小明 鲜奶250 1箱\n"
                        "1. 小芳 鲜奶250一箱 酸奶200两箱\n2. 老K 酸奶200两箱 换奶酪棒")
    assert chain_state(ledger) == {"老K": {"yogurt_box": 2}}  # 换奶酪棒: a remark with no count, no item
    assert chain_review(ledger) == ["小芳"]
