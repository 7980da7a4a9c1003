"""Orders, round 65 (tuning helper c5): more kinds of one goods in several sizes (LABELS rule 9).

A word of the goods said without the size, with one of the listings shown, is the listing shown, when the names
differ only by
- a grind or cut (咖啡粉 细 / 粗: ``data/variant_words.txt``);
- a pack's weight or volume written with its container (芝麻油 250ml瓶 / 500ml瓶: ``data/variant_packs.txt``);
- a range of sizes one listing fits (羊毛袜 35-38码 / 39-42码);
- how many people one is made for (睡袋 单人 / 双人).
With none of them shown it stays for a person, and goods of different kinds stay apart.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog, Product
from copilot.orders.parser import IntentParser
from copilot.orders.variants import sizes_of_one_goods


def _catalog(*rows):
    return Catalog.from_dict({"products": [
        {"sku": sku, "name": name, "aliases": [], "link": i + 1, "unit": unit, "price": 10, "stock": 50}
        for i, (sku, name, unit) in enumerate(rows)]})


COFFEE = _catalog(("coffee_fine", "咖啡粉 细 250克袋", "袋"), ("coffee_coarse", "咖啡粉 粗 250克袋", "袋"))
OIL = _catalog(("oil_small", "芝麻油 250ml瓶", "瓶"), ("oil_big", "芝麻油 500ml瓶", "瓶"))
SOCKS = _catalog(("sock_s", "羊毛袜 35-38码", "双"), ("sock_l", "羊毛袜 39-42码", "双"))


def _read(catalog, text, current):
    return IntentParser(catalog).parse(text, current).to_dict()


def _items(got):
    return [(i["sku"], i["qty"]) for i in got["items"]]


def test_a_grind_is_a_size_of_one_goods_and_the_one_shown_is_meant():
    got = _read(COFFEE, "咖啡粉来两袋", "coffee_coarse")
    assert _items(got) == [("coffee_coarse", 2)] and not got["needs_review"]


def test_a_pack_volume_with_its_container_is_a_size_word():
    got = _read(OIL, "芝麻油来一瓶", "oil_big")
    assert _items(got) == [("oil_big", 1)] and not got["needs_review"]


def test_a_range_of_sizes_is_a_size_word():
    got = _read(SOCKS, "羊毛袜来三双", "sock_s")
    assert _items(got) == [("sock_s", 3)] and not got["needs_review"]


def test_with_none_shown_the_size_is_asked():
    assert _read(SOCKS, "羊毛袜来三双", None)["needs_review"]
    assert _read(OIL, "芝麻油来一瓶", None)["needs_review"]


def test_names_that_differ_by_more_than_a_size_stay_apart():
    def p(sku, name, unit):
        return Product(sku=sku, name=name, unit=unit, price=1, link=1, stock=1)
    assert sizes_of_one_goods([p("a", "咖啡粉 细 250克袋", "袋"), p("b", "咖啡粉 粗 250克袋", "袋")])
    assert sizes_of_one_goods([p("a", "芝麻油 250ml瓶", "瓶"), p("b", "芝麻油 500ml瓶", "瓶")])
    assert not sizes_of_one_goods([p("a", "芝麻油 250ml瓶", "瓶"), p("b", "花生油 500ml瓶", "瓶")])
    assert not sizes_of_one_goods([p("a", "芝麻油 250ml瓶", "瓶"), p("b", "芝麻油（散称）", "斤")])


TEAS = _catalog(("tea_green", "绿茶 罐装", "罐"), ("tea_black", "红茶 罐装", "罐"))


def test_two_kinds_said_alone_are_both_sizes_of_the_goods_shown():
    got = _read(COFFEE, "两种都来一袋", "coffee_fine")
    assert sorted(_items(got)) == [("coffee_coarse", 1), ("coffee_fine", 1)] and not got["needs_review"]


def test_two_kinds_said_alone_of_different_goods_or_two_things_are_asked():
    assert _read(TEAS, "两种都来一罐", "tea_green")["needs_review"]
    assert _read(COFFEE, "两个都要", "coffee_fine")["needs_review"]


BAGS = _catalog(("bag_single", "加厚睡袋 单人", "个"), ("bag_double", "加厚睡袋 双人", "个"))


def test_single_and_double_are_sizes_of_one_goods_and_the_one_shown_is_meant():
    assert sizes_of_one_goods(list(BAGS))
    got = _read(BAGS, "睡袋来一个", "bag_double")
    assert _items(got) == [("bag_double", 1)] and not got["needs_review"]
    assert _read(BAGS, "睡袋来一个", None)["needs_review"]  # none shown: which one, a person asks
