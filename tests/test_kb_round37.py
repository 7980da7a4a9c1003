"""Knowledge base, round 37: readings the round's stores lacked, on an invented store (a community watch-repair
counter and kids' go club).

- A short line of a numbered outline over items indented below it (1. 用的啥电池 / 　1) 石英表用……) keys them.
- A chat's owner line that confirms what the customer said (一节课两个钟头啊 / 对，……) holds the customer's words.
- 围棋班有考段吗 asks whether one product comes with another, not whether the store has them.
- A long spec is one fact per clause group (；): a question is answered by its own group, never by words scattered
  over the whole spec.
- The stretch of a full name said around an alias (旧表 of 旧表翻新 for 翻新) is the name, no question word.
- A yes/no of doing a thing to what follows 把 (能把表带修好吗) must be answered of that thing.
- A row under a key that asks what (用的啥电池) answers the question asked the same way before a row keyed by a word
  of the question (石英表); a yes/no of another doing (会改日期吗) is not answered by such a row (能刻啥).
- A question's particle is never read as a pinyin slip (还我吗 is no 还我妈).
- A store's rule answers a yes/no only saying its words whole (会发黄吗 is not half said by 不发快递).
- A word the product's notes say whole (防水) keeps the character the product's name ends in (手表进水).
- A part asked with 子 (盒子, 框子) is named by its stem (胡桃木盒, 实木框).
- One of what the product's unit covers (一个 of 一张券做一个表盒) is the product itself, no word to find.
- A yes/no whose aspect word is its doing (能做吗) is answered by a note saying that doing (丝绒的不做).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.notes import split_markdown

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

SHOP = """store:
  name: 钟点表行
  address: 青竹路 18 号青竹菜场北门
  hours: 每天 9:00-20:00
  phone: 0000-55120394
  delivery: 带玻璃的表盒不发快递
products:
  - {sku: battery, name: 换表电池券, aliases: [换表电池, 换电池], link: 1, unit: 张, price: 15, stock: 80,
     notes: notes/battery.md}
  - {sku: strap, name: 表背刻字券, aliases: [表背刻字], link: 2, unit: 张, price: 39, stock: 40, notes: notes/strap.md}
  - {sku: renew, name: 旧表翻新保养券, aliases: [翻新保养, 翻新], link: 3, unit: 张, price: 128, stock: 20,
     spec: 一张券保养一块表；机芯拆开洗油，一共要15天；表壳抛光，划痕深的磨不掉；表镜只擦不换}
  - {sku: wet, name: 手表进水处理券, aliases: [手表进水, 进水处理], link: 6, unit: 张, price: 49, stock: 30,
     notes: notes/wet.md}
  - {sku: engrave, name: 表盒定制券, aliases: [表盒定制], link: 7, unit: 张, price: 69, stock: 30,
     spec: 一张券做一个表盒；做好要7天；盒子用的是胡桃木，颜色有原色、黑色两种；丝绒的不做，只做木的}
  - {sku: go_class, name: 少儿围棋班, aliases: [围棋班], link: 4, unit: 张, price: 980, stock: 30,
     notes: notes/go_class.md}
  - {sku: grade, name: 围棋考段报名券, aliases: [考段], link: 5, unit: 张, price: 200, stock: 30}
"""

NOTES = {
    "battery.md": "# 换表电池券\n1. 能换哪些表\n  1) 石英表：常见牌子都能换\n  2) 智能手表不换\n"
                  "2. 用的啥电池\n  1) 石英表用的是日本精工电池\n  2) 能用两年左右\n"
                  "3. 摔过的表不保证能修好，看摔得多重\n",
    "strap.md": "# 表背刻字券\n- 能刻啥：名字、日期、短句\n- 多久：10分钟\n",
    "wet.md": "# 手表进水处理券\n1. 店里咋弄\n  1) 拆开吹干，洗完烘干 12h\n  2) 一般第二天能取\n2. 洗过的表不保防水了\n",
    "go_class.md": "# 少儿围棋班\n顾客：一节课两个钟头啊\n老板：对，中间歇10分钟\n顾客：体验课咋约\n"
                   "老板：提前一天在群里报名就行\n顾客：几岁能学\n老板：5岁以上\n",
}


@pytest.fixture(scope="module")
def shop_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "watch37", SHOP, NOTES)


def test_an_outline_line_keys_the_items_below_it():
    _, pieces = split_markdown(NOTES["battery.md"])
    keys = {p.text: p.key for p in pieces}
    assert keys["石英表用的是日本精工电池"] == "用的啥电池"
    assert keys["智能手表不换"] == "能换哪些表"
    assert keys["摔过的表不保证能修好，看摔得多重"] == ""


def test_a_row_under_a_what_key(shop_kb):
    a = shop_kb.answer("石英表用的啥电池", current_sku="battery")
    assert a.answered and "精工" in a.text, (a.text, a.why)
    a = shop_kb.answer("能刻些啥", current_sku="strap")
    assert a.answered and "短句" in a.text, (a.text, a.why)


def test_a_yes_no_of_another_doing_than_a_what_key(shop_kb):
    a = shop_kb.answer("会改日期吗", current_sku="strap")
    assert not a.answered, (a.text, a.why)
    a = shop_kb.answer("能刻日期吗", current_sku="strap")
    assert a.answered and "日期" in a.text, (a.text, a.why)


def test_an_owner_confirms_what_the_customer_said(shop_kb):
    _, pieces = split_markdown(NOTES["go_class.md"])
    assert any(p.text.startswith("一节课两个钟头，中间歇10分钟") for p in pieces), pieces
    a = shop_kb.answer("一节课多久", current_sku="go_class")
    assert a.answered and "两个钟头" in a.text, (a.text, a.why)


def test_one_product_with_another_is_no_question_of_having(shop_kb):
    a = shop_kb.answer("围棋班有考段吗", current_sku="go_class")
    assert a.mode != "catalog", (a.text, a.why)
    a = shop_kb.answer("有考段吗")
    assert a.answered and a.mode == "catalog", (a.text, a.why)


def test_a_spec_is_one_fact_per_clause_group(shop_kb):
    a = shop_kb.answer("划痕能磨掉吗", current_sku="renew")
    assert a.answered and "划痕深的磨不掉" in a.text and "15天" not in a.text, (a.text, a.why)
    a = shop_kb.answer("表镜有味道吗", current_sku="renew")
    assert not a.answered, (a.text, a.why)


def test_the_full_name_around_an_alias_is_no_question_word(shop_kb):
    a = shop_kb.answer("旧表翻新要多久", current_sku="renew")
    assert a.answered and "15天" in a.text, (a.text, a.why)


def test_what_follows_ba_must_be_said(shop_kb):
    a = shop_kb.answer("能把表带修好吗", current_sku="battery")
    assert not a.answered, (a.text, a.why)
    a = shop_kb.answer("摔过的能修好吗", current_sku="battery")
    assert a.answered and "不保证" in a.text, (a.text, a.why)


def test_a_question_particle_is_no_sound_slip():
    from copilot.knowledge.wordlists import lexicon

    assert lexicon().fix_typos("旧零件能还我吗") == "旧零件能还我吗"
    assert lexicon().fix_typos("保直期多久") == "保质期多久"


def test_a_yes_no_word_is_said_whole(shop_kb):
    a = shop_kb.answer("表盒的玻璃会发黄吗", current_sku="engrave")
    assert not a.answered, (a.text, a.why)


def test_a_word_the_notes_say_keeps_the_names_last_character(shop_kb):
    a = shop_kb.answer("洗过还防水吗", current_sku="wet")
    assert a.answered and "不保防水" in a.text, (a.text, a.why)
    a = shop_kb.answer("洗完还防水吗", current_sku="wet")
    assert "12h" not in a.text, (a.text, a.why)


def test_a_part_asked_with_zi_is_named_by_its_stem(shop_kb):
    a = shop_kb.answer("盒子有啥颜色", current_sku="engrave")
    assert a.answered and "原色" in a.text and "7天" not in a.text, (a.text, a.why)


def test_one_of_what_the_unit_covers(shop_kb):
    a = shop_kb.answer("表盒一个要多久", current_sku="engrave")
    assert a.answered and "7天" in a.text, (a.text, a.why)


def test_a_yes_no_of_the_doing_its_aspect_word_names(shop_kb):
    a = shop_kb.answer("丝绒的能做吗", current_sku="engrave")
    assert a.answered and "丝绒的不做" in a.text, (a.text, a.why)

