"""Orders and 群接龙, round 65 (tuning helper c4: the chilli shop and winter warmth goods sets).

- A part pack of the listing shown goes to the listing of the same goods sold in the unit said only when it is a
  whole number of that listing's units: 来3两 or 来半斤 with a 250克 盒 of 花生 shown beside the loose 花生 by the 斤 is
  no whole 斤 either, and a person asks (来两斤 stays 4 盒).
- 个 of goods sold by the pair (双 / 副 / 对) whose spec counts the pair's two pieces (一副两只 护腕) may be one piece or
  one pair: a person asks. A pair whose spec counts no pieces (一副墨镜) is one thing, and 来一个 is one 副.
- A size said (41的) on an order of a listing whose name states its sizes (雪地靴 36-37码) and does not hold it is review:
  the viewer must say which pair fits. The sizes of a range in a name (36-37码) are each that listing's.
"""

from __future__ import annotations

from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser

NUTS = Catalog.from_dict({"products": [
    {"sku": "peanut_loose", "name": "五香花生（散称）", "aliases": ["散装花生"], "link": 1, "unit": "斤", "price": 10,
     "stock": 50},
    {"sku": "peanut_box", "name": "五香花生 250克盒", "aliases": ["盒装花生"], "link": 2, "unit": "盒", "pack": "250克",
     "price": 6, "stock": 50},
    {"sku": "cashew_loose", "name": "盐焗腰果（散称）", "aliases": ["散装腰果"], "link": 3, "unit": "斤", "price": 40,
     "stock": 50},
    {"sku": "cashew_bag", "name": "盐焗腰果 500克袋", "aliases": ["袋装腰果"], "link": 4, "unit": "袋", "pack": "500克",
     "price": 38, "stock": 50},
]})


def _read(catalog, text, current):
    return IntentParser(catalog).parse(text, current).to_dict()


def test_a_part_pack_in_liang_of_a_box_shown_is_no_whole_jin_of_the_loose_goods():
    got = _read(NUTS, "来3两", "peanut_box")
    assert got["needs_review"] and got["kind"] == "order"


def test_half_a_jin_of_a_500g_bag_shown_is_asked_not_booked_as_loose():
    got = _read(NUTS, "来半斤", "cashew_bag")
    assert got["needs_review"]


def test_whole_packs_by_weight_stay_the_pack_shown():
    got = _read(NUTS, "来两斤", "peanut_box")
    assert not got["needs_review"] and got["items"][0]["sku"] == "peanut_box" and got["items"][0]["qty"] == 4


def test_a_whole_jin_with_the_bag_shown_is_the_bag():
    got = _read(NUTS, "来一斤", "cashew_bag")
    assert not got["needs_review"] and got["items"][0]["sku"] == "cashew_bag" and got["items"][0]["qty"] == 1


PAIRS = Catalog.from_dict({"products": [
    {"sku": "wrist", "name": "加绒护腕", "aliases": ["护腕"], "link": 1, "unit": "副", "spec": "一副两只，针织加绒",
     "price": 15, "stock": 30},
    {"sku": "shades", "name": "偏光墨镜", "aliases": ["墨镜"], "link": 2, "unit": "副", "spec": "UV400，带眼镜盒",
     "price": 59, "stock": 30},
]})


def test_ge_of_a_pair_whose_spec_counts_two_pieces_is_asked():
    got = _read(PAIRS, "来一个", "wrist")
    assert got["needs_review"] and got["kind"] == "order"


def test_fu_of_that_pair_is_booked():
    got = _read(PAIRS, "来两副", "wrist")
    assert not got["needs_review"] and got["items"][0]["qty"] == 2


def test_ge_of_a_pair_that_is_one_thing_counts_it():
    got = _read(PAIRS, "来一个", "shades")
    assert not got["needs_review"] and got["items"][0]["sku"] == "shades" and got["items"][0]["qty"] == 1


BOOTS = Catalog.from_dict({"products": [
    {"sku": "boot_s", "name": "雪地靴 36-37码", "aliases": ["雪地靴36-37码"], "link": 1, "unit": "双",
     "spec": "加绒内里，和 40-41码是同一款", "price": 99, "stock": 20},
    {"sku": "boot_l", "name": "雪地靴 40-41码", "aliases": ["雪地靴40-41码"], "link": 2, "unit": "双",
     "spec": "加绒内里，和 36-37码是同一款", "price": 99, "stock": 20},
]})


def test_a_size_the_shown_range_does_not_hold_is_asked():
    got = _read(BOOTS, "38的来一双", "boot_s")
    assert got["needs_review"] and got["kind"] == "order"
    assert _read(BOOTS, "37的来一双", "boot_l")["needs_review"] or \
        _read(BOOTS, "37的来一双", "boot_l")["items"][0]["sku"] == "boot_s"


def test_a_size_inside_the_shown_range_is_booked():
    got = _read(BOOTS, "41的来一双", "boot_l")
    assert not got["needs_review"] and got["items"][0]["sku"] == "boot_l"


def test_the_lower_end_of_a_range_names_its_listing():
    got = _read(BOOTS, "36的来一双", "boot_s")
    assert not got["needs_review"] and got["items"][0]["sku"] == "boot_s"
