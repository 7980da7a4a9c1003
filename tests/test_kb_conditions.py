"""Knowledge base: the condition a question binds its value to (an amount, an event, 冷藏/常温, 开封前/后, a
part of the product) must be the one the passage states it under, or the question goes to the assistant."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.conditions import after_clash, amount_clash, event_clash, events_in
from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import contrasted, question_kind, values_of

sys.path.insert(0, str(Path(__file__).parent))
from doubles import ingested_kb  # noqa: E402


@pytest.fixture(scope="module")
def pet_kb(tmp_path_factory) -> KnowledgeBase:
    """A small pet-food and seafood shop, its notes in prose, colloquial headings and a store FAQ file."""
    root = tmp_path_factory.mktemp("shop")
    (root / "notes").mkdir()
    (root / "products.yaml").write_text(
        "store: {name: 小周宠物, pickup: 直播下单后第二天 12:00-21:00 到店自提}\nproducts:\n"
        "  - {sku: cat_food, name: 成猫粮, aliases: [猫粮], link: 1, unit: 袋, price: 89, stock: 9, notes: notes/cat_food.md}\n"
        "  - {sku: fish_oil, name: 宠物鱼油, aliases: [鱼油], link: 2, unit: 瓶, price: 59, stock: 9, notes: notes/fish_oil.md}\n"
        "  - {sku: shrimp, name: 淡干虾皮, aliases: [虾皮], link: 3, unit: 袋, price: 25, stock: 9, notes: notes/shrimp.md}\n"
        "  - {sku: fish_slice, name: 黑鱼片（配酸菜料包）, aliases: [黑鱼片], link: 4, unit: 盒, price: 28, stock: 9,"
        " notes: notes/fish_slice.md}\n"
        "  - {sku: clam, name: 鲜活花甲, aliases: [花甲], link: 5, unit: 斤, price: 12, stock: 9, notes: notes/clam.md}\n"
        "  - {sku: rice, name: 蟹田大米, aliases: [大米], link: 6, unit: 袋, price: 60, stock: 9, notes: notes/rice.md}\n"
        "  - {sku: cat_can, name: 主食猫罐头, aliases: [猫罐头], link: 7, unit: 罐, price: 8, stock: 9,"
        " notes: notes/cat_can.md}\n"
        "  - {sku: fd_chicken, name: 冻干鸡胸, aliases: [鸡胸], link: 8, unit: 罐, price: 59, stock: 9,"
        " notes: notes/fd_chicken.md}\n",
        encoding="utf-8")
    (root / "notes" / "cat_food.md").write_text(
        "# 成猫粮\n\n## 咋喂\n4 公斤的猫一天喂 60 克左右，分早晚两顿。\n换粮别一下子全换！！7 天慢慢过渡，新粮旧粮掺着喂。\n\n"
        "## 咋存\n没开的保值期 18 个月。\n开风后 30 天内造完。\n\n## 给谁啃\n适合 1 岁以上的成猫，小奶猫别喂。\n\n"
        "## 注意\n猫啃剩的小块要收走！\n", encoding="utf-8")
    (root / "notes" / "fish_oil.md").write_text(
        "# 宠物鱼油\n\n## 咋喂\n猫一天 1 粒，大狗（40 斤以上）一天 2 粒。\n", encoding="utf-8")
    (root / "notes" / "shrimp.md").write_text(
        "# 淡干虾皮\n\n虾皮没开封的常温放阴凉地方可以放 1 个月。开封以后放冰箱冷藏，可以放 3 个月。\n",
        encoding="utf-8")
    (root / "notes" / "fish_slice.md").write_text(
        "# 黑鱼片\n\n黑鱼片冷藏能放 2 天，冷冻能放 1 个月。\n", encoding="utf-8")
    (root / "notes" / "clam.md").write_text(
        "# 鲜活花甲\n\n回家用淡盐水泡 1 个小时，一斤水放一勺盐。吃不完放冰箱冷藏，上面盖一块湿毛巾，能放 1 天。\n",
        encoding="utf-8")
    (root / "notes" / "rice.md").write_text(
        "# 蟹田大米\n\n问：煮饭放多少水？\n答：米和水大概 1:1.2。\n\n| 项目 | 说明 |\n|---|---|\n| 保质期 | 12 个月 |\n"
        "| 开袋后 | 扎紧袋口，1 个月内吃完 |\n", encoding="utf-8")
    (root / "notes" / "cat_can.md").write_text(
        "# 主食猫罐头\n\n是主食罐，不是零食罐，能当饭吃。\n金枪鱼味和鸡肉味两种。\n", encoding="utf-8")
    (root / "notes" / "fd_chicken.md").write_text(
        "# 冻干鸡胸\n\n一罐 500g，差不多 60 多块。\n猫一天 5-8 块当零食。\n", encoding="utf-8")
    (root / "notes" / "店里规矩.md").write_text(
        "# 店里规矩\n\n## 进群\n扫码进群，群里每周四晚上 7 点半直播。\n\n## 送货\n"
        "## 付钱\nwx、zfb、现金都行。\n\n## 送货\n"
        "3 公里以内满 99 块免费送，不满 99 收 5 块配送费。送货是下单第二天晚上 18:00-20:00 送。\n\n"
        "## 送上楼\n| 情况 | 说明 |\n|---|---|\n| 有电梯 | 免费送到家门口 |\n| 没电梯 1-5 楼 | 免费 |\n"
        "| 没电梯 6 楼及以上 | 每袋加 2 元 |\n\n## 营业时间\n每天 7:30-20:30。\n\n"
        "## 加工\n剪虾线每斤加 2 元，杀鱼免费。\n\n"
        "## 取货\n直播下单的第二天 12:00-19:00 到店自提。\n别人代取也行，报手机尾号。\n"
        "超过 19:00 没来取的，帮你留到第二天中午。\n",
        encoding="utf-8")
    return ingested_kb(root, tmp_path_factory.mktemp("home"))


@pytest.mark.parametrize("question,current,facts", [
    ("换粮咋换", "cat_food", ["7 天"]),                 # a short lead (全换！！) is answered with what it leads into
    ("啃剩小块咋办", "cat_food", ["收走"]),              # the sentence saying every word, not one under 给谁啃
    ("没开封保质期多久", "cat_food", ["18 个月"]),        # 没开的 says unopened
    ("开封后多久要吃完", "cat_food", ["30 天"]),          # 开风后 / 造完: the owner's slips read right
    ("能用支付宝吗", None, ["zfb"]),                     # zfb / wx: how owners abbreviate ways to pay
    ("罐头是主食还是零食", "cat_can", ["主食罐"]),        # 主食 is in its name, but 主食还是零食 is what is asked
    ("啥口味的", "cat_can", ["金枪鱼味"]),
    ("一罐大概多少块", "fd_chicken", ["60 多块"]),        # 一罐……多少块 counts pieces, not a price
    ("鸡胸冻干一罐多少块", None, ["60 多块"]),            # 冻干鸡胸 said the other way round
    ("大米没开封能放多久", None, ["12 个月"]),            # 保质期 is the unopened shelf life
    ("大米开封后能放多久", None, ["1 个月"]),
    ("我住7楼没电梯 送上去加钱吗", None, ["2 元"]),      # the table row of the floor asked (6 楼及以上)
    ("我住3楼没电梯 送上去加钱吗", None, ["免费"]),
    ("几点开门到几点", None, ["7:30", "20:30"]),
    ("剪虾线要钱吗", None, ["2 元"]),                    # 要钱 asks a price, not about delivery
    ("7点以后没去拿咋办", None, ["留到第二天"]),          # after 7: not the pickup hours that end at 7
])
def test_colloquial_notes_answer(pet_kb, question, current, facts):
    a = pet_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("4斤的猫一天喂多少克", None),          # the notes feed a 4 公斤 cat (8 斤)
    ("10斤的小狗一天吃几粒", "fish_oil"),   # the notes dose cats and dogs of 40 斤 and more
    ("没开封放冰箱能放多久", "shrimp"),     # unopened is kept at room temperature, the fridge is for opened
    ("酸菜料包保质期多久", "fish_slice"),   # the sauce pack that comes with it, not the fish
    ("花甲一斤大概多少个", "clam"),         # 一勺盐, 一块湿毛巾 count nothing of the clams
    ("煮粥放多少水", "rice"),               # the notes tell the water for rice, not for porridge
])
def test_a_value_under_another_condition_is_no_answer(pet_kb, question, current):
    a = pet_kb.answer(question, current_sku=current)
    assert not a.answered and a.reason == "not_in_kb", (question, a.text, a.why)


@pytest.mark.parametrize("question,current,facts", [
    ("8斤的猫一天喂多少克", None, ["60 克"]),      # 8 斤 is 4 公斤
    ("50斤的大狗一天吃几粒", "fish_oil", ["2 粒"]),
    ("啥时候直播", None, ["周四", "7 点半"]),      # the stream's time, not the pickup hours of 直播下单
    ("送货要钱不", None, ["99", "5 块"]),          # 要钱不 asks a price
    ("开封以后冰箱能放多久", "shrimp", ["3 个月"]),
])
def test_the_value_under_the_condition_asked_answers(pet_kb, question, current, facts):
    a = pet_kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


def test_amounts_are_bound_in_their_units():
    assert amount_clash("4斤的猫一天喂多少克", "4 公斤的猫一天喂 60 克左右")
    assert not amount_clash("8斤的猫一天喂多少克", "4 公斤的猫一天喂 60 克左右")
    assert amount_clash("10斤的小狗吃几粒", "大狗（40 斤以上）一天 2 粒")
    assert not amount_clash("3个月的狗能吃吗", "适合 2-12 个月的幼犬")
    assert amount_clash("两岁的狗能吃吗", "适合 2-12 个月的幼犬")
    assert not amount_clash("一斤大概多少个", "一斤 6 到 8 个")          # 一斤 measures what is counted


def test_a_time_is_the_time_of_its_event():
    assert events_in("直播下单后第二天到店自提") == events_in("下单 自提")   # 直播 only qualifies 下单
    assert event_clash("几点直播", "", "下单后第二天 9:00-20:00 到店自提", "clock")
    assert not event_clash("几点直播", "", "群里每周三晚上 8 点直播", "clock")
    assert not event_clash("几点到货", "", "凌晨 4 点出塘，早上 9 点半左右到摊位，直播的时候看到的就是这批", "clock")
    assert event_clash("牛肉哪天杀的", "到货", "每周三下午到货", "day")
    assert not event_clash("几点能来取", "", "每天 9:00-20:00 营业，随时来取", "clock")


def test_the_longest_word_names_the_condition():
    assert contrasted("冷藏能放几天", "放冰箱冷冻层能放 1 个月")       # 冰箱冷冻 is frozen, not the fridge
    assert contrasted("放冰箱能放几天", "冷冻能放 3 个月")               # 冰箱 alone is the fridge
    assert not contrasted("冰箱冷冻能放多久", "冷冻能放 3 个月")


def test_after_a_time_of_day():
    assert after_clash("7点以后没去拿咋办", "直播下单后当天 16:00-19:00 到摊位自提")
    assert not after_clash("7点以后没去拿咋办", "超过 19:00 没来取的，留到第二天上午 9 点")
    assert not after_clash("过了8点还能取吗", "20:00 以后就关门了")
    assert not after_clash("几点能取", "16:00-19:00 到店自提")          # no time "after" asked


def test_price_cues_and_counts():
    assert question_kind("送货要钱不") == "price" and question_kind("帮开壳收钱吗") == "price"
    assert values_of("count", "上面盖一块湿毛巾，放一勺盐") == []
    assert values_of("count", "一天一粒就够，一斤 6 到 8 个") == ["一粒", "6 到 8 个"]


@pytest.mark.parametrize("question,reply", [
    ("3号链接", "3 号链接是淡干虾皮"),          # a link named and nothing else asked: what the link is
    ("6号是什么米", "6 号链接是蟹田大米"),      # 米 is the product's own kind, not something else asked
    ("9号上一下 要两个", "没有 9 号链接"),
    ("9号是猫粮吗", "没有 9 号链接"),           # the cat food is link 1: no link 9
])
def test_a_link_alone_asks_what_it_is(pet_kb, question, reply):
    a = pet_kb.answer(question)
    assert a.answered and a.mode == "catalog" and reply in a.text, (question, a.text)


def test_the_value_shown_is_the_one_under_the_condition_asked(pet_kb):
    frozen = pet_kb.answer("黑鱼片冷冻能放多久")
    assert frozen.answered and frozen.value == "1 个月" and "1 个月" in frozen.why, (frozen.text, frozen.why)
    chilled = pet_kb.answer("黑鱼片冷藏能放几天")
    assert chilled.answered and chilled.value == "2 天"
