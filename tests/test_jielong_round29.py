"""群接龙, round 29 (tuning set 30, 接龙 set ad): shade codes in chain lines, in stores other than a cosmetics shop
(a paint shop, a yarn shop).

- 老刘 2桶 05, 小胖 1桶02 送3栋, 王叔 乳胶漆2桶 01和05各一: a shade code the listing's spec names (01 雪白、02 米黄 …
  色号), written with its leading zero or joined to another, is the member's pick, never a count nor a link (link 2
  is another product); a line with the code alone (Coco 02号) is asked; a listed code with 号 after the member's
  count of that product (老周 乳胶漆1桶 12号) is the pick, not link 12.
"""

from __future__ import annotations

from doubles import chain_pasted, shop

PAINT = shop("测试油漆店", ("paint", "墙面乳胶漆 5L", "桶", 199,
                                {"aliases": ["乳胶漆"], "spec": "有 01 雪白、02 米黄、05 浅灰、12 豆绿四个色号"}),
             ("roller", "滚筒刷", "把", 15, {}), ("tape", "美纹纸", "卷", 5, {}), ("putty", "腻子粉", "袋", 35, {}),
             ("primer", "墙固底漆", "桶", 89, {}))
HEAD = "#接龙 乳胶漆 199/桶 色号：01雪白 02米黄 05浅灰 12豆绿 每人限3桶\n例：小明 1桶 01\n"


def test_leading_zero_shade_codes_are_picks_not_counts(tmp_path):
    state, review = chain_pasted(tmp_path, PAINT, HEAD + "1. 阿梅 1桶 01\n2. 老刘 2桶 05\n3. 小胖 1桶02 送3栋\n")
    assert state == {"阿梅": {"paint": 1.0}, "老刘": {"paint": 2.0}, "小胖": {"paint": 1.0}} and not review


def test_joined_shade_codes_with_each_one_are_the_count_said(tmp_path):
    state, review = chain_pasted(tmp_path, PAINT, HEAD + "1. 王叔 乳胶漆2桶 01和05各一\n")
    assert state == {"王叔": {"paint": 2.0}} and not review


def test_a_shade_code_alone_is_asked_never_a_link(tmp_path):
    state, review = chain_pasted(tmp_path, PAINT, HEAD + "1. 阿梅 1桶 01\n2. Coco 02号\n")
    assert state == {"阿梅": {"paint": 1.0}} and set(review) == {"Coco"}


def test_a_listed_code_after_the_count_is_the_pick(tmp_path):
    state, review = chain_pasted(tmp_path, PAINT, HEAD + "1. 老周 滚筒刷1把 乳胶漆1桶 12号\n2. 12号 乳胶漆2桶\n")
    assert state == {"老周": {"roller": 1.0, "paint": 1.0}, "12号": {"paint": 2.0}} and not review
