"""群接龙, round 28 (tuning set 28, 接龙 set ab): what a chain line says besides the goods and the count, as real groups
write them, in stores other than a phone-accessories shop (an appliance-parts shop, an office-supplies shop, a bakery).

- 集尘袋1包 戴森V8, 墨盒2个 惠普803: the model of the member's own the goods must fit is a remark, no count, no link
  and no other product (a brand with digits alone only where the catalog's specs name that brand's models by number);
  a fruit chain's 苹果3 stays three apples.
- 王叔叔 给我爸妈买: the member speaks from 给我 on (no nickname goes on with it), and a line with no count at all is asked.
"""

from __future__ import annotations

from doubles import chain_pasted, shop

PARTS = shop("测试家电配件店", ("bag", "戴森吸尘器集尘袋 5个装", "包", 29, {"aliases": ["集尘袋"]}),
             ("filter", "戴森后置滤网", "个", 49, {"aliases": ["滤网"]}),
             ("brush", "扫地机边刷", "对", 19, {"aliases": ["边刷"]}))
OFFICE = shop("测试文印耗材店", ("ink_black", "惠普黑色墨盒", "个", 89, {"spec": "适配惠普 803 和 802 打印机"}),
              ("ink_color", "惠普彩色墨盒", "个", 109, {"spec": "适配惠普 803"}), ("paper", "A4打印纸", "包", 25, {}))
FRUIT = shop("测试水果店", ("apple", "红富士苹果", "斤", 6, {"aliases": ["苹果"], "spec": "5斤装"}),
             ("pear", "砀山梨", "斤", 4, {"aliases": ["梨"]}))
BAKERY = shop("测试面包店", ("toast", "牛奶吐司", "个", 15, {}))


def test_a_model_beside_the_count_is_a_remark(tmp_path):
    head = "#接龙 配件团 集尘袋29/包 边刷19/对\n例：小明 集尘袋1包 戴森V8\n"
    state, review = chain_pasted(tmp_path, PARTS, head + "1. 阿梅 集尘袋1包 戴森V8\n2. 老刘 边刷2对 小米T7\n"
                                 "3. Lucky 王 2包集尘袋 V10\n")
    assert state == {"阿梅": {"bag": 1.0}, "老刘": {"brush": 2.0}, "Lucky 王": {"bag": 2.0}} and not review


def test_a_brand_with_digits_is_a_model_where_the_specs_number_that_brands_models(tmp_path):
    head = "#接龙 墨盒团 黑色89/个 彩色109/个\n例：小明 黑色1个 惠普803\n"
    state, review = chain_pasted(tmp_path, OFFICE, head + "1. 阿梅 黑色墨盒1个 惠普803\n2. 王叔（5栋） 彩色墨盒2个 惠普802\n")
    assert state == {"阿梅": {"ink_black": 1.0}, "王叔（5栋）": {"ink_color": 2.0}} and not review


def test_a_product_word_with_a_count_stays_an_order(tmp_path):
    head = "#接龙 水果团 苹果6元/斤 梨4元/斤\n例：小明 梨2斤 苹果3斤\n"
    state, _ = chain_pasted(tmp_path, FRUIT, head + "1. 阿梅 梨2斤 苹果3斤\n")
    assert state == {"阿梅": {"pear": 2.0, "apple": 3.0}}


def test_a_line_that_speaks_for_the_member_and_has_no_count_is_asked(tmp_path):
    head = "#接龙 明早出炉 牛奶吐司 15元/个\n例：小明 2\n"
    state, review = chain_pasted(tmp_path, BAKERY, head + "1. 小雨2\n2. 王叔叔 给我爸妈买\n")
    assert state == {"小雨": {"toast": 2.0}} and review == {"王叔叔"}
    state, review = chain_pasted(tmp_path / "fixed", BAKERY, head + "1. 小雨2\n2. 王叔叔 给我爸妈买\n",
                                 head + "1. 小雨2\n2. 王叔叔 给我爸妈买2个\n")
    assert state == {"小雨": {"toast": 2.0}, "王叔叔": {"toast": 2.0}} and not review


HARDWARE = shop("测试五金店", ("bulb9", "LED球泡灯 9W", "个", 9, {}), ("bulb18", "LED球泡灯 18W", "个", 15, {}),
                ("tape", "电工胶布", "卷", 3, {}))


def test_a_multiplication_sign_glued_to_a_names_letters_is_the_count(tmp_path):
    head = "#接龙 灯泡团 9W 9元/个 18W 15元/个 胶布3元/卷\n例：小明 9W 1个\n"
    state, review = chain_pasted(tmp_path, HARDWARE, head + "1. 大(胖)子 18W×2\n2. 阿梅 9W×3 胶布×1\n")
    assert state == {"大(胖)子": {"bulb18": 2.0}, "阿梅": {"bulb9": 3.0, "tape": 1.0}} and not review
