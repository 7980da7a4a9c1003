"""群接龙, round 27 (tuning set 27, 接龙 set aa): sizes in the names of products sold as separate links, as a chain
writes them. A header that names each size (1.5米（小号）, 1.8米（大号）) offers both; a member's size beside the count,
before or after it, glued to the nickname or not (1张1.8米, 1.5米2张, 老刘1.8米1张) is which goods; a family word with a
numeral in it (三件套) is the family, asked, and a size said after it (要1.5米的) says which; a word of several
products whose reading would borrow the count's unit (口罩2个: 口罩夹) is asked. Every store here is invented (no
bedding shop)."""

from __future__ import annotations

from doubles import chain_pasted, shop

SPORTS = shop("测试体育用品店", ("mat15", "加厚瑜伽垫三件套 1.5米", "套", 89, {}),
              ("mat18", "加厚瑜伽垫三件套 1.8米", "套", 109, {}),
              ("rope", "儿童跳绳", "根", 15, {"aliases": ["跳绳"]}),
              ("band18", "弹力拉力带 1.8米", "条", 29, {}))
PHARMACY = shop("测试药房", ("mask", "医用口罩", "包", 15, {"pack": "10个"}),
                ("clip", "口罩收纳夹", "个", 6, {"aliases": ["口罩夹"]}),
                ("thermo", "电子体温计", "个", 25, {"aliases": ["体温计"]}))

HEAD = "#接龙 瑜伽垫团 加厚三件套\n1.5米（小号）89元/套 1.8米（大号）109元/套 跳绳15元/根\n例：小明 1.8米1套\n"


def test_sizes_beside_the_count_in_any_order(tmp_path):
    state, review = chain_pasted(tmp_path, SPORTS, HEAD + "1. 阿梅 1套1.8米\n2. Lucky 王 1.5米2套\n"
                                 "3. 老刘1.8米1套 跳绳2根\n4. 王叔（5栋） 1.8米2套 送5栋\n")
    assert state == {"阿梅": {"mat18": 1.0}, "Lucky 王": {"mat15": 2.0}, "老刘": {"mat18": 1.0, "rope": 2.0},
                     "王叔（5栋）": {"mat18": 2.0}} and not review


def test_a_family_word_with_a_numeral_is_asked_then_a_size_says_which(tmp_path):
    state, review = chain_pasted(tmp_path, SPORTS, HEAD + "1. 晨晨妈 三件套1套\n2. 小胖 跳绳1根\n")
    assert state == {"小胖": {"rope": 1.0}} and review == {"晨晨妈"}
    state, review = chain_pasted(tmp_path / "fixed", SPORTS, HEAD + "1. 晨晨妈 三件套1套\n2. 小胖 跳绳1根\n",
                                 HEAD + "1. 晨晨妈 三件套1套 要1.5米的\n2. 小胖 跳绳1根\n")
    assert state == {"晨晨妈": {"mat15": 1.0}, "小胖": {"rope": 1.0}} and not review


def test_a_word_of_several_products_never_borrows_the_counts_unit(tmp_path):
    head = "#接龙 防护团 医用口罩15元/包 口罩夹6元/个 体温计25元/个\n例：小明 口罩1包\n"
    state, review = chain_pasted(tmp_path, PHARMACY, head + "1. Kevin王 口罩2个\n2. 李姐 体温计1个\n")
    assert state == {"李姐": {"thermo": 1.0}} and review == {"Kevin王"}
