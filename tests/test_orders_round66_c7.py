"""Orders, round 66 (tuning helper c7): a store that sells services beside packed goods (a laundry).

- A garment's length (短款 / 长款) is a size word of one goods or one service (LABELS rule 9): 棉服来两件 with the
  短款 shown is the 短款; with none shown a person asks.
- 个 counts a listing of one goods in sizes as it counts that listing alone (酱油来两个 of bottles: two bottles).
- How much is used each time, or how much the shop takes in a week (一次放一颗, 一周才3件), is talk, no order.
- A service is named by the goods it works on (马丁靴护理: 靴子来两双 is that service).
- A longer family word typed by its sound around a shorter one (沐浴路 of 沐浴露 around 沐浴) is the longer word, of
  its own members only.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser


def _catalog(*rows):
    return Catalog.from_dict({"products": [
        {"sku": sku, "name": name, "aliases": [], "link": i + 1, "unit": unit, "price": 10, "stock": 50}
        for i, (sku, name, unit) in enumerate(rows)]})


COATS = _catalog(("coat_short", "棉服 短款", "件"), ("coat_long", "棉服 长款", "件"), ("scarf", "羊毛围巾", "条"))
SAUCE = _catalog(("sauce_small", "生抽酱油 500ml", "瓶"), ("sauce_big", "生抽酱油 1L", "瓶"), ("vinegar", "陈醋", "瓶"))
PODS = _catalog(("pods", "香氛凝珠", "盒"), ("softener", "柔顺剂", "瓶"))
COBBLER = _catalog(("boots", "马丁靴护理", "双"), ("sneakers", "运动鞋清洗", "双"), ("bag", "皮包护理", "个"))
BATH = _catalog(("gel_big", "沐浴露 大瓶", "瓶"), ("gel_small", "沐浴露 小瓶", "瓶"), ("ball", "沐浴球", "个"))


def _read(catalog, text, current):
    return IntentParser(catalog).parse(text, current).to_dict()


def _items(got):
    return [(i["sku"], i["qty"]) for i in got["items"]]


def test_a_length_is_a_size_of_one_garment_and_the_one_shown_is_meant():
    got = _read(COATS, "棉服来两件", "coat_long")
    assert _items(got) == [("coat_long", 2)] and not got["needs_review"]
    assert _read(COATS, "棉服来两件", None)["needs_review"]


def test_ge_counts_a_bottle_of_one_goods_in_sizes():
    got = _read(SAUCE, "酱油来两个", "sauce_small")
    assert _items(got) == [("sauce_small", 2)] and not got["needs_review"]


def test_how_much_is_used_each_time_is_no_order():
    for text in ("凝珠好用 一次放一颗", "每次用半颗就够了"):
        got = _read(PODS, text, "pods")
        assert got["kind"] == "other" and not got["items"], text


def test_how_much_the_shop_takes_in_a_week_is_no_order():
    assert _read(COATS, "一周才3件啊", "coat_short")["kind"] == "other"
    assert _read(COATS, "一周才3件啊 下周几号开始", "coat_short")["kind"] == "question"


def test_a_service_is_named_by_the_goods_it_works_on():
    got = _read(COBBLER, "靴子来两双", "sneakers")
    assert _items(got) == [("boots", 2)] and not got["needs_review"]


def test_a_family_word_typed_by_its_sound_around_a_shorter_one_keeps_its_own_members():
    got = _read(BATH, "沐浴路来两瓶", "gel_big")
    assert _items(got) == [("gel_big", 2)] and not got["needs_review"]
    assert _read(BATH, "沐浴路来两瓶", "ball")["needs_review"]


LAUNDRY = _catalog(("jacket", "冲锋衣清洗", "件"), ("boots", "马丁靴清洗", "双"), ("rug", "地毯清洗", "块"),
                   ("wool_blanket", "羊毛毯清洗", "条"), ("heated_blanket", "电热毯清洗", "条"),
                   ("liquid", "洗衣液 1kg", "瓶"))


BLANKETS = _catalog(("wool_blanket", "羊毛毯清洗", "条"), ("heated_blanket", "电热毯清洗", "条"), ("coat", "大衣干洗", "件"))


def test_the_work_of_a_service_said_before_the_count_orders_that_service():
    got = _read(LAUNDRY, "马丁靴 洗两双", None)
    assert _items(got) == [("boots", 2)] and not got["needs_review"]
    got = _read(LAUNDRY, "洗两件", "jacket")
    assert _items(got) == [("jacket", 2)] and not got["needs_review"]


def test_the_store_coming_to_the_door_to_collect_is_a_note_on_the_order():
    got = _read(LAUNDRY, "冲锋衣来两件上门到幸福里5栋取", None)
    assert _items(got) == [("jacket", 2)] and got["note"] == "上门到幸福里5栋取"
    got = _read(LAUNDRY, "来一件 上门取幸福里5栋", "jacket")
    assert _items(got) == [("jacket", 1)] and got["note"] == "上门取幸福里5栋"


def test_what_is_going_on_told_with_zheng_ne_is_no_question():
    assert _read(LAUNDRY, "毯子一直没空洗 正发愁呢", None)["kind"] == "other"
    assert _read(LAUNDRY, "正在洗吗", None)["kind"] == "question"


def test_a_count_of_kinds_before_a_noun_the_goods_end_in_orders_each():
    got = _read(BLANKETS, "两种毯子都洗一条", None)
    assert sorted(_items(got)) == [("heated_blanket", 1), ("wool_blanket", 1)] and not got["needs_review"]
    assert _read(BLANKETS, "毯子各来一条", None)["needs_review"]
    assert _read(BLANKETS, "三种毯子都来一条", None)["needs_review"]
    assert _read(LAUNDRY, "两种毯子都洗一条", None)["needs_review"]  # (地毯 is a 毯 too: three goods, not two)


def test_shoes_said_alone_cover_the_boots_beside_the_shoes():
    got = _read(COBBLER, "鞋子来一双", "boots")
    assert got["needs_review"] and not got["items"]
    got = _read(COBBLER, "运动鞋来一双", "boots")
    assert _items(got) == [("sneakers", 1)] and not got["needs_review"]
