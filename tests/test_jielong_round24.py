"""群接龙, round 24 (tuning set 24): a member's line naming a kind word that several packs of the same piece share
(作业本 where 拼音田格作业本 and 数学方格练习本 are both 10本 packs) is the whole member in review, never booked as one
of them; quantity-first one-character variants of a pair (1黑1红 of 黑枣 / 红枣, although 黑色芝麻糊 also starts with
黑) book both. Every store here is invented (no stationery shop)."""

from __future__ import annotations

from doubles import chain_ledger, shop

from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

BOOKS = shop("测试童书店", ("pinyin", "拼音田格作业本 10本装", "包", 6, {"aliases": ["拼音田格本"], "pack": "10本"}),
             ("maths", "数学方格练习本 10本装", "包", 6, {"aliases": ["数学方格本"], "pack": "10本"}),
             ("story", "儿童绘本故事书", "套", 39, {"aliases": ["绘本"]}),
             ("sticker", "卡通贴纸", "张", 2, {"aliases": ["贴纸"]}))
DATES = shop("测试干货店", ("red", "新疆红枣 500克装", "袋", 25, {"aliases": ["红枣"]}),
             ("black", "乌枣黑枣 500克装", "袋", 28, {"aliases": ["黑枣"]}),
             ("sesame", "黑色芝麻糊 500克装", "袋", 19, {"aliases": ["芝麻糊"]}))


def test_a_kind_word_of_several_packs_sends_the_member_to_review(tmp_path):
    ledger = chain_ledger(tmp_path, BOOKS)
    parse = IntentParser(BOOKS).parse
    head = "#接龙 绘本39元/套 贴纸2元/张\n例：小明 绘本1套\n1. 小芳 绘本1套\n"
    apply_chain(ledger, head + "2. 乐乐妈 贴纸3张，作业本2包\n", parse)
    assert chain_state(ledger) == {"小芳": {"story": 1.0}}  # nothing of 乐乐妈 booked, not even the stickers
    assert {ln.buyer for ln in ledger.lines(status=REVIEW)} == {"乐乐妈"}
    apply_chain(ledger, head + "2. 乐乐妈 贴纸3张，拼音田格本2包\n", parse)
    assert chain_state(ledger)["乐乐妈"] == {"sticker": 3.0, "pinyin": 2.0}


def test_quantity_first_pair_variants(tmp_path):
    ledger = chain_ledger(tmp_path, DATES)
    parse = IntentParser(DATES).parse
    apply_chain(ledger, "#接龙 干货团 红枣25元/袋 黑枣28元/袋 黑芝麻糊19元/袋\n例：小明 红枣1袋\n1. 阿梅 红枣2袋\n2. 晴天 1黑1红\n3. 老王 2红\n", parse)
    state = chain_state(ledger)
    assert state["晴天"] == {"black": 1.0, "red": 1.0} and state["阿梅"] == {"red": 2.0} and state["老王"] == {"red": 2.0}
