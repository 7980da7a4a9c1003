"""Knowledge base: questions about the store asked with no product named (起送多少钱, 几点截单, 站在哪), a value
told in passing in a Q&A pair of another aspect, seasons and headings as conditions, the unit a price is
asked in, and words that look like values but are none (有一点点涩 is no clock time)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.conditions import condition_clash
from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import asked_units, values_of
from copilot.knowledge.question import analyse

sys.path.insert(0, str(Path(__file__).parent))
from doubles import ingested_kb  # noqa: E402


@pytest.fixture(scope="module")
def garden_kb(tmp_path_factory) -> KnowledgeBase:
    """A small garden and drinks shop: a store FAQ in Q&A, product notes in prose and Q&A."""
    root = tmp_path_factory.mktemp("garden")
    (root / "notes").mkdir()
    (root / "products.yaml").write_text(
        "store: {name: 绿野园艺, address: 东湖路 8 号底商}\nproducts:\n"
        "  - {sku: pothos, name: 绿萝, link: 1, unit: 个, price: 25, stock: 9, notes: notes/pothos.md}\n"
        "  - {sku: cola, name: 无糖可乐, aliases: [可乐], link: 2, unit: 箱, price: 48, stock: 9,"
        " spec: 每箱 24 罐，每罐 330 毫升, notes: notes/cola.md}\n"
        "  - {sku: bulbs, name: 郁金香种球, aliases: [种球], link: 3, unit: 袋, price: 30, stock: 9,"
        " spec: 每袋 10 个, notes: notes/bulbs.md}\n"
        "  - {sku: mousse, name: 芒果慕斯, aliases: [慕斯], link: 4, unit: 盒, price: 39, stock: 9,"
        " notes: notes/mousse.md}\n",
        encoding="utf-8")
    (root / "notes" / "常见问题.md").write_text(
        "# 常见问题\n\n问：怎么进群？\n答：扫门口二维码加店长微信，拉你进绿野群；每周三 19:30 直播。\n\n"
        "问：能送货吗？\n答：东湖小区 3 公里内送，满 60 元起送，每天下午 4 点以后送。\n\n"
        "问：下了单怎么取？\n答：直播下单后第二天上午 9 点到晚上 7 点到店取，报手机后 4 位。\n\n"
        "问：几点截单？\n答：晚上 22:00 截单，之后下的单算下一批。\n", encoding="utf-8")
    (root / "notes" / "pothos.md").write_text(
        "# 绿萝\n\n## 浇水\n春秋 7 天左右浇一次，浇透。\n\n## 颜色\n新叶有一点点发黄是正常的，老叶发黄剪掉。\n",
        encoding="utf-8")
    (root / "notes" / "cola.md").write_text("# 无糖可乐\n\n冰镇了再喝口感最好。\n", encoding="utf-8")
    (root / "notes" / "bulbs.md").write_text("# 郁金香种球\n\n每年 10 月到 11 月种下最好。\n", encoding="utf-8")
    (root / "notes" / "mousse.md").write_text(
        "# 芒果慕斯\n\n问：要冷冻吗？\n答：没开封的冷藏能放 3 天。\n\n问：怎么吃？\n答：吃之前放冷藏室半小时回温。\n",
        encoding="utf-8")
    return ingested_kb(root, tmp_path_factory.mktemp("home"))


@pytest.mark.parametrize("question,facts", [
    ("起送多少钱", ["60 元"]),              # a delivery rule of the store, not a product's price
    ("几点截单", ["22:00"]),
    ("几点直播", ["19:30"]),                # told in passing under 怎么进群？
    ("明天几点能取", ["9 点", "7 点"]),       # the answer to 下了单怎么取？ tells the hours
    ("铺子在哪", ["东湖路"]),                # the store's address, not its 3 公里 delivery range
])
def test_store_questions_need_no_product(garden_kb, question, facts):
    a = garden_kb.answer(question)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("冬天多久浇一次", "pothos"),     # the notes water it in spring and autumn only
    ("冷冻能放多久", "mousse"),       # under 要冷冻吗？ the sentence keeps it in the fridge
    ("冷藏能放几天", "cola"),         # nothing said
    ("一罐多少钱", "cola"),           # sold by the 箱: no price per 罐 is stated, none is invented
    ("几点种", "pothos"),             # 有一点点发黄 states no clock time
])
def test_no_neighbouring_value(garden_kb, question, current):
    a = garden_kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)


def test_the_unit_sold_by_is_answered(garden_kb):
    a = garden_kb.answer("一箱多少钱", current_sku="cola")
    assert a.answered and "48" in a.text, a.text


def test_pieces_in_a_bag_are_no_price(garden_kb):
    q = analyse("一袋有几块", [])
    assert "price" not in q.facts and q.kind == "count"


def test_a_little_is_no_clock_time():
    assert values_of("clock", "味道浓，有一点点涩") == []
    assert values_of("clock", "早上 5 点磨，一点开门") == ["早上", "5 点", "一点"]


def test_days_asked_want_days_not_a_night():
    units = asked_units("duration", "冷藏能放几天")
    assert values_of("duration", "放冷藏室一晚上化开", units) == []
    assert values_of("duration", "开封后 24 小时内喝完", units) == ["24 小时"]


def test_seasons_and_headings_are_conditions():
    assert condition_clash("冬天多久浇水", "浇水", "春秋 10 天左右一次。", "duration", None)
    assert not condition_clash("冬天多久浇水", "浇水", "春秋 10 天一次，冬天一个月一次。", "duration", None)
    assert condition_clash("冷冻能放多久", "要冷冻吗？", "没开封的冷藏能放 6 个月。", "duration", None)
    assert not condition_clash("冷冻能放多久", "要冷冻吗？", "冷冻能放 6 个月。", "duration", None)


@pytest.mark.parametrize("question,text,value", [
    ("米酒度数多少", "米酒酒精度 12%vol，甜口。", "12%"),          # 度数 of a drink: its alcohol
    ("打发加多少糖", "奶油加 8% 的糖，打 3 分钟。", "8%"),
    ("茎剪掉多少", "斜剪茎部 3 厘米，在水里剪。", "3 厘米"),
    ("一桶多少量", "每桶 5 升，够一家人吃一个月。", "5 升"),
    ("满多少包邮", "本市满 88 包邮，外地不发。", "满 88"),
])
def test_values_in_percent_length_volume_and_thresholds(question, text, value):
    q = analyse(question, [])
    assert q.kind and value in values_of(q.kind, text, q.units), (q.kind, q.units, values_of(q.kind, text))


def test_a_cut_asks_a_length_not_petals():
    q = analyse("茎剪掉多少", [])
    assert values_of(q.kind, "把外面 1 到 2 片发蔫的叶子剥掉", q.units) == []
    assert values_of("count", "杯子斜 45 度倒", asked_units("count", "啤酒度数多少")) == []


def test_how_many_days_until_asks_a_duration():
    q = analyse("几天能发芽", [])
    assert q.kind == "duration" and "2 到 3 天" in values_of(q.kind, "室温放 2 到 3 天发芽", q.units)


def test_stems_heads_and_pieces_per_box_are_counts():
    q = analyse("一枝几个头", [])
    assert q.kind == "count" and q.measure == "枝"
    assert "3 到 5 个" in values_of("count", "每枝 3 到 5 个小花头", q.units)
    assert "20 块" in values_of("count", "一盒 20 块，每块 3 厘米见方")
    assert "20 块" not in values_of("count", "20 块一盒")      # a price said before its unit


def test_what_it_was_done_with_keeps_the_verb():
    q = analyse("这个酱用啥腌的", [])
    assert ["腌的"] in q.residual


def test_the_verb_asked_is_what_the_answer_says():
    q = analyse("取件报啥", [])
    assert ["报"] in q.residual


@pytest.fixture(scope="module")
def tea_kb(tmp_path_factory) -> KnowledgeBase:
    """A tea shop whose FAQ answers 能退吗？ by telling how."""
    root = tmp_path_factory.mktemp("tea")
    (root / "notes").mkdir()
    (root / "products.yaml").write_text(
        "store: {name: 山野茶铺}\nproducts:\n"
        "  - {sku: green, name: 明前绿茶, aliases: [绿茶], link: 1, unit: 罐, price: 88, stock: 9,"
        " notes: notes/green.md}\n"
        "  - {sku: black, name: 正山小种红茶, aliases: [红茶], link: 2, unit: 罐, price: 98, stock: 9}\n"
        "  - {sku: jjm, name: 桐木金骏眉红茶, aliases: [金骏眉], link: 3, unit: 罐, price: 128, stock: 9}\n", encoding="utf-8")
    (root / "notes" / "常见问题.md").write_text(
        "# 常见问题\n\n问：茶叶坏了能退吗？\n答：收到 3 天内拍照发群里，换新或者退钱都行。\n\n"
        "问：怎么取件？\n答：到店报手机后 4 位，下午 2 点以后来。\n\n"
        "问：泡过的茶叶还能再泡吗？\n答：不能，泡过的当天喝完。\n", encoding="utf-8")
    (root / "notes" / "green.md").write_text("# 明前绿茶\n\n一罐 100 克，4 月初采的。\n", encoding="utf-8")
    return ingested_kb(root, tmp_path_factory.mktemp("home"))


@pytest.mark.parametrize("question,facts", [
    ("茶叶坏了咋退", ["拍照"]),     # a how-to answered by the Q&A pair 能退吗？ that asks the same
    ("取件报啥", ["后 4 位"]),
])
def test_store_faq_answers_colloquial_questions(tea_kb, question, facts):
    a = tea_kb.answer(question)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


def test_a_yes_no_about_the_product_is_no_refund_rule(tea_kb):
    a = tea_kb.answer("有点发黄是坏了吗", current_sku="green")   # the FAQ tells refunds, not the colour
    assert not a.answered, (a.text, a.why)


@pytest.mark.parametrize("question,names", [
    ("有几种红茶", ["正山小种红茶", "桐木金骏眉红茶"]),     # the products whose names hold the word
    ("红茶有哪些", ["正山小种红茶", "桐木金骏眉红茶"]),
])
def test_which_products_of_a_family(tea_kb, question, names):
    a = tea_kb.answer(question)
    assert a.answered and all(n in a.text for n in names), (a.text, a.why)


def test_a_family_word_inside_another_question_is_no_list(tea_kb):
    a = tea_kb.answer("这个红茶有啥讲究", current_sku="black")
    assert "2 种" not in a.text, a.text


def test_may_i_do_it_again_is_no_how_to(tea_kb):
    a = tea_kb.answer("茶叶咋泡", current_sku="green")     # 还能再泡吗？ tells no way to brew it
    assert "不能" not in a.text, (a.text, a.why)
