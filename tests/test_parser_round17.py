"""Parser round 17 (lead): a bunch (束) is a 把 of flowers; a message for the card (卡片写：生日快乐18岁) is a note
to the end of the comment, and its numbers are no goods."""

from __future__ import annotations

import pytest

from copilot.base.catalog import Catalog
from copilot.orders.rules import parse

SHOP = Catalog.from_dict({"products": [
    {"sku": "lily", "name": "香水百合", "link": 1, "unit": "把", "pack": "5支", "price": 39, "stock": 20},
    {"sku": "cake", "name": "草莓奶油蛋糕", "link": 2, "unit": "个", "price": 128, "stock": 10},
    {"sku": "basket", "name": "水果篮", "link": 3, "unit": "个", "price": 99, "stock": 10},
    {"sku": "greens", "name": "小青菜", "link": 4, "unit": "把", "price": 3, "stock": 50},
], "store": {"name": "测试礼品店"}})


@pytest.mark.parametrize("current, text", [("lily", "百合来两束"), ("lily", "要2束")])
def test_a_bunch_is_a_bundle(current, text):
    intent = parse(text, SHOP, current)
    assert not intent.needs_review, intent.reason
    assert [(i.sku, i.qty) for i in intent.items] == [("lily", 2.0)]


@pytest.mark.parametrize("text, note", [
    ("蛋糕来一个 卡片写：生日快乐18岁", "卡片写：生日快乐18岁"),
    ("水果篮一个 贺卡上写 祝外婆80大寿 福如东海", "贺卡上写 祝外婆80大寿 福如东海"),
    ("来一个 送到5栋 卡片：新婚快乐", "卡片：新婚快乐"),
])
def test_a_card_message_is_a_note_and_its_numbers_are_no_goods(text, note):
    intent = parse(text, SHOP, "cake" if "蛋糕" in text else "basket")
    assert not intent.needs_review, intent.reason
    assert [i.qty for i in intent.items] == [1.0]
    assert intent.note.replace(":", "：").endswith(note)  # notes keep the normalized text (an ASCII colon)


@pytest.mark.parametrize("text", ["有卡片吗", "卡片免费写吗", "卡片写什么好", "贺卡上写：可以写英文吗"])
def test_asking_about_a_card_is_no_note(text):
    intent = parse(text, SHOP, "cake")
    assert not intent.note and not intent.items
