"""群接龙, round 39: a word a product's name writes apart after its goods (白色 of ``纯棉毛巾 白色``) is the pick
among the goods the chain offers, not the kind of goods, even when another product of the shop (a 白色 bath towel,
a 米白色 scarf) holds it too: a member's ``白色3双`` in a chain of white and black socks is the white socks, though
the live parser alone reads 白色 as a doubtful typo of the short alias 白袜. Guards: a colour two offered products
write apart, or a kind glued to the name that another listing sells, still goes to a person. Every store here is
invented (no sewing shop)."""

from __future__ import annotations

from doubles import chain_ledger, chain_pasted

from copilot.base.catalog import Catalog
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

TOWELS = Catalog.from_dict({"products": [
    {"sku": "towel_white", "name": "纯棉毛巾 白色", "aliases": ["白毛巾"], "link": 1, "unit": "条", "price": 8,
     "stock": 100, "limit_per_buyer": 5},
    {"sku": "towel_grey", "name": "纯棉毛巾 灰色", "aliases": ["灰毛巾"], "link": 2, "unit": "条", "price": 8,
     "stock": 100, "limit_per_buyer": 5},
    {"sku": "bath_white", "name": "加厚浴巾 白色", "aliases": ["白浴巾"], "link": 3, "unit": "条", "price": 29,
     "stock": 40, "limit_per_buyer": 3},
]})

SOCKS = Catalog.from_dict({"products": [
    {"sku": "sock_white", "name": "精梳棉袜 白色", "aliases": ["白袜", "白色棉袜"], "link": 1, "unit": "双",
     "price": 6, "stock": 200, "limit_per_buyer": 10},
    {"sku": "sock_black", "name": "精梳棉袜 黑色", "aliases": ["黑袜", "黑色棉袜"], "link": 2, "unit": "双",
     "price": 6, "stock": 200, "limit_per_buyer": 10},
    {"sku": "scarf", "name": "羊绒围巾 米白", "aliases": ["米白色围巾"], "link": 3, "unit": "条", "price": 99,
     "stock": 20, "limit_per_buyer": 2},
]})

PAINT = Catalog.from_dict({"products": [
    {"sku": "paint_white", "name": "内墙乳胶漆 白色", "aliases": ["白漆"], "link": 1, "unit": "桶", "price": 168,
     "stock": 30, "limit_per_buyer": 4},
    {"sku": "paint_grey", "name": "内墙乳胶漆 浅灰", "aliases": ["灰漆"], "link": 2, "unit": "桶", "price": 178,
     "stock": 30, "limit_per_buyer": 4},
    {"sku": "putty", "name": "耐水腻子粉 象牙白", "aliases": ["象牙白色腻子粉"], "link": 3, "unit": "袋", "price": 25,
     "stock": 80},
]})


def test_a_colour_the_offer_names_once_is_that_towel_not_the_bath_towel(tmp_path):
    state, review = chain_pasted(tmp_path, TOWELS, "#接龙 纯棉毛巾 白色 灰色 8元一条 每人限5条\n例：小明 灰色2条\n"
                                             "1. 阿芳 白色2条\n2. 老赵 灰色1条 白色1条\n3、Lucy 王 白色3条\n")
    assert state["阿芳"] == {"towel_white": 2.0} and state["Lucy 王"] == {"towel_white": 3.0}
    assert state["老赵"] == {"towel_grey": 1.0, "towel_white": 1.0} and not review


def test_a_colour_another_listing_holds_in_a_longer_word_is_the_offered_pick(tmp_path):
    state, review = chain_pasted(tmp_path, SOCKS, "#接龙 精梳棉袜 黑色 白色 6元一双\n例：小明 黑色2双\n"
                                            "1,小雨 白色3双\n2,阿强 黑色2双、白色2双\n")
    assert state == {"小雨": {"sock_white": 3.0}, "阿强": {"sock_black": 2.0, "sock_white": 2.0}} and not review


def test_a_colour_written_apart_is_the_offered_paint_across_edited_pastes(tmp_path):
    ledger = chain_ledger(tmp_path, PAINT)
    parse = IntentParser(PAINT).parse
    head = "#接龙 内墙乳胶漆 白色 浅灰 168元一桶\n例：小明 浅灰1桶\n"
    apply_chain(ledger, head + "1. 王哥 白色2桶\n2. 7栋 Lisa 浅灰1桶\n", parse)
    apply_chain(ledger, head + "1. 王哥 白色3桶\n2. 7栋 Lisa 浅灰1桶 白色1桶\n", parse)
    assert chain_state(ledger) == {"王哥": {"paint_white": 3.0}, "7栋 Lisa": {"paint_grey": 1.0, "paint_white": 1.0}}
    assert not ledger.lines(status=REVIEW)


def test_a_colour_two_offered_products_write_apart_stays_for_a_person(tmp_path):
    state, review = chain_pasted(tmp_path, TOWELS, "#接龙 纯棉毛巾 白色 灰色 加厚浴巾 白色\n例：小明 白毛巾2条\n"
                                             "1. 阿芳 白色2条\n2. 老赵 白浴巾1条\n")
    assert "阿芳" in review and "阿芳" not in state  # the white face towel or the white bath towel? a person asks
    assert state["老赵"] == {"bath_white": 1.0}


def test_a_kind_glued_to_the_name_still_asks_when_another_listing_sells_it(tmp_path):
    meat = Catalog.from_dict({"products": [
        {"sku": "sweet_ribs", "name": "糖醋排骨", "link": 1, "unit": "份", "price": 28, "stock": 30},
        {"sku": "corn_soup", "name": "玉米排骨汤", "link": 2, "unit": "份", "price": 22, "stock": 30},
    ]})
    state, review = chain_pasted(tmp_path, meat, "#接龙 糖醋排骨 28元一份\n例：小明 糖醋排骨1份\n1. 阿芳 排骨2份\n")
    assert "阿芳" in review and not state


# an invented stationery counter: each pen has plain names ending in its tip size (0.5) and starting with it
PENS = Catalog.from_dict({"products": [
    {"sku": "pen_red", "name": "中性笔 红色", "aliases": ["红色0.5", "0.5红色", "红笔"], "link": 1, "unit": "支",
     "price": 2, "stock": 300, "limit_per_buyer": 20},
    {"sku": "pen_blue", "name": "中性笔 蓝色", "aliases": ["蓝色0.5", "0.5蓝色", "蓝笔"], "link": 2, "unit": "支",
     "price": 2, "stock": 300, "limit_per_buyer": 20},
    {"sku": "folder", "name": "文件夹 酒红色", "aliases": ["酒红色文件夹"], "link": 3, "unit": "个", "price": 5,
     "stock": 50},
]})


def test_a_word_is_spelled_out_as_a_name_that_keeps_the_count_apart():
    """A pen shop (invented): the only plain names of the red pen are 红色0.5 and 0.5红色; 红色 spelled out before
    its count must not glue the count to the name's number."""
    from copilot.orders.names import plain_name
    from copilot.orders.spelled import spell_out

    red = PENS.get("pen_red")
    assert plain_name(red) == "0.5红色"  # not 红色0.5, the first plain name
    pens = [p for p in PENS.products if p.sku.startswith("pen")]
    assert spell_out("红色3支", pens, PENS) == "0.5红色3支"  # not 红色0.53支, one number


def test_a_colour_before_its_count_books_that_count_when_the_alias_ends_in_a_number(tmp_path):
    state, review = chain_pasted(tmp_path, PENS, "#接龙 中性笔 红色 蓝色 2元一支\n例：小明 蓝色2支\n"
                                           "1. 阿梅 红色3支\n2. 大刘 蓝色5支 红色1支\n")
    assert state["阿梅"] == {"pen_red": 3.0}
    assert state["大刘"] == {"pen_blue": 5.0, "pen_red": 1.0} and not review
