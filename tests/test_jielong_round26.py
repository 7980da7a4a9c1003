"""群接龙, round 26 (tuning set 26, 接龙 set z): a number glued to a mark in the names (4通道, 2合1) is the product,
written before or after its quantity (2个4通道, 6通道2个, 四通道的1个); a word that in speech means other goods too (面包
beside 吐司) is asked, even where only one offered name holds it; colours that share a line's total (2盒 红黄各1)
are no more goods. Every store here is invented (no hardware shop)."""

from __future__ import annotations

from doubles import chain_pasted, shop

SPORTS = shop("测试体育玩具店", ("ball4", "4号足球", "个", 59, {"link": 11}), ("ball5", "5号足球", "个", 79, {"link": 12}),
              ("plane4", "4通道遥控飞机", "个", 129, {"link": 13}), ("plane6", "6通道遥控飞机", "个", 199, {"link": 14}),
              ("blocks", "2合1磁力积木", "盒", 99, {"link": 15, "aliases": ["磁力积木"]}),
              ("clay", "超轻彩泥", "盒", 12, {"link": 17, "aliases": ["彩泥"]}))
BAKERY = shop("测试面包房", ("wholewheat", "全麦面包", "个", 12, {}), ("toast", "白吐司", "袋", 10, {"aliases": ["吐司"]}),
              ("tart", "原味蛋挞", "盒", 18, {}))


def test_numbered_names_before_or_after_the_quantity(tmp_path):
    state, review = chain_pasted(tmp_path, SPORTS, "#接龙 遥控飞机团 4通道129元 6通道199元 每人限3个\n例：小明 4通道1个\n"
                                 "1. 阿强 2个4通道 1个6通道\n2. Kevin王 6通道2个\n3. 🌸花姐🌸 四通道的1个\n4. 小胖2019 1个4通道\n")
    assert state == {"阿强": {"plane4": 2.0, "plane6": 1.0}, "Kevin王": {"plane6": 2.0}, "🌸花姐🌸": {"plane4": 1.0},
                     "小胖2019": {"plane4": 1.0}} and not review


def test_a_numbered_ball_size_is_no_missing_link(tmp_path):
    state, review = chain_pasted(tmp_path, SPORTS, "#接龙 足球团 4号足球59元 5号足球79元\n例：小明 4号1个\n"
                                 "1. 阿强 2个4号 1个5号\n2. 李姐 五号的1个\n")
    assert state == {"阿强": {"ball4": 2.0, "ball5": 1.0}, "李姐": {"ball5": 1.0}} and not review


def test_an_n_in_1_name_in_a_chain(tmp_path):
    state, review = chain_pasted(tmp_path, SPORTS, "#接龙 积木团 2合1磁力积木99元/盒 彩泥12元/盒\n例：小明 积木1盒\n"
                                 "1. 阿华 2合1的1盒\n2. 丽丽 彩泥2盒\n")
    assert state == {"阿华": {"blocks": 1.0}, "丽丽": {"clay": 2.0}} and not review


def test_a_word_meaning_other_offered_goods_too_is_asked_then_fixed(tmp_path):
    head = "#接龙 早餐团 全麦面包12元/个 白吐司10元/袋 蛋挞18元/盒\n例：小明 全麦面包1个\n1. 小王 吐司1袋\n"
    state, review = chain_pasted(tmp_path, BAKERY, head + "2. 大(胖)子 面包2个，蛋挞1盒\n")
    assert state == {"小王": {"toast": 1.0}} and review == {"大(胖)子"}
    state, review = chain_pasted(tmp_path / "fixed", BAKERY, head + "2. 大(胖)子 面包2个，蛋挞1盒\n",
                                 head + "2. 大(胖)子 全麦面包2个，蛋挞1盒\n")
    assert state == {"小王": {"toast": 1.0}, "大(胖)子": {"wholewheat": 2.0, "tart": 1.0}} and not review


def test_colours_sharing_a_lines_total_in_a_chain(tmp_path):
    state, review = chain_pasted(tmp_path, SPORTS, "#接龙 彩泥 12元/盒 限5盒\n例：小明 1盒 红色\n"
                                 "1. 陈姐 2盒 红黄各1\n2. 王叔 1盒 蓝色\n3. 7栋刘姐 3盒 红黄蓝各1\n")
    assert state == {"陈姐": {"clay": 2.0}, "王叔": {"clay": 1.0}, "7栋刘姐": {"clay": 3.0}} and not review
