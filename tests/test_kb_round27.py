"""Knowledge base, round 27: notes that are a chat pasted in (顾客：…… / 店长：……) read as Q&A pairs, the owner's
line answering the line before it; a group notice's headings numbered with a space (三 送货) head what follows; a
span of hours in words (早上八点半到晚上九点) says when the shop closes too; a Q&A pair asking by the very cue
(多重？ / 多大？) answers before another of the same kind and before the catalog's spec; a spec sheet's row that
states its value bare (总重量：约 1.1 kg, 出水延时：≥5 s) measures what its key names, with seconds and metres
written as symbols (s, m); a size of two sides (1 米 × 0.6 米) is no distance; a rated load (额定载荷) is no
weight of the thing; a store rule that names a family of other products (喂食器 of two feeders) or another
product whose name holds the family word of the one asked (智能饮水机 for 陶瓷饮水机) is no answer for it. Invented stores: a pet
supplies shop that pastes its WeChat group into the notes. Also: a memo's lines numbered with a space (1 ……, 2 ……)
are a numbered list; a short line alone before a list (取货) is its heading; 这个咋用 asked with nothing else is
answered by the steps under 【使用方法】 or a key 步骤; 好不好使 asks whether it works as it should (工作正常); 不另外收钱 says an extra is free."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.notes import split_markdown

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

PETS = """store:
  name: 小林宠物用品
  after_sales: 喂食器 1 年内坏了换新；智能饮水机的水泵 2 年内坏了换新；猫砂拆了不退
products:
  - {sku: scratcher, name: 瓦楞纸猫抓板, aliases: [猫抓板], link: 1, unit: 片, price: 19, stock: 50, notes: notes/scratcher.md}
  - {sku: bed, name: 四季猫窝, aliases: [猫窝], link: 2, unit: 个, price: 59, stock: 20, spec: 20 寸, notes: notes/bed.md}
  - {sku: fountain, name: 宠物陶瓷饮水机, aliases: [陶瓷饮水机], link: 3, unit: 台, price: 129, stock: 10, notes: notes/fountain.md}
  - {sku: smart, name: 宠物智能饮水机, aliases: [智能饮水机], link: 4, unit: 台, price: 199, stock: 10, notes: notes/smart.md}
  - {sku: feeder, name: 自动喂食器, aliases: [自动喂食], link: 5, unit: 台, price: 159, stock: 10, notes: notes/feeder.md}
  - {sku: timer, name: 定时喂食器, link: 8, unit: 台, price: 99, stock: 10, notes: notes/timer.md}
  - {sku: clipper, name: 宠物指甲剪, aliases: [指甲剪], link: 9, unit: 把, price: 15, stock: 10, notes: notes/clipper.md}
  - {sku: comb, name: 开结梳, link: 10, unit: 把, price: 12, stock: 10, notes: notes/comb.md}
  - {sku: hammock, name: 挂窗猫吊床, aliases: [猫吊床, 吊床], link: 6, unit: 个, price: 49, stock: 10, notes: notes/hammock.md}
  - {sku: mat, name: 猫砂垫, aliases: [砂垫], link: 7, unit: 张, price: 25, stock: 30, spec: 1 米 × 0.6 米, notes: notes/mat.md}
"""

PETS_NOTES = {
    "scratcher.md": "# 瓦楞纸猫抓板\n\n（群里问得多的 复制过来）\n\n王姐：这个多大\n店长：四十五厘米乘二十五厘米 厚五公分\n"
                    "王姐：多重\n店长：一斤半左右 放地上不跑\n小李：猫会不会不爱抓\n店长：送一包猫薄荷 撒上去就爱抓\n"
                    "顾客：底下滑不滑\n店长：底下有防滑垫 木地板上也不滑\n"
                    "顾客：能印猫的名字吗\n店长：能 下单备注名字 不另外收钱\n",
    "bed.md": "# 四季猫窝\n\n顾客：猫窝多大\n店长：二十寸 五十厘米乘四十厘米 高十五厘米\n顾客：能洗吗\n"
              "店长：能 垫子拆下来机洗\n",
    "fountain.md": "# 宠物陶瓷饮水机\n\n【产品参数】\n水箱容量：2 L\n总重量：约 1.1 kg\n出水延时：≥5 s\n"
                   "摆放距离：离墙 ≥0.3 m\n\n店长补充：陶瓷的好洗，一周洗一次。\n",
    "smart.md": "# 宠物智能饮水机\n\n- 容量：3 升\n- 滤芯：一个月换一次\n- 使用寿命：水泵约 2 年\n"
                "- 自检：按住电源键 5 秒，蓝灯闪表示工作正常\n",
    "feeder.md": "# 自动喂食器\n\n- 容量：4 升，够一只猫吃 10 天\n- 定时：一天最多定 6 顿\n",
    "timer.md": "# 定时喂食器\n\n- 定时：一天最多定 4 顿\n",
    "clipper.md": "# 宠物指甲剪\n\n备忘\n1 一把剪刀带一个锉\n2 步骤：先看粉色的血线 → 只剪白色的尖 → 锉平\n"
                  "3 剪到血线了 → 止血粉按住\n",
    "comb.md": "# 开结梳\n\n【使用方法】\n1. 顺着毛的方向从根部往外梳；\n2. 打结的地方用刀片那面轻轻拉开；\n\n"
               "【注意事项】\n- 刀片锋利，别让小孩玩。\n",
    "hammock.md": "# 挂窗猫吊床\n\n【产品参数】\n额定载荷：10 kg\n吸盘：4 个\n",
    "mat.md": "# 猫砂垫\n\n- 放法：铺在猫砂盆出口，带出来的砂掉在垫子上\n",
}

MEMO_NOTICE = """# 门店须知

取货
- 下单第二天 9点以后到店拿
- 报手机尾号

"""

NOTICE = """# 小林宠物 群公告

（群公告 新进群的先看）

一 店在哪
幸福路十八号 菜市场东门进去第二家

二 营业时间
每天早上八点半到晚上九点 每周一上午不开门

三 送货
三公里内满五十送 不满五十加五块

四 电话
0000-1234-567
"""


@pytest.fixture(scope="module")
def pets_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "pets27", PETS, {**PETS_NOTES, "群公告.md": NOTICE, "须知.md": MEMO_NOTICE})


def test_a_chat_pasted_into_the_notes_reads_as_questions_and_the_owners_answers():
    _title, pieces = split_markdown(PETS_NOTES["scratcher.md"])
    qa = [(p.key, p.text) for p in pieces if p.layout == "qa"]
    assert ("多重", "一斤半左右 放地上不跑") in qa
    assert ("猫会不会不爱抓", "送一包猫薄荷 撒上去就爱抓") in qa
    assert not any(p.key in ("王姐", "店长", "小李", "顾客") for p in pieces)


def test_a_line_keyed_by_a_name_is_no_chat_without_the_owner_answering():
    _title, pieces = split_markdown("# 猫粮\n\n- 产地：山东\n- 保质期：18 个月\n")
    assert [(p.key, p.layout) for p in pieces] == [("产地", "bullet"), ("保质期", "bullet")]


def test_a_group_notice_heading_numbered_with_a_space_heads_what_follows():
    _title, pieces = split_markdown(NOTICE)
    by_section = {p.section: p.text for p in pieces}
    assert by_section["送货"] == "三公里内满五十送 不满五十加五块"
    assert by_section["电话"] == "0000-1234-567"
    assert not any(p.text.endswith(("送货", "电话")) for p in pieces)


@pytest.mark.parametrize("question,fact,other", [
    ("多重", "一斤半", "四十五厘米"),         # the pair asked by the same cue, not 这个多大
    ("送猫薄荷吗", "猫薄荷", "王姐"),
    ("底下滑不滑", "防滑垫", "顾客"),
])
def test_the_owners_line_answers_the_chat_question(pets_kb, question, fact, other):
    a = pets_kb.answer(question, current_sku="scratcher")
    assert a.answered and fact in a.text and other not in a.text, (question, a.text, a.why)


def test_a_pair_asking_the_size_by_the_same_cue_answers_before_the_catalog_spec(pets_kb):
    a = pets_kb.answer("猫窝有多大", current_sku="bed")
    assert a.answered and "五十厘米" in a.text, (a.text, a.why)


@pytest.mark.parametrize("question,fact", [
    ("送货吗", "三公里"),
    ("电话多少", "0000-1234-567"),
    ("晚上几点关门", "九点"),      # a span of hours in words says the closing time under 营业时间 too
])
def test_the_group_notice_answers_the_store_questions(pets_kb, question, fact):
    a = pets_kb.answer(question)
    assert a.answered and fact in a.text, (question, a.text, a.why)


@pytest.mark.parametrize("question,fact", [
    ("出水要等几秒", "5 s"),        # seconds written as s
    ("整个多重", "1.1 kg"),         # a bare value under a spec key (总重量), the whole asked as 整个
    ("离墙多远放", "0.3 m"),        # metres written as m; 多远 of a product asks no delivery
])
def test_a_spec_sheet_row_states_its_value_bare_in_symbols(pets_kb, question, fact):
    a = pets_kb.answer(question, current_sku="fountain")
    assert a.answered and fact in a.text, (question, a.text, a.why)


def test_a_rated_load_answers_the_load_and_is_no_weight_of_the_thing(pets_kb):
    a = pets_kb.answer("能吊多重的猫", current_sku="hammock")
    assert a.answered and "10 kg" in a.text, (a.text, a.why)
    a = pets_kb.answer("吊床自己多重", current_sku="hammock")
    assert not a.answered, (a.text, a.why)


def test_a_size_of_two_sides_is_no_place(pets_kb):
    a = pets_kb.answer("铺哪里合适", current_sku="mat")
    assert not a.answered or "米 ×" not in a.text, (a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("陶瓷饮水机保修多久", "fountain"),       # 喂食器 names the two feeders, not the fountain
    ("陶瓷饮水机水泵坏了包换吗", "fountain"),   # 智能饮水机's rule: 饮水机 inside its name is not the ceramic one
])
def test_a_store_rule_of_other_products_named_by_their_family_is_no_answer(pets_kb, question, current):
    a = pets_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


def test_a_store_rule_of_the_family_still_answers_a_product_of_it(pets_kb):
    a = pets_kb.answer("坏了包换吗", current_sku="timer")
    assert a.answered and "1 年" in a.text, (a.text, a.why)


def test_a_memo_numbered_with_spaces_is_a_list_and_a_bare_line_before_a_list_heads_it():
    _title, pieces = split_markdown(PETS_NOTES["clipper.md"])
    assert [(p.key, p.layout) for p in pieces][:2] == [("", "bullet"), ("步骤", "bullet")]
    _title, pieces = split_markdown(MEMO_NOTICE)
    assert [(p.section, p.text) for p in pieces][0] == ("取货", "下单第二天 9点以后到店拿")
    _title, pieces = split_markdown("# 大米\n\n1 袋 10 斤，东北的\n")   # one line: a quantity, not a numbering
    assert pieces[0].text.startswith("1 袋")


def test_the_heading_of_a_bare_line_answers_for_its_list(pets_kb):
    a = pets_kb.answer("几点能取货")
    assert a.answered and "9点" in a.text, (a.text, a.why)


@pytest.mark.parametrize("question,current,steps", [
    ("这个咋用", "comb", ["根部往外梳", "刀片那面"]),     # every step under 【使用方法】, in order
    ("咋用", "clipper", ["血线"]),                        # a memo's key 步骤
])
def test_how_to_use_asked_bare_is_answered_by_the_steps(pets_kb, question, current, steps):
    a = pets_kb.answer(question, current_sku=current)
    assert a.answered and all(s in a.text for s in steps), (question, a.text, a.why)
    assert "别让小孩玩" not in a.text


def test_whether_it_works_said_haobuhaoshi_asks_whether_it_works_as_it_should(pets_kb):
    a = pets_kb.answer("咋知道它好不好使", current_sku="smart")
    assert a.answered and "5 秒" in a.text and "2 年" not in a.text, (a.text, a.why)


def test_no_charge_for_an_extra_answers_whether_it_costs_before_a_store_fee(pets_kb):
    a = pets_kb.answer("印名字要钱吗", current_sku="scratcher")
    assert a.answered and "不另外收钱" in a.text and "五块" not in a.text, (a.text, a.why)
