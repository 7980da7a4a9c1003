"""群接龙 round 49, general readings found on the mushroom-stall (intents_blind49) and toy-shop (intents_blind50) chains,
tried on invented stores:

- a nickname glued to its first item whose count is in words (王姐白菜一袋), then a space and a second item: the
  nickname ends where the goods start, as with a count in digits (王姐白菜1袋), never the whole first item taken for
  the nickname (which books the second item to a new member: more than the chain says);
- a count line of a one-product chain ending in a word of one whole thing no catalog sells in (琴姐 一朵): a count of
  the product where that word counts its single items (a 个), else review; never a lost line;
- a numeral and 两 (二两, 三两) on a count-only line is the weight 两, not the number 22 / 32;
- a size span said without its unit before 的 (12-15的 of 陶瓷花盆 12-15厘米 beside 18-20厘米) names the one offered
  product whose name holds that span;
- a family word of two packs of the same goods the chain offers, with a count in the piece only one pack declares
  (贴纸16张 of a 单包 of 8张 beside a 整盒 of 12包): that pack, whole packs only.
"""

from __future__ import annotations

from doubles import chain_pasted, chain_quantities

from copilot.base.catalog import Catalog

DUMPLINGS = Catalog.from_dict({"products": [
    {"sku": "cabbage", "name": "猪肉白菜水饺", "link": 1, "unit": "袋", "price": 22, "stock": 50},
    {"sku": "leek", "name": "韭菜鸡蛋水饺", "link": 2, "unit": "袋", "price": 20, "stock": 50},
]})
FLOWERS = Catalog.from_dict({"products": [
    {"sku": "soap_rose", "name": "手工香皂玫瑰", "aliases": ["香皂玫瑰"], "link": 1, "unit": "个", "price": 6,
     "stock": 60, "limit_per_buyer": 5},
    {"sku": "broccoli", "name": "有机西兰花", "aliases": ["西兰花"], "link": 2, "unit": "斤", "price": 9, "stock": 60},
    {"sku": "pot_s", "name": "陶瓷花盆 12-15厘米", "aliases": ["小花盆"], "link": 3, "unit": "个", "price": 15, "stock": 40},
    {"sku": "pot_l", "name": "陶瓷花盆 18-20厘米", "aliases": ["大花盆"], "link": 4, "unit": "个", "price": 25, "stock": 40},
]})
TEA = Catalog.from_dict({"products": [
    {"sku": "biluochun", "name": "洞庭碧螺春", "aliases": ["碧螺春"], "link": 1, "unit": "两", "price": 60,
     "stock": 80, "limit_per_buyer": 6},
    {"sku": "flower_tea", "name": "玫瑰花茶 50g", "aliases": ["玫瑰花茶"], "link": 2, "unit": "盒", "price": 18,
     "stock": 80, "pack": "50克", "limit_per_buyer": 6},
]})
STICKERS = Catalog.from_dict({"products": [
    {"sku": "sticker_pack", "name": "恐龙贴纸 单包", "aliases": ["单包贴纸"], "link": 1, "unit": "包", "price": 3,
     "stock": 200, "pack": "8张"},
    {"sku": "sticker_box", "name": "恐龙贴纸 整盒", "aliases": ["整盒贴纸"], "link": 2, "unit": "盒", "price": 32,
     "stock": 20, "pack": "12包"},
]})


def _run(catalog, tmp_path, *pastes):
    state, review = chain_pasted(tmp_path, catalog, *pastes)
    return state, sorted(review)


def test_glued_nickname_with_a_count_in_words_then_a_second_item(tmp_path):
    head = "#接龙 手工水饺 猪肉白菜 韭菜鸡蛋 22元/袋\n例：小明 白菜1袋\n"
    state, review = _run(DUMPLINGS, tmp_path, head + "1. 王姐白菜一袋\n2. 小美 韭菜2袋",
                         head + "1. 王姐白菜一袋 韭菜一袋\n2. 小美 韭菜2袋")
    assert chain_quantities(state) == {"王姐": {"cabbage": 1, "leek": 1}, "小美": {"leek": 2}}
    assert review == []


def test_a_count_in_duo_of_goods_sold_by_the_piece_is_that_many(tmp_path):
    state, review = _run(FLOWERS, tmp_path, "#接龙 手工香皂玫瑰 6元一个 每人限5个\n例：小明 2个\n"
                                            "1. 静 静 2个\n2. 琴 姐 一朵\n3. 阿芬两朵")
    assert chain_quantities(state) == {"静 静": {"soap_rose": 2}, "琴 姐": {"soap_rose": 1}, "阿芬": {"soap_rose": 2}}
    assert review == []


def test_a_count_in_duo_of_goods_sold_by_weight_is_review_not_lost(tmp_path):
    state, review = _run(FLOWERS, tmp_path, "#接龙 有机西兰花 9元/斤\n例：小明 2斤\n1. 小美 2斤\n2. 老王 一朵")
    assert chain_quantities(state) == {"小美": {"broccoli": 2}}
    assert review == ["老王"]


def test_a_numeral_and_liang_is_the_weight(tmp_path):
    state, review = _run(TEA, tmp_path / "by_liang", "#接龙 洞庭碧螺春 60元/两 每人限6两\n例：小明 2\n"
                                                     "1. 小美 三两\n2. 阿强 2")
    assert chain_quantities(state) == {"小美": {"biluochun": 3}, "阿强": {"biluochun": 2}} and review == []
    state, review = _run(TEA, tmp_path / "by_pack", "#接龙 玫瑰花茶 50g一盒 18元\n例：小明 1\n"
                                                    "1. 小美 二两\n2. 阿强 1")
    assert chain_quantities(state) == {"小美": {"flower_tea": 2}, "阿强": {"flower_tea": 1}} and review == []


def test_a_size_said_without_its_unit_names_the_offered_size(tmp_path):
    state, review = _run(FLOWERS, tmp_path, "#接龙 陶瓷花盆\n    12-15厘米 15元/个\n    18-20厘米 25元/个\n"
                                            "例：小明 12-15的1个\n1. 小美 12-15的2个\n2. 阿强 18-20的1个 12-15的1个\n"
                                            "3. 老王 花盆1个")
    assert chain_quantities(state) == {"小美": {"pot_s": 2}, "阿强": {"pot_l": 1, "pot_s": 1}}
    assert review == ["老王"]


def test_a_family_word_with_the_piece_one_pack_declares_picks_that_pack(tmp_path):
    state, review = _run(STICKERS, tmp_path, "#接龙 恐龙贴纸 单包3元(8张) 整盒32元(12包)\n例：小明 贴纸2包\n"
                                             "1. 小美 贴纸16张\n2. 阿强 贴纸5张\n3. 老王 贴纸1盒\n4. 豆豆 贴纸2包")
    assert chain_quantities(state) == {"小美": {"sticker_pack": 2}, "老王": {"sticker_box": 1}, "豆豆": {"sticker_pack": 2}}
    assert review == ["阿强"]
