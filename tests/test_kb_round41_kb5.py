"""Knowledge base, round 41 (stores39 tuning, helper kb5): neighbouring facts no longer taken for the one asked, and
facts owners state in their own words read, on an invented store (a community leather-craft workshop).

- A yes/no of taking a thing in (收旧包吗) needs its words said together, not 折旧……的包.
- Goods brought to the door (5公里以内送上门) are no service done at the door (能上门修包吗).
- A store field's label joining two things (进群与会员) does not answer 有会员吗 when its value never says 会员.
- A warranty stated by its term (修好的包带保6个月) is an after-sales rule, the product's own before the store's.
- Of two rows under the heading that says the word asked (约课), the one whose own key or text says it answers (steps
  keyed by their number keep their order).
- What the product itself is made of: under a heading asking it (啥料的), or a clause saying it (用的是加厚帆布).
- 配几号针 asks the size of the needle, not a date; 几步 counts steps; 护理双鞋 counts the pair, no word to say.
- 15寸能装吗 of a bag asks what goes in, no size of the bag the catalog lacks.
- Another way allowed (用自己带的线也行) is told after the rule before it (线店里出).
- 自己带线便宜点不 asks what a case takes off the price: the catalog's price is no answer.
- A heading asking the question itself (要多旧 for 浅色要多久) answers before one asking another duration (能保持多旧).
- 不收别的钱 states a price (none to pay).
- The note under a heading asking where it is made (哪产得, 的 typed 得) answers before the catalog's 产地 line.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

SHOP = """store:
  name: 阿梅皮具工坊
  address: 梧桐路5号，梧桐小区西门左手边
  hours: 每天 10:00-20:00
  wechat: 加店主阿梅微信 amei_pi 进群，每周三晚上8点直播
  delivery: 护理油能发快递，3公里以内免费送上门
  after_sales: 修好的东西三天内不满意免费返修
products:
  - {sku: lesson, name: 皮具体验课券, aliases: [体验课], link: 1, unit: 张, price: 59, stock: 20, notes: notes/lesson.md}
  - {sku: wallet, name: 手工钱包, aliases: [钱包], link: 2, unit: 个, price: 129, stock: 10, notes: notes/wallet.md}
  - {sku: strap, name: 修包带券, aliases: [修包带], link: 3, unit: 张, price: 29, stock: 30, notes: notes/strap.md}
  - {sku: pouch, name: 帆布收纳袋, aliases: [收纳袋], link: 4, unit: 个, price: 39, stock: 30, spec: 装13寸笔记本,
     notes: notes/pouch.md}
  - {sku: care, name: 皮鞋护理券, aliases: [护理券], link: 5, unit: 张, price: 35, stock: 30, notes: notes/care.md}
  - {sku: thread, name: 蜡线套装, aliases: [蜡线], link: 6, unit: 套, price: 19, stock: 30, notes: notes/thread.md}
  - {sku: dye, name: 皮面补色券, aliases: [补色], link: 7, unit: 张, price: 49, stock: 30, notes: notes/dye.md}
  - {sku: wax, name: 蜂蜡块, aliases: [蜂蜡], link: 9, unit: 块, price: 15, stock: 30, notes: notes/wax.md}
  - {sku: oil, name: 貂油护理膏, aliases: [貂油], link: 8, unit: 罐, price: 25, stock: 30, origin: 佛山,
     notes: notes/oil.md}
"""

NOTES = {
    "lesson.md": "# 皮具体验课券\n\n## 学啥\n\n课上做一个卡包，学会手缝和打磨边油。\n\n"
                 "## 线谁出\n\n课上用的线店里出。用自己带的线也行，价钱一样。\n\n"
                 "## 约课\n\n- 迟到：迟到半小时的这节算上过\n- 预约：提前两天在微信上约\n",
    "wallet.md": "# 手工钱包\n\n## 啥料的\n\n植鞣牛皮，手工缝线。\n\n## 多大\n\n能放8张卡。\n",
    "strap.md": "# 修包带券\n\n修好的包带保6个月，6个月内断了免费重缝。\n\n同小区一次5个包以上，能上门收包。\n\n"
                "包带断了照原价折旧赔，一年以内的包赔七成。\n",
    "pouch.md": "# 帆布收纳袋\n\n收纳袋用的是加厚帆布，耐磨。\n\n13寸的电脑正好，15寸的装不下。\n",
    "care.md": "# 皮鞋护理券\n\n一张券护理一双皮鞋，一共三步：清洁、上油、抛光。\n\n从收鞋到护理好要2天。\n",
    "dye.md": "# 皮面补色券\n\n## 能保持多旧\n\n浅色半年左右，深色一年左右。\n\n## 要多旧\n\n浅色一个小时，深色两个小时。\n\n"
              "## 收费\n\n- 不满意：补完不满意也不收别的钱\n",
    "wax.md": "# 蜂蜡块\n\n## 抹法\n\n- 1：先把皮面擦干净，晾半小时\n- 2：取黄豆大一点\n- 3：薄薄抹一层，用软布擦亮\n",
    "oil.md": "# 貂油护理膏\n\n## 哪产得\n\n佛山南海的美皮日化厂做的。\n",
    "thread.md": "# 蜡线套装\n\n- 颜色：黑、棕、米三色\n- 针：配4号圆头针\n",
}


@pytest.fixture(scope="module")
def craft_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "craft41", SHOP, NOTES)


def test_a_thing_taken_in_is_said_together(craft_kb):
    a = craft_kb.answer("收旧包吗")
    assert not a.answered, (a.text, a.why)


def test_goods_to_the_door_are_no_service_there(craft_kb):
    a = craft_kb.answer("能上门修包带吗", current_sku="strap")
    assert not a.answered or "送上门" not in a.text, (a.text, a.why)


def test_a_joined_label_is_no_owners_word(craft_kb):
    a = craft_kb.answer("有会员吗")
    assert not a.answered, (a.text, a.why)


def test_a_warranty_by_its_term(craft_kb):
    from copilot.knowledge.kinds import passage_type

    assert "aftersales" in passage_type("", "", "修好的包带保6个月，6个月内断了免费重缝。").aspects
    assert "aftersales" not in passage_type("", "", "冷藏能保3天。").aspects
    a = craft_kb.answer("修好的带子能保多久", current_sku="strap")
    assert a.answered and "6个月" in a.text, (a.text, a.why)


def test_the_row_saying_the_word_asked_first(craft_kb):
    a = craft_kb.answer("咋约课", current_sku="lesson")
    assert a.answered and "提前两天" in a.text, (a.text, a.why)
    a = craft_kb.answer("蜂蜡咋抹", current_sku="wax")   # steps keyed by their number keep their order
    assert a.answered and "擦干净" in a.text, (a.text, a.why)


def test_what_the_product_itself_is_made_of(craft_kb):
    a = craft_kb.answer("钱包啥材料", current_sku="wallet")
    assert a.answered and "牛皮" in a.text, (a.text, a.why)
    a = craft_kb.answer("收纳袋啥材料的", current_sku="pouch")
    assert a.answered and "帆布" in a.text, (a.text, a.why)


def test_a_needle_numbered_steps_and_a_pair(craft_kb):
    from copilot.knowledge.kinds import question_kind

    assert question_kind("配几号针") == "numbered"
    assert question_kind("几号能到") == "day"
    a = craft_kb.answer("配几号针", current_sku="thread")
    assert a.answered and "4号" in a.text, (a.text, a.why)
    a = craft_kb.answer("护理有几步", current_sku="care")
    assert a.answered and "三步" in a.text, (a.text, a.why)
    a = craft_kb.answer("护理双鞋要几天", current_sku="care")
    assert a.answered and "2天" in a.text, (a.text, a.why)


def test_a_size_of_what_goes_in(craft_kb):
    a = craft_kb.answer("15寸能装吗", current_sku="pouch")
    assert a.answered and "装不下" in a.text, (a.text, a.why)


def test_another_way_told_after_its_rule(craft_kb):
    a = craft_kb.answer("线要自己带吗", current_sku="lesson")
    assert a.answered and "店里出" in a.text, (a.text, a.why)


def test_a_case_taking_off_the_price_is_no_catalog_price(craft_kb):
    a = craft_kb.answer("自己带线便宜点不", current_sku="lesson")
    assert not a.answered or "59" not in a.text, (a.text, a.why)


def test_a_heading_asking_the_question_itself_first(craft_kb):
    a = craft_kb.answer("浅色要多久", current_sku="dye")
    assert a.answered and "一个小时" in a.text, (a.text, a.why)


def test_nothing_more_to_pay_is_a_price(craft_kb):
    from copilot.knowledge.kinds import values_of

    assert values_of("price", "量完不做也不收别的钱")
    a = craft_kb.answer("补完不满意收钱不", current_sku="dye")
    assert a.answered and "不收别的钱" in a.text, (a.text, a.why)


def test_a_heading_typed_with_de_asks_the_question(craft_kb):
    a = craft_kb.answer("貂油哪产的", current_sku="oil")
    assert a.answered and "南海" in a.text, (a.text, a.why)
