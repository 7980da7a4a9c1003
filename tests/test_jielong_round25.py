"""群接龙, round 25 (tuning set 25): products whose names end in the same measure (6个一盒, 10个一盒) are no family of
goods: a member's line names its product by its own word, a pack count converts, a bare unit of a chain offering both
is asked; a name that is a count (6只) in a line with its quantity is the name. Every store here is invented (no
flower shop)."""

from __future__ import annotations

from doubles import chain_pasted, shop

BAKERY = shop("测试烘焙店", ("tart", "葡式蛋挞 6个一盒", "盒", 18, {"aliases": ["蛋挞"], "pack": "6个"}),
              ("puff", "奶油泡芙 10个一盒", "盒", 15, {"aliases": ["泡芙"], "pack": "10个"}))
DELI = shop("测试熟食店", ("legs6", "6只装卤鸡腿", "盒", 36, {"aliases": ["6只"]}),
            ("legs10", "10只装卤鸡腿", "盒", 56, {"aliases": ["10只"]}))


def test_measures_ending_names_are_no_family_in_a_chain(tmp_path):
    state, review = chain_pasted(tmp_path, BAKERY, "#接龙 烘焙团 蛋挞6个一盒18元 泡芙10个一盒15元\n例：小明 蛋挞1盒\n"
                                 "1. 小王 蛋挞2盒\n2. 李姐 2盒\n3. 阿强 泡芙12个\n4. 小雨 蛋挞12个+泡芙1盒\n")
    assert state == {"小王": {"tart": 2.0}, "小雨": {"tart": 2.0, "puff": 1.0}} and review == {"李姐", "阿强"}


def test_a_single_product_chain_of_a_measured_name_reads_bare_numbers(tmp_path):
    state, review = chain_pasted(tmp_path, BAKERY, "#接龙 蛋挞6个一盒 18元\n例：小明 1\n1. 小雨2\n2. 阿强 1盒\n3. 王奶奶：12个\n")
    assert state == {"小雨": {"tart": 2.0}, "阿强": {"tart": 1.0}, "王奶奶": {"tart": 2.0}} and not review


def test_a_count_name_with_its_quantity_in_a_chain(tmp_path):
    state, _ = chain_pasted(tmp_path, DELI, "#接龙 卤鸡腿 6只装36元 10只装56元\n例：小明 6只1盒\n1. 小王 6只2盒\n2. 李姐 1盒10只\n")
    assert state == {"小王": {"legs6": 2.0}, "李姐": {"legs10": 1.0}}
